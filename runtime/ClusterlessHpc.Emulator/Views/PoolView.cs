using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// A pool as GET returns it: its settings with the service's defaults echoed (resizeTimeout PT15M,
    /// enableAutoScale false, enableInterNodeCommunication false, taskSlotsPerNode 1, taskSchedulingPolicy spread,
    /// image version latest, the start task's defaults) and its server state. Extensions' protectedSettings are never
    /// returned. <c>stats</c> only with <c>$expand=stats</c>.
    /// </summary>
    internal static class PoolView
    {
        public static JsonObject Render(SimulatedPool pool, DateTimeOffset now, string baseUrl, bool stats)
        {
            var spec = pool.Spec;
            var url = baseUrl + "pools/" + Uri.EscapeDataString(spec.Id);
            var autoScale = pool.AutoScaleEnabled;
            var model = new BatchPool
            {
                Id = spec.Id,
                DisplayName = spec.DisplayName,
                Url = url,
                ETag = pool.ETag,
                LastModified = pool.LastModified,
                CreationTime = pool.CreationTime,
                State = pool.IsDeleting ? BatchPoolState.Deleting : BatchPoolState.Active,
                StateTransitionTime = pool.StateTransitionTime,
                AllocationState = pool.Allocation,
                AllocationStateTransitionTime = pool.AllocationSince,
                VmSize = ServiceSpelling.VmSize(spec.VmSize),
                VirtualMachineConfiguration = SecretFree.Of(spec.VirtualMachineConfiguration),
                ResizeTimeout = pool.ResizeTimeout,
                ResizeErrors = pool.Allocation == AllocationState.Steady && pool.ResizeErrors.Count > 0 ? pool.ResizeErrors.ToList() : null,
                CurrentDedicatedNodes = pool.CurrentNodes(dedicated: true),
                CurrentLowPriorityNodes = pool.CurrentNodes(dedicated: false),
                TargetDedicatedNodes = pool.TargetDedicated,
                TargetLowPriorityNodes = pool.TargetLowPriority,
                EnableAutoScale = autoScale,
                AutoScaleFormula = autoScale ? spec.AutoScaleFormula : null,
                AutoScaleEvaluationInterval = autoScale ? spec.AutoScaleEvaluationInterval ?? ServiceLimits.DefaultEvaluationInterval : null,
                AutoScaleRun = autoScale ? pool.AutoScaleRun : null,
                EnableInterNodeCommunication = spec.EnableInterNodeCommunication ?? false,
                NetworkConfiguration = spec.NetworkConfiguration,
                StartTask = StartTaskEcho.Of(spec.StartTask),
                CertificateReferences = spec.CertificateReferences?.ToList(),
                ApplicationPackageReferences = spec.ApplicationPackageReferences?.ToList(),
                TaskSlotsPerNode = spec.TaskSlotsPerNode ?? 1,
                TaskSchedulingPolicy = spec.TaskSchedulingPolicy ?? new BatchTaskSchedulingPolicy { NodeFillType = BatchNodeFillType.Spread },
                UserAccounts = spec.UserAccounts?.ToList(),
                Metadata = spec.Metadata?.ToList(),
                Stats = stats ? Statistics(pool, url, now) : null,
                MountConfiguration = SecretFree.Of(spec.MountConfiguration),
                TargetNodeCommunicationMode = spec.TargetNodeCommunicationMode,
                UpgradePolicy = spec.UpgradePolicy,
                ResourceTags = spec.ResourceTags?.ToDictionary(),
            };

            var json = JsonSerializer.SerializeToNode(model, BatchJson.TypeInfo<BatchPool>())!.AsObject();
            if (json["virtualMachineConfiguration"] is JsonObject configuration)
            {
                // A marketplace image without a version is the latest.
                if (configuration["imageReference"] is JsonObject image && image["publisher"] is not null) image.TryAdd("version", "latest");
                foreach (var extension in (configuration["extensions"] as JsonArray ?? []).OfType<JsonObject>()) extension.Remove("protectedSettings");
                ServiceSpelling.Capitalize(configuration["nodePlacementConfiguration"] as JsonObject, "policy");
            }
            ServiceSpelling.Capitalize(json["taskSchedulingPolicy"] as JsonObject, "nodeFillType");
            // The service keeps user passwords to itself and leaves the property out (python-assets-test_batch_scale_pools-sync.jsonl, 2024-07-01.20.0).
            foreach (var account in (json["userAccounts"] as JsonArray ?? []).OfType<JsonObject>()) account.Remove("password");
            return json;
        }

        private static BatchPoolStatistics Statistics(SimulatedPool pool, string url, DateTimeOffset now)
        {
            var coreTime = CoreTime.Of(pool, pool.CreationTime, now, dedicatedOnly: true);
            return new BatchPoolStatistics
            {
                Url = url + "/stats",
                StartTime = pool.CreationTime,
                LastUpdateTime = now,
                UsageStats = new BatchPoolUsageStatistics { StartTime = pool.CreationTime, LastUpdateTime = now, DedicatedCoreTime = coreTime },
                ResourceStats = new BatchPoolResourceStatistics { StartTime = pool.CreationTime, LastUpdateTime = now },
            };
        }
    }
}
