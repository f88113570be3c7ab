using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.State;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// A pool as GET returns it: the add request with the service's defaults echoed (resizeTimeout PT15M,
    /// enableAutoScale false, enableInterNodeCommunication false, taskSlotsPerNode 1, taskSchedulingPolicy spread,
    /// image version latest) and the server state. The allocation is <c>resizing</c> while the nodes are being
    /// created, <c>steady</c> after; a pool being deleted is <c>deleting</c> and <c>resizing</c> (down to nothing).
    /// </summary>
    internal static class PoolView
    {
        private static readonly TimeSpan DefaultResizeTimeout = TimeSpan.FromMinutes(15);
        private static readonly TimeSpan DefaultEvaluationInterval = TimeSpan.FromMinutes(15);

        public static JsonObject Render(EmulatedPool pool, DateTimeOffset now, string baseUrl, BatchEmulatorOptions timings)
        {
            var spec = pool.Spec;
            var autoScale = spec.EnableAutoScale ?? false;
            var (allocation, allocationSince) = Allocation(pool, now, timings);
            var model = new BatchPool
            {
                Id = spec.Id,
                DisplayName = spec.DisplayName,
                Url = baseUrl + "pools/" + Uri.EscapeDataString(spec.Id),
                ETag = pool.ETag,
                LastModified = pool.LastModified,
                CreationTime = pool.CreationTime,
                State = pool.IsDeleting ? BatchPoolState.Deleting : BatchPoolState.Active,
                StateTransitionTime = pool.DeleteRequestedAt ?? pool.CreationTime,
                AllocationState = allocation,
                AllocationStateTransitionTime = allocationSince,
                VmSize = spec.VmSize,
                VirtualMachineConfiguration = Echo(spec.VirtualMachineConfiguration!),
                ResizeTimeout = spec.ResizeTimeout ?? DefaultResizeTimeout,
                CurrentDedicatedNodes = pool.Nodes.Count(n => n.IsDedicated),
                CurrentLowPriorityNodes = pool.Nodes.Count(n => !n.IsDedicated),
                TargetDedicatedNodes = spec.TargetDedicatedNodes ?? 0,
                TargetLowPriorityNodes = spec.TargetLowPriorityNodes ?? 0,
                EnableAutoScale = autoScale,
                AutoScaleFormula = spec.AutoScaleFormula,
                AutoScaleEvaluationInterval = autoScale ? spec.AutoScaleEvaluationInterval ?? DefaultEvaluationInterval : null,
                EnableInterNodeCommunication = spec.EnableInterNodeCommunication ?? false,
                StartTask = StartTaskEcho.Of(spec.StartTask),
                TaskSlotsPerNode = spec.TaskSlotsPerNode ?? 1,
                Metadata = spec.Metadata?.Select(m => new BatchMetadataItem { Name = m.Name, Value = m.Value }).ToList(),
            };

            var json = JsonSerializer.SerializeToNode(model, BatchJsonContext.Default.BatchPool)!.AsObject();
            // The runtime's model has no taskSchedulingPolicy; the service echoes it, spread when not given.
            json["taskSchedulingPolicy"] = pool.TaskSchedulingPolicy is { } policy
                ? JsonNode.Parse(policy.GetRawText())
                : new JsonObject { ["nodeFillType"] = "spread" };
            return json;
        }

        private static (AllocationState State, DateTimeOffset Since) Allocation(EmulatedPool pool, DateTimeOffset now, BatchEmulatorOptions timings)
        {
            if (pool.DeleteRequestedAt is { } deleting) return (AllocationState.Resizing, deleting);
            if (pool.Nodes.Count == 0) return (AllocationState.Steady, pool.CreationTime);
            var allocated = pool.CreationTime + timings.NodeCreatingDelay;
            return now < allocated ? (AllocationState.Resizing, pool.CreationTime) : (AllocationState.Steady, allocated);
        }

        private static VirtualMachineConfiguration Echo(VirtualMachineConfiguration sent)
        {
            var image = sent.ImageReference;
            var marketplace = image.Publisher is not null;
            return new VirtualMachineConfiguration
            {
                NodeAgentSkuId = sent.NodeAgentSkuId,
                ImageReference = new BatchVmImageReference
                {
                    Publisher = image.Publisher,
                    Offer = image.Offer,
                    Sku = image.Sku,
                    Version = marketplace ? image.Version ?? "latest" : image.Version,
                    VirtualMachineImageId = image.VirtualMachineImageId,
                },
            };
        }
    }
}
