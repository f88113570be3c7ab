using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The job operations.</summary>
    public partial class BatchClient
    {
        /// <summary>
        /// Adds a job on a pool (POST /jobs, 201). An existing id fails with <c>JobExists</c> (409); the job's tasks are added
        /// with <see cref="CreateTaskAsync"/> or <see cref="CreateTasksAsync"/>.
        /// </summary>
        public virtual async Task<Response> CreateJobAsync(BatchJobCreateOptions job, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            using var message = CreateMessage(RequestMethod.Post, "/jobs", 201);
            SetJsonBody(message, job, BatchJsonContext.Default.BatchJobCreateOptions);
            return await SendAsync("CreateJob", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Gets a job (GET /jobs/{jobId}); a missing job fails with <c>JobNotFound</c> (404).</summary>
        public virtual Task<Response<BatchJob>> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
            GetJobAsync(jobId, select: null, expand: null, requestConditions: null, cancellationToken);

        /// <summary>
        /// Gets a job (GET /jobs/{jobId}) with only the <paramref name="select"/>ed properties and the
        /// <paramref name="expand"/>ed ones (<c>stats</c>).
        /// </summary>
        public virtual async Task<Response<BatchJob>> GetJobAsync(
            string jobId,
            IEnumerable<string>? select = null,
            IEnumerable<string>? expand = null,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Get, JobPath(jobId), 200);
            AddQuery(message, "$select", select);
            AddQuery(message, "$expand", expand);
            AddConditions(message, requestConditions);
            return await SendAsync("GetJob", message, BatchJsonContext.Default.BatchJob, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Lists the account's jobs (GET /jobs), following <c>odata.nextLink</c>. <paramref name="filter"/> is an OData filter
        /// such as <c>state eq 'active'</c>; <paramref name="maxResults"/> (1 to 1000) is the page size.
        /// </summary>
        public virtual AsyncPageable<BatchJob> GetJobsAsync(
            string? filter = null,
            IEnumerable<string>? select = null,
            IEnumerable<string>? expand = null,
            int? maxResults = null,
            CancellationToken cancellationToken = default) =>
            List("GetJobs", "/jobs", BatchJsonContext.Default.BatchListResultBatchJob, message =>
            {
                AddQuery(message, "$filter", filter);
                AddQuery(message, "$select", select);
                AddQuery(message, "$expand", expand);
            }, maxResults, cancellationToken);

        /// <summary>Changes only the properties set in <paramref name="job"/> (PATCH /jobs/{jobId}, 200).</summary>
        public virtual async Task<Response> UpdateJobAsync(
            string jobId, BatchJobUpdateOptions job, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            using var message = CreateMessage(RequestMethod.Patch, JobPath(jobId), 200);
            AddConditions(message, requestConditions);
            SetJsonBody(message, job, BatchJsonContext.Default.BatchJobUpdateOptions);
            return await SendAsync("UpdateJob", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Terminates a job (POST /jobs/{jobId}/terminate, 202): it goes <c>terminating</c>, its running tasks are
        /// terminated, then <c>completed</c>; no more tasks can be added. A completed job fails with <c>JobCompleted</c>
        /// (409). <paramref name="force"/> terminates it even while a job release task is still running.
        /// </summary>
        public virtual async Task<Response> TerminateJobAsync(
            string jobId,
            BatchJobTerminateOptions? options = null,
            bool? force = null,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Post, JobPath(jobId) + "/terminate", 202);
            AddQuery(message, "force", force);
            AddConditions(message, requestConditions);
            if (options is not null) SetJsonBody(message, options, BatchJsonContext.Default.BatchJobTerminateOptions);
            return await SendAsync("TerminateJob", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Starts deleting a job and its tasks (DELETE /jobs/{jobId}, 202): it passes through <c>deleting</c> before it is
        /// gone. <paramref name="force"/> deletes it even while a job release task is still running.
        /// </summary>
        public virtual async Task<Response> DeleteJobAsync(
            string jobId, bool? force = null, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Delete, JobPath(jobId), 202);
            AddQuery(message, "force", force);
            AddConditions(message, requestConditions);
            return await SendAsync("DeleteJob", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A job's tasks and their slots by state (GET /jobs/{jobId}/taskcounts). The service may report these a few
        /// seconds late; a list of the tasks is exact.
        /// </summary>
        public virtual async Task<Response<BatchTaskCountsResult>> GetJobTaskCountsAsync(string jobId, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Get, JobPath(jobId) + "/taskcounts", 200);
            return await SendAsync("GetJobTaskCounts", message, BatchJsonContext.Default.BatchTaskCountsResult, cancellationToken).ConfigureAwait(false);
        }

        private static string JobPath(string jobId) => "/jobs/" + Escape(jobId, nameof(jobId));
    }
}
