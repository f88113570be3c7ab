using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The task operations; adding many tasks at once is in <c>BatchClient.CreateTasks.cs</c>.</summary>
    public partial class BatchClient
    {
        /// <summary>
        /// Adds one task to a job (POST /jobs/{jobId}/tasks, 201). An existing id fails with <c>TaskExists</c> (409), a
        /// completed job with <c>JobCompleted</c> (409). To add many, or to add again safely after a failure, use
        /// <see cref="CreateTasksAsync"/>.
        /// </summary>
        public virtual async Task<Response> CreateTaskAsync(string jobId, BatchTaskCreateOptions task, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(task);
            using var message = CreateMessage(RequestMethod.Post, JobPath(jobId) + "/tasks", 201);
            SetJsonBody(message, task, BatchJsonContext.Default.BatchTaskCreateOptions);
            return await SendAsync("CreateTask", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends one add-task-collection request (POST /jobs/{jobId}/addtaskcollection, 200) and returns each task's result
        /// as the service gave it: nothing here retries a task that failed. <see cref="CreateTasksAsync"/> splits any
        /// number of tasks into such requests and retries what failed.
        /// </summary>
        public virtual async Task<Response<BatchTaskAddCollectionResult>> CreateTaskCollectionAsync(
            string jobId, BatchTaskGroup taskCollection, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(taskCollection);
            using var message = CreateMessage(RequestMethod.Post, JobPath(jobId) + "/addtaskcollection", 200);
            SetJsonBody(message, taskCollection, BatchJsonContext.Default.BatchTaskGroup);
            return await SendAsync("CreateTaskCollection", message, BatchJsonContext.Default.BatchTaskAddCollectionResult, cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>Gets a task (GET /jobs/{jobId}/tasks/{taskId}); a missing task fails with <c>TaskNotFound</c> (404).</summary>
        public virtual Task<Response<BatchTask>> GetTaskAsync(string jobId, string taskId, CancellationToken cancellationToken) =>
            GetTaskAsync(jobId, taskId, select: null, expand: null, requestConditions: null, cancellationToken);

        /// <summary>
        /// Gets a task (GET /jobs/{jobId}/tasks/{taskId}) with only the <paramref name="select"/>ed properties and the
        /// <paramref name="expand"/>ed ones (<c>stats</c>).
        /// </summary>
        public virtual async Task<Response<BatchTask>> GetTaskAsync(
            string jobId,
            string taskId,
            IEnumerable<string>? select = null,
            IEnumerable<string>? expand = null,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Get, TaskPath(jobId, taskId), 200);
            AddQuery(message, "$select", select);
            AddQuery(message, "$expand", expand);
            AddConditions(message, requestConditions);
            return await SendAsync("GetTask", message, BatchJsonContext.Default.BatchTask, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Lists a job's tasks (GET /jobs/{jobId}/tasks), following <c>odata.nextLink</c>. <paramref name="filter"/> is an
        /// OData filter such as <c>state eq 'completed' and executionInfo/exitCode ne 0</c>; <paramref name="select"/>
        /// keeps only the named properties (<c>id,state</c>); <paramref name="maxResults"/> (1 to 1000) is the page size.
        /// </summary>
        public virtual AsyncPageable<BatchTask> GetTasksAsync(
            string jobId,
            string? filter = null,
            IEnumerable<string>? select = null,
            IEnumerable<string>? expand = null,
            int? maxResults = null,
            CancellationToken cancellationToken = default)
        {
            var path = JobPath(jobId) + "/tasks";
            return List("GetTasks", path, BatchJsonContext.Default.BatchListResultBatchTask, message =>
            {
                AddQuery(message, "$filter", filter);
                AddQuery(message, "$select", select);
                AddQuery(message, "$expand", expand);
            }, maxResults, cancellationToken);
        }

        /// <summary>
        /// Terminates a task (POST /jobs/{jobId}/tasks/{taskId}/terminate, 204): a running task is stopped and, like an
        /// active one, marked completed; it is not retried.
        /// </summary>
        public virtual async Task<Response> TerminateTaskAsync(
            string jobId, string taskId, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Post, TaskPath(jobId, taskId) + "/terminate", 204);
            AddConditions(message, requestConditions);
            return await SendAsync("TerminateTask", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Deletes a task (DELETE /jobs/{jobId}/tasks/{taskId}, 200): a running task is terminated first, and its files on
        /// the node are deleted.
        /// </summary>
        public virtual async Task<Response> DeleteTaskAsync(
            string jobId, string taskId, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Delete, TaskPath(jobId, taskId), 200);
            AddConditions(message, requestConditions);
            return await SendAsync("DeleteTask", message, cancellationToken).ConfigureAwait(false);
        }

        private static string TaskPath(string jobId, string taskId) => JobPath(jobId) + "/tasks/" + Escape(taskId, nameof(taskId));
    }
}
