using System;

namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// The Batch service's limits and defaults for pool settings, read by the analyzer's rules and by the pool model the
    /// emulator runs, so both refuse the same values. Where a rule is stricter than the service (it refuses what Batch
    /// would accept, to catch a likely mistake), the rule says so and keeps its own bound; the service's stays here.
    /// </summary>
    public static class ServiceLimits
    {
        /// <summary>The shortest resize timeout the service accepts.</summary>
        public const int MinResizeTimeoutMinutes = 5;

        /// <summary>The resize timeout the service uses when a resize names none.</summary>
        public const int DefaultResizeTimeoutMinutes = 15;

        /// <summary>The shortest autoscale evaluation interval.</summary>
        public const int MinEvaluationIntervalMinutes = 5;

        /// <summary>The longest autoscale evaluation interval (168 hours).</summary>
        public const int MaxEvaluationIntervalMinutes = 168 * 60;

        /// <summary>The evaluation interval the service uses when none is given.</summary>
        public const int DefaultEvaluationIntervalMinutes = 15;

        public const int MinTaskSlotsPerNode = 1;

        /// <summary>The service's cap; it also allows at most 4 times the VM size's cores, which the service checks.</summary>
        public const int MaxTaskSlotsPerNode = 256;

        /// <summary>The longest pool id.</summary>
        public const int MaxPoolIdLength = 64;

        /// <summary>The most nodes one remove-nodes request may name.</summary>
        public const int MaxNodesPerRemoval = 100;

        /// <summary>The most tasks one add-task-collection request may carry.</summary>
        public const int MaxTasksPerCollection = 100;

        /// <summary>One add-task-collection request's body must be smaller than this (1 MiB); a larger one fails with <c>RequestBodyTooLarge</c> (413).</summary>
        public const int MaxTaskCollectionBytes = 1024 * 1024;

        /// <summary>The longest job id: the service documents a job id as letters, digits, hyphens and underscores, at most 64 characters.</summary>
        public const int MaxJobIdLength = 64;

        /// <summary>The longest task id: the service documents a task id as letters, digits, hyphens and underscores, at most 64 characters.</summary>
        public const int MaxTaskIdLength = 64;

        public static TimeSpan MinResizeTimeout => TimeSpan.FromMinutes(MinResizeTimeoutMinutes);

        public static TimeSpan DefaultResizeTimeout => TimeSpan.FromMinutes(DefaultResizeTimeoutMinutes);

        public static TimeSpan MinEvaluationInterval => TimeSpan.FromMinutes(MinEvaluationIntervalMinutes);

        public static TimeSpan MaxEvaluationInterval => TimeSpan.FromMinutes(MaxEvaluationIntervalMinutes);

        public static TimeSpan DefaultEvaluationInterval => TimeSpan.FromMinutes(DefaultEvaluationIntervalMinutes);

        /// <summary>A pool id's characters: ASCII letters, digits, hyphens and underscores.</summary>
        public static bool IsPoolIdCharacter(char c) =>
            c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_';

        /// <summary>1 to <see cref="MaxPoolIdLength"/> characters, each a <see cref="IsPoolIdCharacter">pool id character</see>.</summary>
        public static bool IsValidPoolId(string? id) => IsValidId(id, MaxPoolIdLength);

        /// <summary>1 to <see cref="MaxJobIdLength"/> characters, each a <see cref="IsPoolIdCharacter">pool id character</see>.</summary>
        public static bool IsValidJobId(string? id) => IsValidId(id, MaxJobIdLength);

        /// <summary>1 to <see cref="MaxTaskIdLength"/> characters, each a <see cref="IsPoolIdCharacter">pool id character</see>.</summary>
        public static bool IsValidTaskId(string? id) => IsValidId(id, MaxTaskIdLength);

        // Pools, jobs and tasks share the service's id characters; only the length is each one's own.
        private static bool IsValidId(string? id, int maxLength)
        {
            if (string.IsNullOrEmpty(id) || id!.Length > maxLength) return false;
            foreach (var c in id)
            {
                if (!IsPoolIdCharacter(c)) return false;
            }
            return true;
        }

        public static bool IsTaskSlotsPerNodeInRange(int slots) => slots is >= MinTaskSlotsPerNode and <= MaxTaskSlotsPerNode;

        public static bool IsEvaluationIntervalInRange(TimeSpan interval) => interval >= MinEvaluationInterval && interval <= MaxEvaluationInterval;
    }
}
