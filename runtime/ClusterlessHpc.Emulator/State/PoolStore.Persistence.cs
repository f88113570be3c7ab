using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Emulator.NodeFiles;
using ClusterlessHpc.Emulator.StartTasks;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>Export to and import from the state file.</summary>
    internal sealed partial class PoolStore
    {
        public StateDocument Export()
        {
            lock (_gate)
            {
                return new StateDocument
                {
                    AccountName = Settings.AccountName,
                    LastETag = _lastETag,
                    NodeNumbers = _nodeNumbers,
                    Addresses = _addresses,
                    Pools = _pools.Values.Select(Export).ToList(),
                };
            }
        }

        /// <summary>Restores a saved account; running start tasks start again (their processes did not survive).</summary>
        public void Import(StateDocument document, IStartTaskRunner runner)
        {
            lock (_gate)
            {
                var now = Now;
                _lastETag = document.LastETag;
                _nodeNumbers = document.NodeNumbers;
                _addresses = document.Addresses;
                foreach (var record in document.Pools)
                {
                    var pool = Import(record, runner);
                    _pools[pool.Id] = pool;
                    foreach (var node in pool.Nodes) _lifecycle.Resume(pool, node, now);
                }
            }
        }

        private static PoolRecord Export(EmulatedPool pool) => new()
        {
            Spec = pool.Spec,
            CreationTime = pool.CreationTime,
            LastModified = pool.LastModified,
            ETag = pool.ETag,
            IdNumber = pool.IdNumber,
            NodesAllocated = pool.NodesAllocated,
            StateTransitionTime = pool.StateTransitionTime,
            DeleteRequestedAt = pool.DeleteRequestedAt,
            Allocation = pool.Allocation,
            AllocationSince = pool.AllocationSince,
            BusyUntil = pool.BusyUntil,
            StoppingUntil = pool.StoppingUntil,
            TargetDedicated = pool.TargetDedicated,
            TargetLowPriority = pool.TargetLowPriority,
            ResizeTimeout = pool.ResizeTimeout,
            ResizeErrors = pool.ResizeErrors.ToList(),
            PendingResizeError = pool.PendingResizeError,
            AutoScaleRun = pool.AutoScaleRun,
            NextEvaluation = pool.NextEvaluation,
            LastEnableAutoScale = pool.LastEnableAutoScale,
            Metrics = pool.Metrics,
            Nodes = pool.Nodes.Select(Export).ToList(),
        };

        private static NodeRecord Export(EmulatedNode node)
        {
            var virtualFiles = node.Files as VirtualNodeFiles;
            return new NodeRecord
            {
                Id = node.Id,
                Number = node.Number,
                IsDedicated = node.IsDedicated,
                AllocationTime = node.AllocationTime,
                IpAddress = node.IpAddress,
                StartTaskExitCodeOverride = node.StartTaskExitCodeOverride,
                Phase = node.Phase,
                Since = node.Since,
                Until = node.Until,
                LastBootTime = node.LastBootTime,
                StartTask = node.StartTask,
                StartTaskInfo = node.StartTaskInfo,
                LeavesAfterStartTask = node.LeavesAfterStartTask,
                Version = node.Version,
                LastModified = node.LastModified,
                FilesCreated = virtualFiles?.Created,
                Files = virtualFiles?.Snapshot()
                    .Select(f => new FileRecord { Name = f.Key, Content = f.Value.Bytes, Created = f.Value.Created, Modified = f.Value.Modified })
                    .ToList(),
            };
        }

        private static EmulatedPool Import(PoolRecord record, IStartTaskRunner runner)
        {
            var pool = new EmulatedPool
            {
                Spec = record.Spec,
                CreationTime = record.CreationTime,
                LastModified = record.LastModified,
                ETag = record.ETag,
                IdNumber = record.IdNumber,
                NodesAllocated = record.NodesAllocated,
                StateTransitionTime = record.StateTransitionTime,
                DeleteRequestedAt = record.DeleteRequestedAt,
                Allocation = record.Allocation,
                AllocationSince = record.AllocationSince,
                BusyUntil = record.BusyUntil,
                StoppingUntil = record.StoppingUntil,
                TargetDedicated = record.TargetDedicated,
                TargetLowPriority = record.TargetLowPriority,
                ResizeTimeout = record.ResizeTimeout,
                PendingResizeError = record.PendingResizeError,
                AutoScaleRun = record.AutoScaleRun,
                NextEvaluation = record.NextEvaluation,
                LastEnableAutoScale = record.LastEnableAutoScale,
                Metrics = record.Metrics,
            };
            pool.ResizeErrors.AddRange(record.ResizeErrors);
            foreach (var saved in record.Nodes)
            {
                var files = runner.CreateFiles(pool.Id, saved.Id, pool.IsWindows, saved.FilesCreated ?? saved.AllocationTime);
                if (files is VirtualNodeFiles virtualFiles && saved.Files is { } savedFiles)
                {
                    virtualFiles.Restore(saved.FilesCreated ?? saved.AllocationTime,
                        savedFiles.Select(f => new KeyValuePair<string, (byte[], DateTimeOffset, DateTimeOffset)>(f.Name, (f.Content, f.Created, f.Modified))));
                }
                pool.Nodes.Add(new EmulatedNode
                {
                    Id = saved.Id,
                    Number = saved.Number,
                    IsDedicated = saved.IsDedicated,
                    AllocationTime = saved.AllocationTime,
                    IpAddress = saved.IpAddress,
                    StartTaskExitCodeOverride = saved.StartTaskExitCodeOverride,
                    Files = files,
                    Phase = saved.Phase,
                    Since = saved.Since,
                    Until = saved.Until,
                    LastBootTime = saved.LastBootTime,
                    StartTask = saved.StartTask,
                    StartTaskInfo = saved.StartTaskInfo,
                    LeavesAfterStartTask = saved.LeavesAfterStartTask,
                    Version = saved.Version,
                    LastModified = saved.LastModified,
                });
            }
            return pool;
        }
    }
}
