using System.Collections.Generic;
using System.Linq;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>What applying a definition would do.</summary>
    public enum PoolPlanAction
    {
        /// <summary>No pool has the id: it will be created.</summary>
        Create,

        /// <summary>The pool exists as defined.</summary>
        NoChange,

        /// <summary>The pool exists but differs; see <see cref="PoolPlan.Differences"/>.</summary>
        Drift,
    }

    /// <summary>How a live pool differs from its definition, property by property.</summary>
    public sealed class PoolPlan
    {
        public PoolPlan(string poolId, PoolPlanAction action, IReadOnlyList<PoolDifference> differences)
        {
            PoolId = poolId;
            Action = action;
            Differences = differences;
        }

        public string PoolId { get; }

        public PoolPlanAction Action { get; }

        public IReadOnlyList<PoolDifference> Differences { get; }

        /// <summary>The definition's warnings (rules it breaks that do not stop it, such as CHPC0039), as the validator gives them.</summary>
        public IReadOnlyList<Diagnostics.PoolDiagnostic> Warnings { get; init; } = System.Array.Empty<Diagnostics.PoolDiagnostic>();

        /// <summary>
        /// Settings the definition names for secrets that have no value. A plan sends no secret, so it is made without
        /// them; applying the definition refuses until they have values.
        /// </summary>
        public IReadOnlyList<MissingSetting> MissingSettings { get; init; } = [];

        /// <summary>
        /// The pool's node agent when its retirement date has come or is at most 90 days away (by the provisioner's
        /// clock), else null. When it has come and the pool does not exist, applying the definition refuses to create it.
        /// </summary>
        public NodeAgentRetirement? Retirement { get; init; }

        /// <summary>
        /// How the nodes install the pool's Julia packages, for a pool that downloads Julia and declares packages (else
        /// null): shared (the first node publishes its install and later nodes use it) or each node on its own (inline
        /// delivery without blob storage). See docs/delivery.md, "Shared install".
        /// </summary>
        public string? PackageInstall { get; init; }

        /// <summary>Whether applying the definition would refuse: it would create a pool on a retired node agent.</summary>
        public bool CreateRefused => Action == PoolPlanAction.Create && Retirement is { HasPassed: true };

        /// <summary>Whether Batch can change every differing property of the existing pool (no recreate needed).</summary>
        public bool CanUpdateInPlace => Differences.All(d => d.UpdatableInPlace);

        /// <summary>Whether the start task differs (its script or its settings): existing nodes get it only when rebooted or reimaged.</summary>
        public bool ChangesStartTask => Differences.Any(d => d.IsStartTask);

        public override string ToString() => (Action switch
        {
            PoolPlanAction.Create => $"pool '{PoolId}': create",
            PoolPlanAction.NoChange => $"pool '{PoolId}': no change",
            _ => $"pool '{PoolId}': differs in " + string.Join("; ", Differences),
        }) + (MissingSettings.Count == 0 ? "" : "; missing " + string.Join(", ", MissingSettings.Select(m => $"'{m.SettingKey}' ({m.UsedFor})")))
          + (PackageInstall is null ? "" : "\n  " + PackageInstall)
          + string.Concat(Warnings.Select(w => "\n  " + w))
          + (Retirement is null ? "" : "\n  " + Retirement + (CreateRefused ? "; apply refuses to create the pool" : ""));
    }

    /// <summary>One property of a live pool that differs from its definition: what is expected, what is there.</summary>
    public sealed record PoolDifference(string Property, string Expected, string Actual, bool UpdatableInPlace)
    {
        public const string StartTask = "startTask";
        public const string StartTaskEnvironment = "startTask.environmentSettings";
        public const string StartTaskRetries = "startTask.maxTaskRetryCount";
        public const string StartTaskWaitForSuccess = "startTask.waitForSuccess";

        /// <summary>Whether this is the start task's script or one of its settings: an update replaces the whole start task.</summary>
        public bool IsStartTask => Property is StartTask or StartTaskEnvironment or StartTaskRetries or StartTaskWaitForSuccess;

        public override string ToString() =>
            $"{Property}: expected {Expected}, found {Actual}{(UpdatableInPlace ? "" : " (needs the pool to be recreated)")}";
    }
}
