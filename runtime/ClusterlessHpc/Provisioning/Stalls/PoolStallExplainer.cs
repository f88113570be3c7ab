using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Names the one root cause that keeps a pool below its target, with its fix, from what the service shows: resize
    /// errors by code, nodes by state, the pool's and the account's node counts (GET /nodecounts), the last autoscale
    /// run, and the tasks waiting on the pool. The causes and the order in which they win are <see cref="Precedence"/>.
    /// The provisioner's wait, hosting's health check and <c>chpc status</c> all explain through it.
    /// </summary>
    public static class PoolStallExplainer
    {
        /// <summary>The default stall threshold of a pool without a resize timeout: the service's default.</summary>
        public static readonly TimeSpan DefaultStallThreshold = Rules.ServiceLimits.DefaultResizeTimeout;

        private static readonly string[] NodeSelect = ["id", "state", "stateTransitionTime", "allocationTime", "isDedicated", "startTaskInfo", "errors"];

        /// <summary>The causes, the first that applies winning (why in this order: docs/stalls.md).</summary>
        public static IReadOnlyList<StallCause> Precedence { get; } = StallRules.All.Select(r => r.Cause).ToList();

        /// <summary>
        /// Reads the evidence: the pool, its nodes, every pool's node counts, and for an autoscale pool the tasks waiting
        /// in the active jobs on it.
        /// </summary>
        public static async Task<PoolStallEvidence> GatherAsync(BatchClient client, string poolId, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            var pool = (await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value;
            var nodes = new List<BatchNode>();
            await foreach (var node in client.GetNodesAsync(poolId, select: NodeSelect, cancellationToken: cancellationToken).ConfigureAwait(false)) nodes.Add(node);
            var counts = new List<BatchPoolNodeCounts>();
            await foreach (var each in client.GetPoolNodeCountsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) counts.Add(each);
            int? pending = null;
            var pendingJobs = new List<string>();
            if (pool.EnableAutoScale == true)
            {
                pending = 0;
                await foreach (var job in client.GetJobsAsync(filter: "state eq 'active'", select: ["id", "poolInfo", "state"], cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (!string.Equals(job.PoolInfo?.PoolId, poolId, StringComparison.OrdinalIgnoreCase) || job.Id is null) continue;
                    var active = (await client.GetJobTaskCountsAsync(job.Id, cancellationToken).ConfigureAwait(false)).Value.TaskCounts.Active;
                    if (active == 0) continue;
                    pending += active;
                    pendingJobs.Add($"{active} in job '{job.Id}'");
                }
            }
            var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
            return new PoolStallEvidence(pool, nodes, now)
            {
                BelowTargetSince = BelowTargetSince(pool, nodes, now),
                PoolNodeCounts = counts.FirstOrDefault(c => string.Equals(c.PoolId, poolId, StringComparison.OrdinalIgnoreCase)),
                AccountNodeCounts = counts,
                PendingTasks = pending,
                PendingJobs = pendingJobs,
            };
        }

        /// <summary>Reads the evidence and explains it (<see cref="GatherAsync"/>, <see cref="Explain"/>).</summary>
        public static async Task<PoolStallExplanation> ExplainAsync(
            BatchClient client, string poolId, TimeSpan? stallThreshold = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
            Explain(await GatherAsync(client, poolId, timeProvider, cancellationToken).ConfigureAwait(false), stallThreshold);

        /// <summary>
        /// The cause that wins, its fix and the evidence. The pool is stalled when the cause is one waiting does not cure,
        /// or when it has been below its target longer than <paramref name="stallThreshold"/> (default: the pool's resize
        /// timeout, else <see cref="DefaultStallThreshold"/>).
        /// </summary>
        public static PoolStallExplanation Explain(PoolStallEvidence evidence, TimeSpan? stallThreshold = null)
        {
            ArgumentNullException.ThrowIfNull(evidence);
            var facts = new StallRules.Facts(evidence);
            var threshold = stallThreshold ?? evidence.Pool.ResizeTimeout ?? DefaultStallThreshold;
            var belowFor = facts.BelowTarget && evidence.BelowTargetSince is { } since ? evidence.ObservedAt - since : (TimeSpan?)null;
            var lines = Evidence(facts, belowFor);
            var rule = StallRules.All.FirstOrDefault(r => r.Applies(facts));
            if (rule is null)
            {
                return new PoolStallExplanation(facts.PoolId, StallCause.None, false,
                    $"Pool '{facts.PoolId}' has {facts.Nodes}: nothing holds it back.", "", lines) { ShortReason = "-" };
            }
            var (summary, shortReason, fix) = rule.Describe(facts);
            var stalled = rule.Definite || belowFor >= threshold;
            return new PoolStallExplanation(facts.PoolId, rule.Cause, stalled, summary, fix, lines)
            {
                BelowTargetFor = belowFor,
                ShortReason = shortReason,
            };
        }

        /// <summary>Whether the pool has fewer usable nodes (idle or running, as a ready pool's) than its target.</summary>
        /// <param name="pool">The pool, as Batch lists it.</param>
        /// <param name="nodes">Its nodes.</param>
        public static bool IsBelowTarget(BatchPool pool, IReadOnlyList<BatchNode> nodes)
        {
            ArgumentNullException.ThrowIfNull(pool);
            ArgumentNullException.ThrowIfNull(nodes);
            return nodes.Count(PoolReadiness.IsUsable) < PoolReadiness.Target(pool);
        }

        /// <summary>
        /// Since when the pool has had fewer usable nodes than its target: the start of a resize in progress, or the
        /// allocation of its oldest node that is not yet usable, or the end of the last resize when that fell short.
        /// </summary>
        internal static DateTimeOffset? BelowTargetSince(BatchPool pool, IReadOnlyList<BatchNode> nodes, DateTimeOffset now)
        {
            if (!IsBelowTarget(pool, nodes)) return null;
            var target = PoolReadiness.Target(pool);
            var candidates = nodes.Where(n => !PoolReadiness.IsUsable(n))
                .Select(n => n.AllocationTime ?? n.StateTransitionTime).OfType<DateTimeOffset>().ToList();
            if (pool.AllocationStateTransitionTime is { } transition && (pool.AllocationState == AllocationState.Resizing || nodes.Count < target)) candidates.Add(transition);
            return candidates.Count == 0 ? now : candidates.Min();
        }

        private static List<string> Evidence(StallRules.Facts f, TimeSpan? belowFor)
        {
            var pool = f.Pool;
            var lines = new List<string>
            {
                $"pool: {pool.State?.ToString() ?? "?"}, allocation {pool.AllocationState?.ToString() ?? "?"}" +
                (pool.AllocationStateTransitionTime is { } t ? " since " + t.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) : "") +
                $", VM size {pool.VmSize ?? "?"}, resize timeout {(pool.ResizeTimeout is { } r ? DurationText.Format(r) : "?")}",
                $"targets: dedicated {pool.CurrentDedicatedNodes ?? 0}/{pool.TargetDedicatedNodes ?? 0}, low-priority {pool.CurrentLowPriorityNodes ?? 0}/{pool.TargetLowPriorityNodes ?? 0}; {f.Nodes}" +
                (belowFor is { } below ? $", below target for {DurationText.Format(below)}" : ""),
            };
            foreach (var error in pool.ResizeErrors ?? [])
            {
                var values = string.Join(", ", (error.Values ?? []).Select(v => $"{v.Name}={v.Value}"));
                lines.Add($"resize error {error.Code}: {error.Message}{(values.Length > 0 ? " (" + values + ")" : "")}");
            }
            var byState = f.Evidence.Nodes.GroupBy(n => (n.State ?? BatchNodeState.Unknown).ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}").ToList();
            lines.Add("nodes by state: " + (byState.Count == 0 ? "none" : string.Join(", ", byState)));
            if (f.Evidence.PoolNodeCounts is { } counts)
            {
                lines.Add($"node counts (GET /nodecounts): dedicated {Counts(counts.Dedicated)}; low-priority {Counts(counts.LowPriority)}");
            }
            if (f.Evidence.AccountNodeCounts is { } account)
            {
                lines.Add($"account: {account.Sum(c => c.Dedicated?.Total ?? 0)} dedicated and {account.Sum(c => c.LowPriority?.Total ?? 0)} low-priority node(s) in {account.Count} pool(s) " +
                          "(its core quotas are in the management plane, which this client does not read)");
            }
            foreach (var node in f.Evidence.Nodes.Where(n => n.State == BatchNodeState.StartTaskFailed).Take(5))
            {
                lines.Add($"node {node.Id}: start task exit code {node.StartTaskInfo?.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}" +
                          (node.StartTaskInfo?.FailureInfo is { } failure ? $", {failure.Code}: {failure.Message}" : ""));
            }
            foreach (var node in f.Evidence.Nodes.Where(n => n.Errors is { Count: > 0 }).Take(5))
            {
                lines.Add($"node {node.Id} ({node.State}): " + string.Join("; ", node.Errors!.Select(e => $"{e.Code}: {e.Message}")));
            }
            if (pool.EnableAutoScale == true)
            {
                lines.Add("autoscale: " + (pool.AutoScaleRun is { } run
                    ? $"last evaluation {run.Timestamp.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}: " +
                      (run.Error is { } e ? $"error {e.Code}: {e.Message}" : run.Results ?? "no results")
                    : "not evaluated yet"));
                if (f.Evidence.PendingTasks is { } pending)
                {
                    lines.Add($"tasks waiting on the pool: {pending}{(f.Evidence.PendingJobs.Count > 0 ? " (" + string.Join(", ", f.Evidence.PendingJobs) + ")" : "")}");
                }
            }
            return lines;
        }

        private static string Counts(BatchNodeCounts? counts)
        {
            if (counts is null) return "none";
            var parts = new (string Name, int Count)[]
            {
                ("creating", counts.Creating), ("starting", counts.Starting), ("waitingforstarttask", counts.WaitingForStartTask),
                ("starttaskfailed", counts.StartTaskFailed), ("idle", counts.Idle), ("running", counts.Running),
                ("unusable", counts.Unusable), ("preempted", counts.Preempted), ("leavingpool", counts.LeavingPool),
                ("rebooting", counts.Rebooting), ("reimaging", counts.Reimaging), ("offline", counts.Offline), ("unknown", counts.Unknown),
            }.Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Name}").ToList();
            return $"{counts.Total} total" + (parts.Count > 0 ? " (" + string.Join(", ", parts) + ")" : "");
        }
    }
}
