using System;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>How <see cref="BatchClient.CreateTasksAsync"/> adds many tasks: requests in flight, attempts, and the waits between rounds.</summary>
    public sealed class CreateTasksOptions
    {
        /// <summary>How many add-task-collection requests are in flight at once; 4 by default.</summary>
        public int MaxDegreeOfParallelism { get; set; } = 4;

        /// <summary>
        /// How many times a task is sent at most, counting the first; 5 by default. Each send is one request of the
        /// client's pipeline, which itself retries transport failures, 408, 429, 500, 502, 503 and 504.
        /// </summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>The waits before each round of retries; exponential from 1 s to 30 s by default.</summary>
        public DelayStrategy? RetryDelays { get; set; }

        /// <summary>The clock the waits between rounds sleep on; the system clock by default.</summary>
        public TimeProvider? TimeProvider { get; set; }

        internal static DelayStrategy DefaultRetryDelays { get; } =
            OperationPolling.Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        internal void Validate()
        {
            if (MaxDegreeOfParallelism < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                    $"CreateTasksOptions.MaxDegreeOfParallelism is {MaxDegreeOfParallelism}; it must be at least 1.");
            }
            if (MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts,
                    $"CreateTasksOptions.MaxAttempts is {MaxAttempts}; it must be at least 1.");
            }
        }
    }
}
