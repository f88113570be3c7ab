using System;
using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>Saving and restoring the account: the pools themselves are the saved shape (<see cref="ModelState"/>).</summary>
    public sealed partial class PoolModel
    {
        /// <summary>The account as it is now, serialized under the lock so no change can tear it.</summary>
        public byte[] Save()
        {
            lock (_gate)
            {
                return new ModelState
                {
                    AccountName = Settings.AccountName,
                    LastETag = _lastETag,
                    NodeNumbers = _nodeNumbers,
                    Addresses = _addresses,
                    Pools = _pools.Values.ToList(),
                    Jobs = _jobs.Values.ToList(),
                }.ToUtf8Bytes();
            }
        }

        /// <summary>
        /// Restores a saved account; running start tasks start again (their processes did not survive). Simulated tasks
        /// that were running go on to their planned end; an executed task that was running is requeued (its process did
        /// not survive), as is one whose node is not there to run it.
        /// </summary>
        public void Restore(ModelState state)
        {
            lock (_gate)
            {
                var now = Now;
                _lastETag = state.LastETag;
                _nodeNumbers = state.NodeNumbers;
                _addresses = state.Addresses;
                foreach (var pool in state.Pools)
                {
                    _pools[pool.Id] = pool;
                    foreach (var node in pool.Nodes)
                    {
                        node.AttachFiles(Runner.CreateFiles(pool.Id, node.Id, pool.IsWindows, node.FilesCreated ?? node.AllocationTime));
                        _lifecycle.Resume(pool, node, now);
                    }
                }
                foreach (var job in state.Jobs)
                {
                    job.Rebuild();
                    _jobs[job.Id] = job;
                    foreach (var task in job.Tasks)
                    {
                        if (task.Phase == TaskPhase.Running) Resume(task, now);
                    }
                }
            }
        }

        private void Resume(SimulatedTask task, DateTimeOffset now)
        {
            var node = task.PoolId is { } poolId && _pools.TryGetValue(poolId, out var pool)
                ? pool.Nodes.FirstOrDefault(n => n.Id == task.NodeId)
                : null;
            if (node is null)
            {
                // Counted as running by the rebuilt job, with no node to free.
                task.Job.RunningCount--;
                task.Job.Tally.Add(task, -1);
                task.Phase = TaskPhase.Active;
                task.Job.Tally.Add(task, +1);
                task.Job.Queue.Add(task);
                return;
            }
            task.Node = node;
            node.Running.Add(task);
            node.UsedSlots += task.Spec.Slots;
            if (task.RunsUntil is { } end) _ends.Enqueue((task, task.Attempts), end.UtcTicks);
            else Requeue(task, now);
        }
    }
}
