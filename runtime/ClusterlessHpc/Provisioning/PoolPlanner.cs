using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Compares a live pool with the add-pool request its definition makes. Batch changes the start task, metadata,
    /// autoscale formula and interval, and the node targets and resize timeout (by resize) in place; everything else
    /// needs a new pool. Secrets are never compared or shown: Batch does not return them.
    /// </summary>
    internal static class PoolPlanner
    {
        public static PoolPlan Compare(BatchPoolCreateOptions expected, BatchPool actual)
        {
            var differences = new List<PoolDifference>();
            void Check(string property, string? want, string? have, bool inPlace, StringComparison comparison = StringComparison.Ordinal)
            {
                if (!string.Equals(want ?? "", have ?? "", comparison)) differences.Add(new PoolDifference(property, Show(want), Show(have), inPlace));
            }

            Check("vmSize", expected.VmSize, actual.VmSize, false, StringComparison.OrdinalIgnoreCase);
            var wantImage = expected.VirtualMachineConfiguration?.ImageReference;
            var haveImage = actual.VirtualMachineConfiguration?.ImageReference;
            Check("virtualMachineConfiguration.imageReference", Image(wantImage), Image(haveImage), false, StringComparison.OrdinalIgnoreCase);
            Check("virtualMachineConfiguration.nodeAgentSKUId", expected.VirtualMachineConfiguration?.NodeAgentSkuId,
                actual.VirtualMachineConfiguration?.NodeAgentSkuId, false, StringComparison.OrdinalIgnoreCase);
            Check("virtualMachineConfiguration.containerConfiguration.containerImageNames",
                Join(expected.VirtualMachineConfiguration?.ContainerConfiguration?.ContainerImageNames),
                Join(actual.VirtualMachineConfiguration?.ContainerConfiguration?.ContainerImageNames), false);
            Check("taskSlotsPerNode", Int(expected.TaskSlotsPerNode ?? 1), Int(actual.TaskSlotsPerNode ?? 1), false);
            Check("enableInterNodeCommunication", Bool(expected.EnableInterNodeCommunication ?? false), Bool(actual.EnableInterNodeCommunication ?? false), false);
            Check("networkConfiguration.subnetId", expected.NetworkConfiguration?.SubnetId, actual.NetworkConfiguration?.SubnetId, false, StringComparison.OrdinalIgnoreCase);
            Check("networkConfiguration.publicIPAddressConfiguration", PublicIp(expected.NetworkConfiguration?.PublicIpAddressConfiguration),
                PublicIp(actual.NetworkConfiguration?.PublicIpAddressConfiguration), false, StringComparison.OrdinalIgnoreCase);
            Check("virtualMachineConfiguration.containerConfiguration.containerRegistries",
                Join(expected.VirtualMachineConfiguration?.ContainerConfiguration?.ContainerRegistries?.Select(Registry)),
                Join(actual.VirtualMachineConfiguration?.ContainerConfiguration?.ContainerRegistries?.Select(Registry)), false);
            Check("mountConfiguration", Join(expected.MountConfiguration?.Select(Mount)), Join(actual.MountConfiguration?.Select(Mount)), false);

            var autoScale = expected.EnableAutoScale == true;
            Check("enableAutoScale", Bool(autoScale), Bool(actual.EnableAutoScale ?? false), true);
            if (autoScale)
            {
                Check("autoScaleFormula", expected.AutoScaleFormula, actual.AutoScaleFormula, true);
                Check("autoScaleEvaluationInterval", Duration(expected.AutoScaleEvaluationInterval), Duration(actual.AutoScaleEvaluationInterval ?? ServiceLimits.DefaultEvaluationInterval), true);
            }
            else
            {
                Check("targetDedicatedNodes", Int(expected.TargetDedicatedNodes ?? 0), Int(actual.TargetDedicatedNodes ?? 0), true);
                Check("targetLowPriorityNodes", Int(expected.TargetLowPriorityNodes ?? 0), Int(actual.TargetLowPriorityNodes ?? 0), true);
                // The timeout of the pool's last resize: the next resize sets it.
                Check(ResizeTimeout, Duration(expected.ResizeTimeout ?? ServiceLimits.DefaultResizeTimeout), Duration(actual.ResizeTimeout ?? ServiceLimits.DefaultResizeTimeout), true);
            }

            // The start task's script is compared through the definition hash it was made from, which the pool's metadata
            // records; its other settings one by one. The variables a delivery adds (CHPC_, which no definition may name)
            // are the script's way to the node: compared through the hash, and never shown (they can carry a SAS).
            Check(PoolDifference.StartTask, Hash(expected.Metadata), Hash(actual.Metadata), true);
            Check(PoolDifference.StartTaskEnvironment, Join(UserEnvironment(expected.StartTask?.EnvironmentSettings)), Join(UserEnvironment(actual.StartTask?.EnvironmentSettings)), true);
            Check(PoolDifference.StartTaskRetries, Int(expected.StartTask?.MaxTaskRetryCount ?? 0), Int(actual.StartTask?.MaxTaskRetryCount ?? 0), true);
            Check(PoolDifference.StartTaskWaitForSuccess, Bool(expected.StartTask?.WaitForSuccess ?? true), Bool(actual.StartTask?.WaitForSuccess ?? true), true);
            Check("metadata", Join(UserMetadata(expected.Metadata)), Join(UserMetadata(actual.Metadata)), true);

            return new PoolPlan(expected.Id, differences.Count == 0 ? PoolPlanAction.NoChange : PoolPlanAction.Drift, differences);
        }

        /// <summary>The difference a resize settles (with the pool's targets and this timeout).</summary>
        public const string ResizeTimeout = "resizeTimeout";

        private static IEnumerable<string>? UserEnvironment(IEnumerable<EnvironmentSetting>? settings) =>
            settings?.Where(e => e.Name is not null && !e.Name.StartsWith(PoolSettingsRules.ReservedVariablePrefix, StringComparison.Ordinal))
                .Select(e => $"{e.Name}={e.Value}").OrderBy(e => e, StringComparer.Ordinal);

        // Batch returns no secret (registry passwords, storage keys and SASs): what is compared is everything else.
        private static string Registry(ContainerRegistryReference registry) =>
            $"{registry.RegistryServer} {registry.Username}{(registry.IdentityReference?.ResourceId is { } id ? " identity " + id : "")}";

        private static string Mount(MountConfiguration mount) => mount switch
        {
            { AzureFileShareConfiguration: { } files } => $"Azure Files {files.AzureFileUrl} at {files.RelativeMountPath} ({files.MountOptions})",
            { NfsMountConfiguration: { } nfs } => $"NFS {nfs.Source} at {nfs.RelativeMountPath} ({nfs.MountOptions})",
            { AzureBlobFileSystemConfiguration: { } blob } =>
                $"blobfuse {blob.AccountName}/{blob.ContainerName} at {blob.RelativeMountPath} ({blob.BlobfuseOptions}){(blob.IdentityReference?.ResourceId is { } id ? " identity " + id : "")}",
            { CifsMountConfiguration: { } cifs } => $"CIFS {cifs.Source} at {cifs.RelativeMountPath} ({cifs.MountOptions})",
            _ => "an unknown mount",
        };

        private static string? PublicIp(BatchPublicIpAddressConfiguration? configuration) =>
            configuration is null ? null : $"{configuration.Provision ?? IpAddressProvisioningType.BatchManaged} {Join(configuration.IpAddressIds)}".TrimEnd();

        private static string? Hash(IEnumerable<BatchMetadataItem>? metadata) =>
            metadata?.FirstOrDefault(m => m.Name == PoolRequestBuilder.DefinitionHashMetadata)?.Value is { } hash ? "definition " + hash : "a start task ClusterlessHpc did not make";

        // ClusterlessHpc's own entries (the definition hash, the owner) are not the definition's metadata: an owner
        // recorded or not is no drift.
        private static IEnumerable<string>? UserMetadata(IEnumerable<BatchMetadataItem>? metadata) =>
            metadata?.Where(m => m.Name is not null && !m.Name.StartsWith(PoolSettingsRules.ReservedMetadataPrefix, StringComparison.OrdinalIgnoreCase)).Select(m => $"{m.Name}={m.Value}").OrderBy(m => m, StringComparer.Ordinal);

        private static string? Image(BatchVmImageReference? image) => image switch
        {
            null => null,
            { VirtualMachineImageId: { } id } => id,
            { SharedGalleryImageId: { } shared } => shared,
            { CommunityGalleryImageId: { } community } => community,
            _ => $"{image.Publisher}:{image.Offer}:{image.Sku}:{image.Version ?? "latest"}",
        };

        private static string? Join(IEnumerable<string>? items) => items is null ? null : string.Join(", ", items);

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Bool(bool value) => value ? "true" : "false";

        private static string? Duration(TimeSpan? value) => value is { } v ? System.Xml.XmlConvert.ToString(v) : null;

        private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"'{value}'";
    }
}
