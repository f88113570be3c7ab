using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// A task's settings as the add request gives them (TaskAddParameter): the properties the model runs. It is also the
    /// task's saved shape; the emulator refuses what the model does not run (multi-instance settings, dependencies,
    /// output files, containers, exit conditions, application packages, authentication tokens).
    /// </summary>
    public sealed class TaskSpec
    {
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        public string CommandLine { get; set; } = "";

        public List<ResourceFile>? ResourceFiles { get; set; }

        public List<EnvironmentSetting>? EnvironmentSettings { get; set; }

        public TaskConstraintsSpec? Constraints { get; set; }

        /// <summary>The scheduling slots the task takes on its node; 1 by default.</summary>
        public int? RequiredSlots { get; set; }

        public UserIdentity? UserIdentity { get; set; }

        /// <summary>
        /// A soft preference for a node (its <see cref="SimulatedNode.AffinityId"/>): the scheduler starts the task there when
        /// that node has the slots free as the task is scheduled, elsewhere otherwise, as the service documents.
        /// </summary>
        public BatchAffinityInfo? AffinityInfo { get; set; }

        public int Slots => RequiredSlots ?? 1;
    }

    public sealed class TaskConstraintsSpec
    {
        /// <summary>How long the task may run; then it is terminated and fails with <c>MaxWallClockTimeExpiry</c>.</summary>
        public TimeSpan? MaxWallClockTime { get; set; }

        /// <summary>How long the task's directory is kept on its node after it completes; 7 days by default.</summary>
        public TimeSpan? RetentionTime { get; set; }

        /// <summary>Retries after a non-zero exit code: -1 without limit; the job's constraint when not set.</summary>
        public int? MaxTaskRetryCount { get; set; }
    }
}
