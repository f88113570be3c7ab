using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// A job's settings as the add request gives them (JobAddParameter), changed by patch and update: the properties the
    /// model runs. It is also the job's saved shape; the emulator reads request bodies into it and refuses the job
    /// features the model does not run (job manager, preparation and release tasks, auto pools, task dependencies).
    /// </summary>
    public sealed class JobSpec
    {
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        /// <summary>-1000 to 1000; jobs of higher priority get free slots first.</summary>
        public int? Priority { get; set; }

        /// <summary>-1 (no limit) or the most tasks of the job that run at once.</summary>
        public int? MaxParallelTasks { get; set; }

        public bool? AllowTaskPreemption { get; set; }

        public JobConstraintsSpec? Constraints { get; set; }

        public List<EnvironmentSetting>? CommonEnvironmentSettings { get; set; }

        public PoolInfoSpec? PoolInfo { get; set; }

        /// <summary><c>noaction</c> (the default) or <c>terminatejob</c>.</summary>
        public string? OnAllTasksComplete { get; set; }

        /// <summary><c>noaction</c> (the default) or <c>performexitoptionsjobaction</c>; the model has no exit options, so it is kept only.</summary>
        public string? OnTaskFailure { get; set; }

        public List<BatchMetadataItem>? Metadata { get; set; }

        public bool? UsesTaskDependencies { get; set; }

        public string PoolId => PoolInfo?.PoolId ?? "";

        public bool TerminatesWhenAllTasksComplete => string.Equals(OnAllTasksComplete, JobSpecValues.TerminateJob, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class JobConstraintsSpec
    {
        /// <summary>How long the job may run from its creation; then it is terminated with <c>MaxWallClockTimeExpiry</c>.</summary>
        public TimeSpan? MaxWallClockTime { get; set; }

        /// <summary>The retries of each task whose own constraints do not say; -1 without limit, 0 (the default) none.</summary>
        public int? MaxTaskRetryCount { get; set; }
    }

    public sealed class PoolInfoSpec
    {
        public string? PoolId { get; set; }
    }

    /// <summary>The wire values of a job's enumerations.</summary>
    public static class JobSpecValues
    {
        public const string NoAction = "noaction";
        public const string TerminateJob = "terminatejob";
        public const string PerformExitOptionsJobAction = "performexitoptionsjobaction";

        /// <summary>The largest duration the service reports for "no limit" (TimeSpan.MaxValue), as it echoes unset constraints.</summary>
        public static readonly TimeSpan Unlimited = TimeSpan.MaxValue;

        /// <summary>How long a task's directory is kept after it completes unless the task says otherwise.</summary>
        public static readonly TimeSpan DefaultRetentionTime = TimeSpan.FromDays(7);
    }
}
