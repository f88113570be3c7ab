using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The scheduler. Tasks go <c>active</c> → <c>running</c> → <c>completed</c>: each pool's free slots go to the active
    /// tasks of its active jobs, higher priority first, then older jobs, each job first-in first-out (a requeued task
    /// keeps its place); a task takes its <c>requiredSlots</c> on one node that accepts tasks (idle or running), never more
    /// than the pool's <c>taskSlotsPerNode</c> in all, on the node with the most free slots (<c>spread</c>, the default)
    /// or the fewest that still fit (<c>pack</c>); a job's <c>maxParallelTasks</c> caps its running tasks. A non-zero exit
    /// is retried on the same node up to <c>maxTaskRetryCount</c> (the task's, else the job's); <c>maxWallClockTime</c>
    /// ends a task, failed and not retried. Simulated attempts end on the clock (<see cref="SimulatedTaskRun"/>); executed
    /// ones when their process does. Nodes that leave, reboot or are preempted requeue, terminate or keep their tasks as
    /// the deallocation option says.
    /// </summary>
    public sealed partial class PoolModel
    {
        private readonly ITaskRunner? _taskRunner;

        // Simulated attempts by the time they end; an entry whose task has moved on (its attempt count changed) is skipped.
        private readonly PriorityQueue<(SimulatedTask Task, int Attempt), long> _ends = new();

        // Executed attempts in flight.
        private readonly HashSet<SimulatedTask> _executing = [];

        private readonly List<SimulatedJob> _schedulable = [];
        private readonly List<SimulatedTask> _candidates = [];

        /// <summary>Whether tasks on <paramref name="pool"/> are simulated: always without a task runner, and on Windows pools.</summary>
        private bool SimulatedOn(SimulatedPool pool) => _taskRunner is null || pool.IsWindows;

        private static readonly Comparison<SimulatedJob> JobOrder = (a, b) =>
        {
            var byPriority = b.Priority.CompareTo(a.Priority);
            if (byPriority != 0) return byPriority;
            var byAge = a.CreationTime.CompareTo(b.CreationTime);
            return byAge != 0 ? byAge : string.CompareOrdinal(a.Id, b.Id);
        };

        private bool ScheduleAll(DateTimeOffset at)
        {
            var changed = false;
            foreach (var pool in _pools.Values)
            {
                if (!pool.IsDeleting) changed |= Schedule(pool, at);
            }
            return changed;
        }

        /// <summary>Starts what fits in the pool's free slots now.</summary>
        private bool Schedule(SimulatedPool pool, DateTimeOffset at)
        {
            _schedulable.Clear();
            foreach (var job in _jobs.Values)
            {
                if (job.IsSchedulable && job.Queue.Count > 0 && string.Equals(job.PoolId, pool.Id, StringComparison.OrdinalIgnoreCase)) _schedulable.Add(job);
            }
            if (_schedulable.Count == 0) return false;
            var slotsPerNode = pool.Spec.TaskSlotsPerNode ?? 1;
            var (free, widest) = FreeSlots(pool, slotsPerNode);
            if (free == 0) return false;
            if (_schedulable.Count > 1) _schedulable.Sort(JobOrder);
            var pack = pool.Spec.TaskSchedulingPolicy?.NodeFillType == BatchNodeFillType.Pack;
            var started = false;
            foreach (var job in _schedulable)
            {
                if (free == 0) break;
                var limit = job.Spec.MaxParallelTasks is > 0 and var max ? max : int.MaxValue;
                // The queue cannot change while it is read: first the tasks that may fit, then each started where it fits now.
                _candidates.Clear();
                var budget = free;
                foreach (var task in job.Queue)
                {
                    if (budget <= 0 || job.RunningCount + _candidates.Count >= limit) break;
                    if (task.Spec.Slots > widest) continue;
                    _candidates.Add(task);
                    budget -= task.Spec.Slots;
                }
                foreach (var task in _candidates)
                {
                    if ((Preferred(pool, slotsPerNode, task) ?? PickNode(pool, slotsPerNode, task.Spec.Slots, pack)) is not { } node) continue;
                    Launch(task, pool, node, at, retry: false);
                    started = true;
                    (free, widest) = FreeSlots(pool, slotsPerNode);
                    if (free == 0) break;
                }
            }
            return started;
        }

        private static (int Free, int Widest) FreeSlots(SimulatedPool pool, int slotsPerNode)
        {
            int free = 0, widest = 0;
            foreach (var node in pool.Nodes)
            {
                if (!node.AcceptsTasks) continue;
                var left = slotsPerNode - node.UsedSlots;
                if (left <= 0) continue;
                free += left;
                if (left > widest) widest = left;
            }
            return (free, widest);
        }

        /// <summary>The node the task's affinityInfo names, when it takes tasks and has the task's slots free; a soft preference, never a wait.</summary>
        private static SimulatedNode? Preferred(SimulatedPool pool, int slotsPerNode, SimulatedTask task)
        {
            if (task.Spec.AffinityInfo?.AffinityId is not { Length: > 0 } affinity) return null;
            foreach (var node in pool.Nodes)
            {
                if (string.Equals(node.AffinityId, affinity, StringComparison.OrdinalIgnoreCase))
                {
                    return node.AcceptsTasks && slotsPerNode - node.UsedSlots >= task.Spec.Slots ? node : null;
                }
            }
            return null;
        }

        /// <summary><c>spread</c>: the node with the most free slots; <c>pack</c>: the one with the fewest that still fit. Ties go to the older node.</summary>
        private static SimulatedNode? PickNode(SimulatedPool pool, int slotsPerNode, int slots, bool pack)
        {
            SimulatedNode? best = null;
            var bestFree = 0;
            foreach (var node in pool.Nodes)
            {
                if (!node.AcceptsTasks) continue;
                var left = slotsPerNode - node.UsedSlots;
                if (left < slots) continue;
                if (best is null || (pack ? left < bestFree : left > bestFree))
                {
                    best = node;
                    bestFree = left;
                }
            }
            return best;
        }

        /// <summary>Starts an attempt of <paramref name="task"/> on <paramref name="node"/>; a retry stays where it is.</summary>
        private void Launch(SimulatedTask task, SimulatedPool pool, SimulatedNode node, DateTimeOffset at, bool retry)
        {
            var job = task.Job;
            if (!retry)
            {
                job.Queue.Remove(task);
                SetTaskPhase(task, TaskPhase.Running, at);
                job.RunningCount++;
                task.PoolId = pool.Id;
                task.NodeId = node.Id;
                task.Node = node;
                task.ExitCode = null;
                task.FailureInfo = null;
                task.EndTime = null;
                if (node.Running.Count == 0) NodeLifecycle.StateChanged(node, at);
                node.Running.Add(task);
                node.UsedSlots += task.Spec.Slots;
            }
            node.TotalTasksRun++;
            task.StartTime = at;
            task.Attempts++;
            TouchTask(task, at);
            if (SimulatedOn(pool))
            {
                var (duration, exitCode) = SimulatedTaskRun.Plan(Setting(task, SimulatedTaskRun.DurationVariable), Setting(task, SimulatedTaskRun.ExitCodeVariable));
                // Retries of an instant failure take time on the clock, so unlimited retries cannot spin in one instant.
                if (retry && duration < SimulatedTaskRun.MinimumRetryDuration) duration = SimulatedTaskRun.MinimumRetryDuration;
                var end = at + duration;
                task.TimesOut = After(at, MaxWallClockTime(task)) is { } limit && limit < end;
                task.RunsUntil = task.TimesOut ? After(at, MaxWallClockTime(task)) : end;
                task.PlannedExitCode = exitCode;
                _ends.Enqueue((task, task.Attempts), task.RunsUntil!.Value.UtcTicks);
            }
            else
            {
                task.RunsUntil = null;
                var image = pool.Spec.VirtualMachineConfiguration?.ImageReference;
                task.Attempt = _taskRunner!.Start(new TaskLaunch(pool.Id, node.Id, node.Number, node.IsDedicated, job.Id, task.Id, task.Spec,
                    Environment(task), node.Files, image?.VirtualMachineImageId ?? image?.SharedGalleryImageId ?? image?.CommunityGalleryImageId));
                _executing.Add(task);
            }
        }

        /// <summary>Ends the attempts whose time has come: simulated ones at their planned end, executed ones when their process ended or their limit passed.</summary>
        private bool CompleteTasksDue(DateTimeOffset at)
        {
            var changed = false;
            while (_ends.TryPeek(out var entry, out var ticks) && ticks <= at.UtcTicks)
            {
                _ends.Dequeue();
                var task = entry.Task;
                if (task.Phase != TaskPhase.Running || task.Attempts != entry.Attempt || task.RunsUntil is not { } end) continue;
                FinishAttempt(task, end, task.TimesOut ? null : task.PlannedExitCode, null, task.TimesOut);
                changed = true;
            }
            if (_executing.Count == 0) return changed;
            foreach (var task in _executing.ToList())
            {
                var started = task.StartTime!.Value;
                var limit = After(started, MaxWallClockTime(task));
                if (task.Attempt is { Outcome.IsCompletedSuccessfully: true } attempt)
                {
                    var outcome = attempt.Outcome.Result;
                    var end = outcome.KnownAt < started ? started : outcome.KnownAt;
                    if (limit is { } l && l < end) FinishAttempt(task, Clamp(l), null, null, timedOut: true);
                    else FinishAttempt(task, Clamp(end), outcome.ExitCode, outcome.FailureInfo, timedOut: false);
                    changed = true;
                }
                else if (limit is { } deadline && deadline <= at)
                {
                    task.Attempt?.Cancel();
                    FinishAttempt(task, Clamp(deadline), null, null, timedOut: true);
                    changed = true;
                }
            }
            return changed;
        }

        /// <summary>An attempt ended: retried on its node after a non-zero exit while retries remain, else the task completes.</summary>
        private void FinishAttempt(SimulatedTask task, DateTimeOffset at, int? exitCode, BatchTaskFailureInfo? failure, bool timedOut)
        {
            var job = task.Job;
            var node = task.Node!;
            _executing.Remove(task);
            task.Attempt = null;
            if (!timedOut && failure is null && exitCode != 0 && RetriesLeft(task))
            {
                task.RetryCount++;
                task.LastRetryTime = at;
                var pool = _pools[task.PoolId!];
                Launch(task, pool, node, at, retry: true);
                return;
            }
            if (timedOut) failure = TaskFailures.MaxWallClockTimeExpiry();
            else if (failure is null && exitCode != 0) failure = TaskFailures.FailureExitCode();
            CompleteTask(job, task, at, exitCode, failure);
        }

        private static bool RetriesLeft(SimulatedTask task)
        {
            var max = task.Spec.Constraints?.MaxTaskRetryCount ?? task.Job.DefaultMaxTaskRetryCount;
            return max == -1 || task.RetryCount < max;
        }

        /// <summary>Ends a task that has not completed (terminate, a job that ends, a node that leaves with <c>terminate</c>).</summary>
        private void EndTask(SimulatedJob job, SimulatedTask task, DateTimeOffset at, int? exitCode, BatchTaskFailureInfo failure)
        {
            task.Attempt?.Cancel();
            CompleteTask(job, task, at, exitCode, failure);
        }

        private void CompleteTask(SimulatedJob job, SimulatedTask task, DateTimeOffset at, int? exitCode, BatchTaskFailureInfo? failure)
        {
            var node = task.Node;
            if (task.Phase == TaskPhase.Running) ReleaseSlots(task, at);
            else job.Queue.Remove(task);
            // The failure decides how the task counts (succeeded or failed), so it is set before the phase.
            task.EndTime = at;
            task.ExitCode = exitCode;
            job.Tally.Add(task, -1);
            task.FailureInfo = failure;
            job.Tally.Add(task, +1);
            SetTaskPhase(task, TaskPhase.Completed, at);
            if (node is not null)
            {
                if (failure is null) node.TotalTasksSucceeded++;
                if (node.Phase == NodePhase.Leaving && _pools.TryGetValue(task.PoolId!, out var pool)) CheckRetention(pool, node, at, except: null);
            }
            CompleteIfAllTasksDone(job, at);
        }

        /// <summary>A task goes back to <c>active</c>, ahead of the tasks added after it: its node left, rebooted or was preempted.</summary>
        private void Requeue(SimulatedTask task, DateTimeOffset at)
        {
            var job = task.Job;
            task.Attempt?.Cancel();
            ReleaseSlots(task, at);
            SetTaskPhase(task, TaskPhase.Active, at);
            task.RequeueCount++;
            task.LastRequeueTime = at;
            task.NodeId = null;
            task.PoolId = null;
            job.Queue.Add(task);
        }

        /// <summary>Stops a running attempt for good (its task is being deleted) and frees its slots.</summary>
        private void StopAttempt(SimulatedTask task, DateTimeOffset at)
        {
            task.Attempt?.Cancel();
            ReleaseSlots(task, at);
        }

        private void ReleaseSlots(SimulatedTask task, DateTimeOffset at)
        {
            if (task.Node is { } node)
            {
                node.Running.Remove(task);
                node.UsedSlots -= task.Spec.Slots;
                if (node.Running.Count == 0) NodeLifecycle.StateChanged(node, at);
            }
            task.Job.RunningCount--;
            task.Node = null;
            task.Attempt = null;
            task.RunsUntil = null;
            _executing.Remove(task);
        }

        private void SetTaskPhase(SimulatedTask task, TaskPhase phase, DateTimeOffset at)
        {
            var previous = task.Phase;
            task.Job.Tally.Add(task, -1);
            task.Phase = phase;
            task.Job.Tally.Add(task, +1);
            task.PreviousPhase = previous;
            task.PreviousStateTransitionTime = task.StateTransitionTime;
            task.StateTransitionTime = at;
            TouchTask(task, at);
        }

        private void TouchTask(SimulatedTask task, DateTimeOffset at)
        {
            task.LastModified = at;
            task.ETag = NextETag(at);
        }

        /// <summary>
        /// A node leaves the pool (scale-down, resize, removal, pool deletion) with its tasks as the deallocation option
        /// says: <c>requeue</c> (the default) sends them back to active, <c>terminate</c> completes them failed,
        /// <c>taskcompletion</c> lets them finish and the node takes no new ones, <c>retaineddata</c> does the same and then
        /// waits until the data of every task that ran there has reached its retention time (or was deleted).
        /// </summary>
        private void Deallocate(SimulatedPool pool, SimulatedNode node, BatchNodeDeallocationOption? option, DateTimeOffset now)
        {
            if (node.Phase == NodePhase.Leaving) return;
            option ??= BatchNodeDeallocationOption.Requeue;
            if (option == BatchNodeDeallocationOption.Requeue || option == BatchNodeDeallocationOption.Terminate)
            {
                foreach (var task in node.Running.ToList())
                {
                    if (option == BatchNodeDeallocationOption.Requeue) Requeue(task, now);
                    else EndTask(task.Job, task, now, null, TaskFailures.NodeLeftPool());
                }
            }
            var waitsForTasks = (option == BatchNodeDeallocationOption.TaskCompletion || option == BatchNodeDeallocationOption.RetainedData) && node.Running.Count > 0;
            var retained = option == BatchNodeDeallocationOption.RetainedData && !waitsForTasks ? RetentionEnd(pool, node, except: null) : null;
            var hold = waitsForTasks || retained > now;
            _lifecycle.Leave(node, option, now, hold);
            if (hold && !waitsForTasks) node.RetainedUntil = retained;
        }

        /// <summary>A leaving node whose tasks are done goes, once (with <c>retaineddata</c>) the data of its tasks may go too.</summary>
        private void CheckRetention(SimulatedPool pool, SimulatedNode node, DateTimeOffset at, SimulatedTask? except)
        {
            if (node.Phase != NodePhase.Leaving || !node.LeavesAfterTasks || node.Running.Count > 0) return;
            if (!node.WaitsForRetention)
            {
                _lifecycle.ReleaseAfterTasks(node, at);
                return;
            }
            var end = RetentionEnd(pool, node, except);
            if (end is null || end <= at) _lifecycle.ReleaseAfterTasks(node, at);
            else node.RetainedUntil = end;
        }

        /// <summary>When the data of the last task that ran on the node may go: its end plus its retention time (7 days by default).</summary>
        private DateTimeOffset? RetentionEnd(SimulatedPool pool, SimulatedNode node, SimulatedTask? except)
        {
            DateTimeOffset? last = null;
            foreach (var job in _jobs.Values)
            {
                if (job.Phase == JobPhase.Deleting) continue;
                foreach (var task in job.Tasks)
                {
                    if (task == except || task.Phase != TaskPhase.Completed || task.EndTime is not { } ended || task.NodeId != node.Id ||
                        !string.Equals(task.PoolId, pool.Id, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    var until = After(ended, task.Spec.Constraints?.RetentionTime ?? JobSpecValues.DefaultRetentionTime) ?? DateTimeOffset.MaxValue;
                    if (last is null || until > last) last = until;
                }
            }
            return last;
        }

        /// <summary>Leaving nodes whose tasks' data has reached its retention time go.</summary>
        private bool ReleaseRetention(DateTimeOffset at)
        {
            var changed = false;
            foreach (var pool in _pools.Values)
            {
                foreach (var node in pool.Nodes)
                {
                    if (node.Phase == NodePhase.Leaving && node.LeavesAfterTasks && node.Running.Count == 0 && node.RetainedUntil is { } until && until <= at)
                    {
                        CheckRetention(pool, node, until, except: null);
                        changed = true;
                    }
                }
            }
            return changed;
        }

        /// <summary>Spot nodes whose preemption time has come go <c>preempted</c>; their tasks are requeued.</summary>
        private bool PreemptDue(DateTimeOffset at)
        {
            var changed = false;
            foreach (var pool in _pools.Values)
            {
                foreach (var node in pool.Nodes)
                {
                    if (node.PreemptAt is not { } when || when > at) continue;
                    if (node.Phase is NodePhase.Leaving or NodePhase.Preempted or NodePhase.Creating)
                    {
                        node.PreemptAt = null;
                        continue;
                    }
                    foreach (var task in node.Running.ToList()) Requeue(task, when);
                    _lifecycle.Preempt(node, when);
                    changed = true;
                }
            }
            return changed;
        }

        /// <summary>The running tasks of a node that reboots or is reimaged go back to active, or end with <c>TaskEnded</c>.</summary>
        private void EndTasksOfRestarted(SimulatedNode node, DateTimeOffset at, bool terminate)
        {
            foreach (var task in node.Running.ToList())
            {
                if (terminate) EndTask(task.Job, task, at, null, TaskFailures.NodeRestarted());
                else Requeue(task, at);
            }
        }

        private static TimeSpan? MaxWallClockTime(SimulatedTask task) => task.Spec.Constraints?.MaxWallClockTime;

        /// <summary>A setting of the task's environment: its own, else its job's common one.</summary>
        private static string? Setting(SimulatedTask task, string name)
        {
            var own = task.Spec.EnvironmentSettings;
            if (own is not null)
            {
                for (var i = own.Count - 1; i >= 0; i--)
                {
                    if (own[i].Name == name) return own[i].Value ?? "";
                }
            }
            var common = task.Job.Spec.CommonEnvironmentSettings;
            if (common is not null)
            {
                for (var i = common.Count - 1; i >= 0; i--)
                {
                    if (common[i].Name == name) return common[i].Value ?? "";
                }
            }
            return null;
        }

        /// <summary>The task's environment: its job's common settings with its own on top.</summary>
        private static IReadOnlyDictionary<string, string> Environment(SimulatedTask task)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var setting in task.Job.Spec.CommonEnvironmentSettings ?? []) variables[setting.Name] = setting.Value ?? "";
            foreach (var setting in task.Spec.EnvironmentSettings ?? []) variables[setting.Name] = setting.Value ?? "";
            return variables;
        }

        private DateTimeOffset Clamp(DateTimeOffset at) => at < _advancedTo ? _advancedTo : at;
    }
}
