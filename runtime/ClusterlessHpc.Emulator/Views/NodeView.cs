using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>A node as list and get return it.</summary>
    internal static class NodeView
    {
        /// <summary>The Batch agent version the emulated nodes report.</summary>
        public const string AgentVersion = "1.11.6";

        public static string Url(string baseUrl, SimulatedPool pool, SimulatedNode node) =>
            baseUrl + "pools/" + Uri.EscapeDataString(pool.Id) + "/nodes/" + node.Id;

        public static JsonObject Render(SimulatedPool pool, SimulatedNode node, string baseUrl)
        {
            var image = pool.Spec.VirtualMachineConfiguration?.ImageReference;
            var model = new BatchNode
            {
                Id = node.Id,
                Url = Url(baseUrl, pool, node),
                State = node.State,
                SchedulingState = SchedulingState.Enabled,
                StateTransitionTime = node.Since,
                LastBootTime = node.LastBootTime,
                AllocationTime = node.AllocationTime,
                IpAddress = node.IpAddress,
                AffinityId = node.AffinityId,
                VmSize = ServiceSpelling.VmSize(pool.Spec.VmSize),
                TotalTasksRun = node.TotalTasksRun,
                RunningTasksCount = node.Running.Count,
                RunningTaskSlotsCount = node.UsedSlots,
                TotalTasksSucceeded = node.TotalTasksSucceeded,
                StartTask = StartTaskEcho.Of(node.StartTask),
                StartTaskInfo = node.StartTaskInfo,
                Errors = node.Errors,
                IsDedicated = node.IsDedicated,
                NodeAgentInfo = node.LastBootTime is { } booted ? new BatchNodeAgentInfo { Version = AgentVersion, LastUpdateTime = booted } : null,
                VirtualMachineInfo = image is null ? null : new VirtualMachineInfo
                {
                    ImageReference = new BatchVmImageReference
                    {
                        Publisher = image.Publisher,
                        Offer = image.Offer,
                        Sku = image.Sku,
                        Version = image.Publisher is null ? image.Version : image.Version ?? "latest",
                        VirtualMachineImageId = image.VirtualMachineImageId,
                        SharedGalleryImageId = image.SharedGalleryImageId,
                        CommunityGalleryImageId = image.CommunityGalleryImageId,
                    },
                },
            };
            var json = JsonSerializer.SerializeToNode(model, BatchJson.TypeInfo<BatchNode>())!.AsObject();
            ServiceSpelling.Capitalize((json["startTaskInfo"] as JsonObject)?["failureInfo"] as JsonObject, "category");
            return json;
        }
    }
}
