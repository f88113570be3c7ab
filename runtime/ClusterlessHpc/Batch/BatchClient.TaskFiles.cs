using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The task file operations: what a task left in its directory on its node, such as <c>stdout.txt</c>.</summary>
    public partial class BatchClient
    {
        /// <summary>A task's standard output, relative to the task's directory.</summary>
        public const string TaskStdOutPath = "stdout.txt";

        /// <summary>A task's standard error, relative to the task's directory.</summary>
        public const string TaskStdErrPath = "stderr.txt";

        /// <summary>
        /// Lists the files and directories of a task (GET /jobs/{jobId}/tasks/{taskId}/files): the top level of its
        /// directory, or everything below it with <paramref name="recursive"/>. <paramref name="filter"/> is an OData
        /// filter such as <c>startswith(name,'wd')</c>.
        /// </summary>
        public virtual AsyncPageable<BatchNodeFile> GetTaskFilesAsync(
            string jobId,
            string taskId,
            string? filter = null,
            bool? recursive = null,
            int? maxResults = null,
            CancellationToken cancellationToken = default)
        {
            return ListFiles("GetTaskFiles", TaskPath(jobId, taskId) + "/files", filter, recursive, maxResults, cancellationToken);
        }

        /// <summary>
        /// Reads a file of a task (GET /jobs/{jobId}/tasks/{taskId}/files/{filePath}), or the bytes of
        /// <paramref name="range"/> (sent as <c>ocp-range</c>). A missing file fails with <c>FileNotFound</c> (404).
        /// Only <see cref="RequestConditions.IfModifiedSince"/> and <see cref="RequestConditions.IfUnmodifiedSince"/> apply.
        /// </summary>
        public virtual async Task<Response<BinaryData>> GetTaskFileAsync(
            string jobId,
            string taskId,
            string filePath,
            HttpRange? range = null,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default) =>
            await GetFileAsync("GetTaskFile", TaskFilePath(jobId, taskId, filePath), range, requestConditions, cancellationToken).ConfigureAwait(false);

        /// <summary>The properties of a file of a task, from the headers of HEAD /jobs/{jobId}/tasks/{taskId}/files/{filePath}.</summary>
        public virtual async Task<Response<BatchFileProperties>> GetTaskFilePropertiesAsync(
            string jobId,
            string taskId,
            string filePath,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default) =>
            await GetFilePropertiesAsync("GetTaskFileProperties", TaskFilePath(jobId, taskId, filePath), requestConditions, cancellationToken).ConfigureAwait(false);

        private static string TaskFilePath(string jobId, string taskId, string filePath) =>
            TaskPath(jobId, taskId) + "/files/" + FilePathSegments(filePath);
    }
}
