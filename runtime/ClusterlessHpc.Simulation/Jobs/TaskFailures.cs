using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>The <c>failureInfo</c> of a completed task that failed, with the service's codes and messages.</summary>
    internal static class TaskFailures
    {
        /// <summary>The task exited with a non-zero code after its last retry.</summary>
        public static BatchTaskFailureInfo FailureExitCode() => Failure(BatchErrorSourceCategory.UserError, "FailureExitCode",
            "The task exited with an exit code representing a failure");

        /// <summary>Ended by a terminate request (of the task or of its job).</summary>
        public static BatchTaskFailureInfo EndedByUser() => Failure(BatchErrorSourceCategory.UserError, "TaskEnded", "Task Was Ended by User Request");

        /// <summary>Ran longer than its constraint allows (it is not retried).</summary>
        public static BatchTaskFailureInfo MaxWallClockTimeExpiry() => Failure(BatchErrorSourceCategory.UserError, "MaxWallClockTimeExpiry",
            "The task ran longer than the maxWallClockTime of its constraints and was terminated");

        /// <summary>Its node left the pool with the deallocation option <c>terminate</c>.</summary>
        public static BatchTaskFailureInfo NodeLeftPool() => Failure(BatchErrorSourceCategory.ServerError, "TaskEnded",
            "The task was terminated because its node was removed from the pool with the deallocation option terminate");

        /// <summary>Its node was rebooted or reimaged with the option <c>terminate</c>.</summary>
        public static BatchTaskFailureInfo NodeRestarted() => Failure(BatchErrorSourceCategory.ServerError, "TaskEnded",
            "The task was terminated because its node was rebooted or reimaged with the option terminate");

        /// <summary>Its job reached the job's maxWallClockTime.</summary>
        public static BatchTaskFailureInfo JobMaxWallClockTimeExpiry() => Failure(BatchErrorSourceCategory.UserError, "TaskEnded",
            "The task was terminated because its job reached the maxWallClockTime of its constraints");

        private static BatchTaskFailureInfo Failure(BatchErrorSourceCategory category, string code, string message) => new()
        {
            Category = category,
            Code = code,
            Message = message,
            Details = [new NameValuePair { Name = "Message", Value = message }],
        };
    }
}
