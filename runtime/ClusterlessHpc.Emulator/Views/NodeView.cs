using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Simulation;
using ClusterlessHpc.Emulator.State;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>A node as list and get return it, in the state <see cref="NodeLifecycle"/> gives for now.</summary>
    internal static class NodeView
    {
        public static JsonObject Render(EmulatedPool pool, EmulatedNode node, DateTimeOffset now, string baseUrl, BatchEmulatorOptions timings)
        {
            var status = NodeLifecycle.At(pool, node, now, timings);
            var model = new BatchNode
            {
                Id = node.Id,
                Url = baseUrl + "pools/" + Uri.EscapeDataString(pool.Id) + "/nodes/" + node.Id,
                State = status.State,
                StateTransitionTime = status.Since,
                LastBootTime = status.LastBootTime,
                AllocationTime = node.AllocationTime,
                IpAddress = node.IpAddress,
                AffinityId = "TVM:" + node.Id,
                VmSize = pool.Spec.VmSize,
                StartTask = StartTaskEcho.Of(pool.Spec.StartTask),
                StartTaskInfo = status.StartTaskInfo,
                IsDedicated = node.IsDedicated,
            };

            var json = JsonSerializer.SerializeToNode(model, BatchJsonContext.Default.BatchNode)!.AsObject();
            // Properties the service always reports that the runtime's model does not carry (yet).
            json.TryAdd("schedulingState", "enabled");
            json.TryAdd("totalTasksRun", 0);
            json.TryAdd("totalTasksSucceeded", 0);
            json.TryAdd("runningTasksCount", 0);
            json.TryAdd("runningTaskSlotsCount", 0);
            return json;
        }
    }
}
