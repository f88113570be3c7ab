using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Resizing: a pool grows by allocating nodes at once (they are <c>creating</c> for the creating delay) up to the
    /// account's quota, and shrinks by sending nodes to <c>leavingpool</c> as the deallocation option says. The
    /// allocation is <c>resizing</c> (or <c>stopping</c>) until no node is creating or leaving, then <c>steady</c>, and
    /// only then are the resize's errors reported.
    /// </summary>
    public sealed partial class PoolModel
    {
        /// <summary>Resize (POST .../resize): a steady pool that does not scale itself only.</summary>
        public Versions ResizePool(string poolId, BatchPoolResizeOptions options, PoolPrecondition? condition)
        {
            // The body first, before the pool is looked up: the service answers a {} resize of a missing pool with 400.
            if (options.TargetDedicatedNodes is null && options.TargetLowPriorityNodes is null)
            {
                throw ModelErrors.MissingRequiredProperty("targetDedicatedNodes and/or targetLowPriorityNodes");
            }
            if (options.TargetDedicatedNodes is < 0) throw ModelErrors.InvalidPropertyValue("targetDedicatedNodes", "targetDedicatedNodes must not be negative.");
            if (options.TargetLowPriorityNodes is < 0) throw ModelErrors.InvalidPropertyValue("targetLowPriorityNodes", "targetLowPriorityNodes must not be negative.");
            RequireResizeTimeout(options.ResizeTimeout);
            return Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                RequireActive(pool);
                if (pool.AutoScaleEnabled)
                {
                    throw ModelErrors.OperationInvalidForCurrentState("The pool scales itself with an autoscale formula; disable autoscale to resize it.");
                }
                RequireSteady(pool);
                Resize(pool, options.TargetDedicatedNodes ?? pool.TargetDedicated, options.TargetLowPriorityNodes ?? pool.TargetLowPriority,
                    options.ResizeTimeout ?? ServiceLimits.DefaultResizeTimeout, options.NodeDeallocationOption, now);
                return Modified(pool, now);
            });
        }

        /// <summary>Stop resize: the pool keeps the nodes it has, goes <c>stopping</c>, then steady with <c>ResizeStopped</c>.</summary>
        public Versions StopResize(string poolId, PoolPrecondition? condition) =>
            Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                RequireActive(pool);
                if (pool.Allocation != AllocationState.Resizing)
                {
                    throw ModelErrors.OperationInvalidForCurrentState($"The pool is not resizing; its allocation state is {pool.Allocation}.");
                }
                Stop(pool, now);
                return new Versions(pool.ETag, pool.LastModified);
            });

        /// <summary>
        /// Stops the resize in progress: the pool keeps the nodes it has, goes <c>stopping</c>, then steady with one
        /// <c>ResizeStopped</c> per kind of node short of its target (both kinds in the 2017 recording, the low-priority
        /// one alone in the 2020 one: python-sdk-test_batch_scale_pools-vcr.jsonl).
        /// </summary>
        private void Stop(SimulatedPool pool, DateTimeOffset now)
        {
            pool.Allocation = AllocationState.Stopping;
            pool.AllocationSince = now;
            pool.StoppingUntil = now + Settings.StopResizeDelay;
            pool.PendingResizeErrors.Clear();
            var shortKinds = new[] { true, false }.Where(dedicated =>
                pool.Nodes.Any(n => n.IsDedicated == dedicated && n.Phase == NodePhase.Creating) ||
                pool.CurrentNodes(dedicated) < (dedicated ? pool.TargetDedicated : pool.TargetLowPriority)).ToList();
            // A stop of a resize that only removed nodes is not recorded; it is reported as the dedicated kind's.
            if (shortKinds.Count == 0) shortKinds.Add(true);
            foreach (var dedicated in shortKinds)
            {
                pool.PendingResizeErrors.Add(new ResizeError
                {
                    Code = "ResizeStopped",
                    Message = $"Desired number of {(dedicated ? "dedicated" : "low priority")} nodes could not be allocated due to a stop resize operation",
                    Values = [],
                });
            }
        }

        /// <summary>Removes up to <see cref="ServiceLimits.MaxNodesPerRemoval"/> named nodes from a steady pool; its targets drop by their number.</summary>
        public Versions RemoveNodes(string poolId, BatchNodeRemoveOptions options, PoolPrecondition? condition)
        {
            // The body first, before the pool is looked up, as the service does.
            if (options.NodeList.Count is 0 or > ServiceLimits.MaxNodesPerRemoval)
            {
                throw ModelErrors.InvalidPropertyValue("nodeList", $"nodeList must name between 1 and {ServiceLimits.MaxNodesPerRemoval} nodes.");
            }
            RequireResizeTimeout(options.ResizeTimeout);
            return Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                RequireActive(pool);
                RequireSteady(pool);
                var nodes = options.NodeList.Select(id => FindNode(pool, id)).Distinct().ToList();
                foreach (var node in nodes.Where(n => n.Phase != NodePhase.Leaving))
                {
                    if (node.IsDedicated) pool.TargetDedicated--;
                    else pool.TargetLowPriority--;
                    Deallocate(pool, node, options.NodeDeallocationOption, now);
                }
                pool.TargetDedicated = Math.Max(0, pool.TargetDedicated);
                pool.TargetLowPriority = Math.Max(0, pool.TargetLowPriority);
                pool.ResizeTimeout = options.ResizeTimeout ?? ServiceLimits.DefaultResizeTimeout;
                StartResizing(pool, now);
                return Modified(pool, now);
            });
        }

        private void Resize(SimulatedPool pool, int dedicated, int lowPriority, TimeSpan timeout, BatchNodeDeallocationOption? option, DateTimeOffset now)
        {
            pool.TargetDedicated = dedicated;
            pool.TargetLowPriority = lowPriority;
            pool.ResizeTimeout = timeout;
            StartResizing(pool, now);
            ResizeKind(pool, dedicated: true, dedicated, option, now);
            ResizeKind(pool, dedicated: false, lowPriority, option, now);
        }

        private void StartResizing(SimulatedPool pool, DateTimeOffset now)
        {
            pool.ResizeErrors.Clear();
            pool.PendingResizeErrors.Clear();
            pool.StoppingUntil = null;
            pool.Allocation = AllocationState.Resizing;
            pool.AllocationSince = now;
            pool.BusyUntil = now;
        }

        private void ResizeKind(SimulatedPool pool, bool dedicated, int target, BatchNodeDeallocationOption? option, DateTimeOffset now)
        {
            var current = pool.CurrentNodes(dedicated);
            if (target > current)
            {
                if (Settings.AllocationFailure?.Invoke(pool.Id) is { } failure)
                {
                    // An injected failure: the service allocates none of the kind's missing nodes and says why once steady.
                    pool.PendingResizeErrors.Add(AllocationFailure(failure, dedicated));
                    return;
                }
                var quota = dedicated ? Settings.DedicatedNodeQuota : Settings.LowPriorityNodeQuota;
                var used = _pools.Values.Sum(p => p.CurrentNodes(dedicated));
                var count = Math.Min(target - current, Math.Max(0, quota - used));
                var coreQuota = dedicated ? Settings.DedicatedCoreQuota : Settings.LowPriorityCoreQuota;
                if (coreQuota is { } cores)
                {
                    // The service counts a quota in cores: the VM size's vCPUs times the nodes of the kind across the account's pools.
                    var usedCores = _pools.Values.Sum(p => p.CurrentNodes(dedicated) * VmCores.Of(p.Spec.VmSize));
                    count = Math.Min(count, Math.Max(0, cores - usedCores) / VmCores.Of(pool.Spec.VmSize));
                }
                for (var i = 0; i < count; i++)
                {
                    pool.Nodes.Add(_lifecycle.Allocate(pool, _nodeNumbers++, dedicated, NextIpAddress(), now));
                }
                if (count < target - current) pool.PendingResizeErrors.Add(QuotaReached(dedicated, quota, coreQuota));
            }
            else if (target < current)
            {
                foreach (var node in ShrinkOrder(pool, dedicated).Take(current - target).ToList()) Deallocate(pool, node, option, now);
            }
        }

        /// <summary>Nodes that are of least use go first: failed, unusable or preempted, then still starting, then idle, then running tasks; the newest first.</summary>
        private static IEnumerable<SimulatedNode> ShrinkOrder(SimulatedPool pool, bool dedicated) =>
            pool.Nodes
                .Where(n => n.IsDedicated == dedicated && n.Phase != NodePhase.Leaving)
                .OrderBy(n => n.Phase switch
                {
                    NodePhase.StartTaskFailed or NodePhase.Unusable or NodePhase.Preempted => 0,
                    NodePhase.Creating => 1,
                    NodePhase.Starting or NodePhase.Rebooting or NodePhase.Reimaging => 2,
                    NodePhase.StartTask => 3,
                    _ => n.Running.Count == 0 ? 4 : 5,
                })
                .ThenByDescending(n => n.AllocationTime)
                .ThenByDescending(n => n.Number);

        /// <summary>Ends a resize once no node is creating or leaving (and a stop has had its delay).</summary>
        private static void SettleAllocation(SimulatedPool pool, DateTimeOffset now)
        {
            if (pool.Allocation == AllocationState.Steady || pool.IsDeleting) return;
            if (pool.Nodes.Any(n => n.IsAllocating)) return;
            var steadyAt = pool.BusyUntil > pool.AllocationSince ? pool.BusyUntil : pool.AllocationSince;
            if (pool.StoppingUntil is { } stopping && stopping > steadyAt) steadyAt = stopping;
            if (now < steadyAt) return;
            pool.Allocation = AllocationState.Steady;
            pool.AllocationSince = steadyAt;
            pool.StoppingUntil = null;
            pool.ResizeErrors.Clear();
            pool.ResizeErrors.AddRange(pool.PendingResizeErrors);
            pool.PendingResizeErrors.Clear();
        }

        private static void RequireSteady(SimulatedPool pool)
        {
            if (pool.Allocation != AllocationState.Steady) throw ModelErrors.PoolBeingResized();
        }

        private static ResizeError QuotaReached(bool dedicated, int quota, int? coreQuota) => new()
        {
            Code = dedicated ? "AccountCoreQuotaReached" : "AccountLowPriorityCoreQuotaReached",
            Message = dedicated
                ? "The specified account has reached VM core quota. The pool could not be resized to the desired number of dedicated nodes."
                : "The specified account has reached low-priority VM core quota. The pool could not be resized to the desired number of low-priority nodes.",
            Values = coreQuota is { } cores
                ? [new NameValuePair { Name = "CoreQuota", Value = cores.ToString(System.Globalization.CultureInfo.InvariantCulture) }]
                : [new NameValuePair { Name = "NodeQuota", Value = quota.ToString(System.Globalization.CultureInfo.InvariantCulture) }],
        };

        /// <summary>The resize error of an injected allocation failure, in the service's words for its code.</summary>
        private static ResizeError AllocationFailure(string code, bool dedicated)
        {
            var kind = dedicated ? "dedicated" : "low priority";
            return new ResizeError
            {
                Code = code,
                Message = string.Equals(code, "AllocationTimedout", StringComparison.OrdinalIgnoreCase)
                    ? $"Desired number of {kind} nodes could not be allocated as the resize timeout was reached"
                    : $"Desired number of {kind} nodes could not be allocated: the region has no capacity for the VM size",
                Values = [],
            };
        }
    }
}
