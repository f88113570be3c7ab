using System.Collections.Generic;
using System.Linq;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Some tasks given to <see cref="BatchClient.CreateTasksAsync"/> are not in the job: the service refused them, a task
    /// of the same id exists with another definition (<c>TaskExists</c>), or they still failed after every attempt.
    /// <see cref="RequestFailedException.ErrorCode"/> is the first failure's code; <see cref="Failures"/> has each task's.
    /// The others were added, or were there already.
    /// </summary>
    public sealed class CreateTasksException : RequestFailedException
    {
        private const int FailuresNamed = 10;

        internal CreateTasksException(string jobId, int taskCount, IReadOnlyList<BatchTaskAddResult> failures, CreateTasksResult done)
            : base(0, Describe(jobId, taskCount, failures), failures[0].Error?.Code, innerException: null)
        {
            JobId = jobId;
            Failures = failures;
            Done = done;
        }

        public string JobId { get; }

        /// <summary>Each task not added, in the order given, with the error that kept it out.</summary>
        public IReadOnlyList<BatchTaskAddResult> Failures { get; }

        /// <summary>The tasks that are in the job.</summary>
        public CreateTasksResult Done { get; }

        private static string Describe(string jobId, int taskCount, IReadOnlyList<BatchTaskAddResult> failures)
        {
            var named = failures.Take(FailuresNamed).Select(f => $"'{f.TaskId}': {f.Error?.Code}: {f.Error?.Message?.Value}");
            var more = failures.Count > FailuresNamed ? $"; and {failures.Count - FailuresNamed} more" : "";
            return $"{failures.Count} of {taskCount} tasks were not added to job '{jobId}': {string.Join("; ", named)}{more}.";
        }
    }
}
