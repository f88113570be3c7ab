using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the patch-pool request: only the properties given change (PoolPatchParameter).</summary>
    public sealed class BatchPoolUpdateOptions
    {
        /// <summary>Replaces the start task; it reaches existing nodes when they reboot or are reimaged.</summary>
        public BatchStartTask? StartTask { get; set; }

        public IList<BatchCertificateReference>? CertificateReferences { get; set; }

        public IList<BatchApplicationPackageReference>? ApplicationPackageReferences { get; set; }

        public IList<BatchMetadataItem>? Metadata { get; set; }

        public BatchNodeCommunicationMode? TargetNodeCommunicationMode { get; set; }

        public string? DisplayName { get; set; }

        public string? VmSize { get; set; }

        public int? TaskSlotsPerNode { get; set; }

        public BatchTaskSchedulingPolicy? TaskSchedulingPolicy { get; set; }

        public bool? EnableInterNodeCommunication { get; set; }

        public VirtualMachineConfiguration? VirtualMachineConfiguration { get; set; }

        public NetworkConfiguration? NetworkConfiguration { get; set; }

        public IList<UserAccount>? UserAccounts { get; set; }

        public IList<MountConfiguration>? MountConfiguration { get; set; }

        public UpgradePolicy? UpgradePolicy { get; set; }

        public IDictionary<string, string>? ResourceTags { get; set; }
    }
}
