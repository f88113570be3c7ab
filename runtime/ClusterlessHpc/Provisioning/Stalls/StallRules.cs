using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// The causes of a stall, in the order they win when several apply. The order follows one principle: a cause that
    /// explains the others, or that no amount of waiting cures, comes before the symptoms it produces.
    /// <list type="number">
    /// <item><b>Quota reached</b>: the account cannot have more cores, so nothing else in any pool can succeed until the quota is raised; fewer nodes, allocation errors and starting nodes follow from it.</item>
    /// <item><b>Start task failed</b>: nodes did arrive, but every node runs the same script, so every new node fails the same way.</item>
    /// <item><b>Autoscale failed</b>: the targets are not what the formula wants, so nothing measured against them says anything.</item>
    /// <item><b>Formula keeps zero</b>: the formula asks for no nodes while tasks wait; there is nothing to allocate.</item>
    /// <item><b>Allocation failed</b>, then <b>allocation timed out</b>: the service gave up on this resize (capacity before time, as running out of capacity is what makes a resize time out).</item>
    /// <item><b>Nodes unusable</b>: nodes arrived but cannot run tasks (image, network, disk).</item>
    /// <item><b>Resize stopped</b>, then <b>another resize error</b>: a person or a disabled formula ended the resize.</item>
    /// <item><b>Nodes preempted</b>: spot capacity was reclaimed; Batch brings the nodes back when capacity returns.</item>
    /// <item><b>Start task running</b>, then <b>nodes starting</b>: nothing failed yet, the pool is slow; these count only past the stall threshold.</item>
    /// </list>
    /// </summary>
    internal static class StallRules
    {
        private const string Quota = "quota";

        /// <summary>One cause: whether it applies, and its summary, short reason and fix.</summary>
        internal sealed record Rule(
            StallCause Cause,
            bool Definite,
            Func<Facts, bool> Applies,
            Func<Facts, (string Summary, string Short, string Fix)> Describe);

        /// <summary>What the rules read, computed once from the evidence.</summary>
        internal sealed class Facts
        {
            public Facts(PoolStallEvidence evidence)
            {
                Evidence = evidence;
                Pool = evidence.Pool;
                PoolId = Pool.Id ?? "?";
                Target = PoolReadiness.Target(Pool);
                Usable = evidence.Nodes.Count(PoolReadiness.IsUsable);
                ResizeErrors = Pool.AllocationState == AllocationState.Steady ? Pool.ResizeErrors ?? [] : [];
                Results = ParseResults(Pool.AutoScaleRun?.Results);
            }

            public PoolStallEvidence Evidence { get; }

            public BatchPool Pool { get; }

            public string PoolId { get; }

            public int Target { get; }

            public int Usable { get; }

            public bool BelowTarget => Usable < Target;

            public IReadOnlyList<ResizeError> ResizeErrors { get; }

            public IReadOnlyDictionary<string, string> Results { get; }

            public string Nodes => $"{Usable} of {Target} node(s) usable";

            public IReadOnlyList<BatchNode> InState(BatchNodeState state) => Evidence.Nodes.Where(n => n.State == state).ToList();

            public ResizeError? Error(Func<string, bool> code) => ResizeErrors.FirstOrDefault(e => e.Code is { } c && code(c));

            public string Waited => Evidence.BelowTargetSince is { } since ? " for " + DurationText.Format(Evidence.ObservedAt - since) : "";
        }

        /// <summary>The rules, in the order they win.</summary>
        public static readonly IReadOnlyList<Rule> All =
        [
            new(StallCause.QuotaReached, true,
                f => f.BelowTarget && f.Error(IsQuota) is not null,
                f =>
                {
                    var error = f.Error(IsQuota)!;
                    var kind = error.Code!.Contains("LowPriority", StringComparison.OrdinalIgnoreCase) ? "low-priority" : error.Code!.Contains("Spot", StringComparison.OrdinalIgnoreCase) ? "spot" : "dedicated";
                    return ($"Pool '{f.PoolId}' stopped at {f.Nodes}: the Batch account reached its {kind} core quota ({error.Code}: {error.Message}).",
                        $"{kind} core {Quota} reached ({error.Code})",
                        $"Raise the account's {kind} core quota (a quota request on the Batch account in the Azure portal, or your administrator: quotas are managed in the management plane, which ClusterlessHpc does not reach), or free cores: fewer or smaller nodes, or delete pools nobody uses ('chpc prune'). Then resize the pool or apply again.");
                }),
            new(StallCause.StartTaskFailed, true,
                f => f.InState(BatchNodeState.StartTaskFailed).Count > 0,
                f =>
                {
                    var failed = f.InState(BatchNodeState.StartTaskFailed);
                    var first = failed[0];
                    var exit = first.StartTaskInfo?.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?";
                    return ($"The start task failed on {failed.Count} node(s) of pool '{f.PoolId}' (node '{first.Id}': exit code {exit}{(first.StartTaskInfo?.FailureInfo?.Message is { } m ? ", " + m : "")}).",
                        $"start task failed on {failed.Count} node(s)",
                        $"Read the failed node's startup/stderr.txt ('chpc logs {f.PoolId} {first.Id}'), fix the pool's startup declaration and apply it again; then reboot or reimage the failed nodes (every new node runs the same script).");
                }),
            new(StallCause.AutoScaleFailed, true,
                f => f.Pool.EnableAutoScale == true && f.Pool.AutoScaleRun?.Error is not null,
                f =>
                {
                    var run = f.Pool.AutoScaleRun!;
                    var error = run.Error!;
                    var values = string.Join("; ", (error.Values ?? []).Select(v => $"{v.Name}: {v.Value}"));
                    return ($"The last autoscale evaluation of pool '{f.PoolId}' ({run.Timestamp.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}) failed: {error.Code}: {error.Message}{(values.Length > 0 ? " (" + values + ")" : "")}; the targets stay where the last good evaluation left them ({f.Target}).",
                        $"autoscale evaluation failed ({error.Code})",
                        $"Fix the formula: 'chpc autoscale eval {f.PoolId}' with the formula shows the failing line; a sample method asking for more samples than exist is the usual cause (ask for a percentage, or guard with $PendingTasks.GetSamplePercent). Then enable it again ('chpc autoscale enable {f.PoolId} --formula ...').");
                }),
            new(StallCause.FormulaKeepsZero, true,
                f => f.Pool.EnableAutoScale == true && f.Pool.AutoScaleRun is { Error: null } && FormulaTarget(f) == 0 && f.Evidence.PendingTasks > 0,
                f => ($"The formula of pool '{f.PoolId}' keeps the target at 0 (last evaluation: {Targets(f)}) while {f.Evidence.PendingTasks} task(s) wait ({string.Join(", ", f.Evidence.PendingJobs)}).",
                    "formula keeps 0 nodes with tasks pending",
                    "The formula does not see the waiting tasks: Batch gives formulas task samples about a minute late, so a window shorter than that (such as $PendingTasks.GetSample(TimeInterval_Second * 30)) holds none. Look back further (TimeInterval_Minute * 5) and take the max of the samples; check it with 'chpc formula eval' (see docs/autoscale.md).")),
            new(StallCause.AllocationFailed, true,
                f => f.BelowTarget && f.Error(c => c.Equals("AllocationFailed", StringComparison.OrdinalIgnoreCase)) is not null,
                f => ($"Batch could not allocate the VMs of pool '{f.PoolId}' ({f.Nodes}): AllocationFailed: {f.Error(c => c.Equals("AllocationFailed", StringComparison.OrdinalIgnoreCase))!.Message}.",
                    "allocation failed (AllocationFailed)",
                    $"The region has no capacity for VM size '{f.Pool.VmSize}' now (or does not offer it): resize again later, choose another VM size, use low-priority (spot) nodes, or use an account in another region.")),
            new(StallCause.AllocationTimedOut, true,
                f => f.BelowTarget && f.Error(c => c.Equals("AllocationTimedout", StringComparison.OrdinalIgnoreCase)) is not null,
                f => ($"The last resize of pool '{f.PoolId}' did not finish within its resize timeout ({(f.Pool.ResizeTimeout is { } t ? DurationText.Format(t) : "?")}); {f.Nodes}.",
                    "allocation timed out (AllocationTimedout)",
                    $"Resize again ('chpc resize {f.PoolId} --dedicated N'), with a longer resize timeout or in smaller steps; when it recurs, the region is short of VM size '{f.Pool.VmSize}': try another size or region.")),
            new(StallCause.NodesUnusable, true,
                f => f.InState(BatchNodeState.Unusable).Count > 0,
                f =>
                {
                    var unusable = f.InState(BatchNodeState.Unusable);
                    var reasons = unusable.SelectMany(n => n.Errors ?? []).Select(e => $"{e.Code}: {e.Message}").Distinct().ToList();
                    return ($"{unusable.Count} node(s) of pool '{f.PoolId}' are unusable ({string.Join(", ", unusable.Select(n => n.Id))}){(reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons).TrimEnd('.'))}.",
                        $"{unusable.Count} node(s) unusable",
                        $"Remove the unusable nodes (Batch's remove-nodes: BatchClient.RemoveNodesAsync, the portal or 'az batch node delete') and resize the pool back up; reboot and reimage need an idle or running node. 'chpc nodes {f.PoolId}' shows their errors; when every new node ends unusable, the image, its node agent, the network (subnet, NSG), a mount, or the pool's application packages or container images are at fault: the node errors say which.");
                }),
            new(StallCause.ResizeStopped, true,
                f => f.BelowTarget && f.Error(c => c.Equals("ResizeStopped", StringComparison.OrdinalIgnoreCase)) is not null,
                f => ($"The resize of pool '{f.PoolId}' was stopped ({f.Nodes}): a stop-resize, or autoscale disabled while it resized.",
                    "resize stopped (ResizeStopped)",
                    $"Resize the pool again ('chpc resize {f.PoolId} --dedicated N') or apply its declaration again.")),
            new(StallCause.ResizeError, true,
                f => f.BelowTarget && f.ResizeErrors.Count > 0,
                f => ($"The last resize of pool '{f.PoolId}' failed ({f.Nodes}): {string.Join("; ", f.ResizeErrors.Select(e => $"{e.Code}: {e.Message}"))}.",
                    $"resize error ({f.ResizeErrors[0].Code})",
                    $"Act on the error's message, then resize the pool again ('chpc resize {f.PoolId} --dedicated N').")),
            new(StallCause.NodesPreempted, false,
                f => f.BelowTarget && f.InState(BatchNodeState.Preempted).Count > 0,
                f => ($"{f.InState(BatchNodeState.Preempted).Count} spot node(s) of pool '{f.PoolId}' were preempted{f.Waited}; {f.Nodes}.",
                    $"{f.InState(BatchNodeState.Preempted).Count} node(s) preempted",
                    "Batch brings preempted nodes back when spot capacity returns: wait, or move some of the target to dedicated nodes, or another VM size or region.")),
            new(StallCause.StartTaskRunning, false,
                f => f.BelowTarget && f.InState(BatchNodeState.WaitingForStartTask).Count > 0,
                f => ($"{f.InState(BatchNodeState.WaitingForStartTask).Count} node(s) of pool '{f.PoolId}' are still running the start task{f.Waited}; {f.Nodes}.",
                    $"start task still running on {f.InState(BatchNodeState.WaitingForStartTask).Count} node(s)",
                    $"The startup script is slow (Julia downloads, package installation and precompilation): read its progress in startup/stdout.txt ('chpc logs {f.PoolId} NODE'); ship a depot or a custom image to start faster, or wait longer (PoolProvisionerOptions.Timeout).")),
            new(StallCause.NodesStarting, false,
                f => f.BelowTarget,
                f =>
                {
                    var starting = f.Evidence.Nodes.Count(n => n.State == BatchNodeState.Creating || n.State == BatchNodeState.Starting);
                    return ($"Batch is still allocating or booting the nodes of pool '{f.PoolId}'{f.Waited}: {starting} node(s) creating or starting, {f.Nodes}, allocation {f.Pool.AllocationState?.ToString() ?? "?"}.",
                        $"still allocating ({starting} starting)",
                        $"Large or rare VM sizes take longer to allocate: wait, or stop the resize (BatchClient.StopPoolResizeAsync) and try another VM size or region.");
                }),
        ];

        private static bool IsQuota(string code) =>
            code.StartsWith("Account", StringComparison.OrdinalIgnoreCase) && code.EndsWith("QuotaReached", StringComparison.OrdinalIgnoreCase);

        /// <summary>The formula's total target at its last evaluation (its results), or the pool's when the results do not say.</summary>
        private static int FormulaTarget(Facts f) =>
            Value(f, "$TargetDedicatedNodes", f.Pool.TargetDedicatedNodes) + Value(f, "$TargetLowPriorityNodes", f.Pool.TargetLowPriorityNodes);

        private static int Value(Facts f, string name, int? fallback) =>
            f.Results.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? (int)Math.Max(0, Math.Round(value))
                : fallback ?? 0;

        private static string Targets(Facts f) => string.Join(", ", new[] { "$TargetDedicatedNodes", "$TargetLowPriorityNodes" }
            .Select(n => $"{n}={(f.Results.TryGetValue(n, out var v) ? v : "?")}"));

        /// <summary>An evaluation's results, <c>$A=1;$B=2</c>, by variable.</summary>
        internal static IReadOnlyDictionary<string, string> ParseResults(string? results)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in (results ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0) values[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
            return values;
        }
    }
}
