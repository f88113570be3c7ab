using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Images;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>Turns a definition into the add-pool request body.</summary>
    public static class PoolRequestBuilder
    {
        /// <summary>Pool metadata that records which definition made the pool, so an identical re-apply is recognised.</summary>
        public const string DefinitionHashMetadata = "clusterlesshpc-definition";

        public static BatchPoolCreateOptions Build(PoolDefinition definition)
        {
            var script = StartupScriptRenderer.Render(definition);
            var image = ImageCatalogue.DefaultLinux;
            return new BatchPoolCreateOptions
            {
                Id = definition.Id,
                VmSize = definition.VmSize,
                VirtualMachineConfiguration = new VirtualMachineConfiguration
                {
                    ImageReference = new BatchVmImageReference
                    {
                        Publisher = image.Publisher,
                        Offer = image.Offer,
                        Sku = image.Sku,
                        Version = image.Version,
                    },
                    NodeAgentSkuId = image.NodeAgentSkuId,
                },
                TargetDedicatedNodes = definition.EffectiveNodeCount,
                TargetLowPriorityNodes = definition.EffectiveLowPriorityNodeCount,
                StartTask = new BatchStartTask
                {
                    CommandLine = InlineScriptDelivery.CommandLine,
                    EnvironmentSettings = new List<EnvironmentSetting>
                    {
                        new() { Name = InlineScriptDelivery.ScriptVariable, Value = InlineScriptDelivery.Encode(script) },
                    },
                    // Pool scope and admin: the script installs once per node for every task, and may link
                    // the julia launcher into /usr/local/bin. It never uses sudo.
                    UserIdentity = new UserIdentity
                    {
                        AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Pool, ElevationLevel = ElevationLevel.Admin },
                    },
                    WaitForSuccess = true,
                    MaxTaskRetryCount = 0,
                },
                Metadata = new List<BatchMetadataItem>
                {
                    new() { Name = DefinitionHashMetadata, Value = StartupScriptRenderer.DefinitionHash(definition) },
                },
            };
        }
    }
}
