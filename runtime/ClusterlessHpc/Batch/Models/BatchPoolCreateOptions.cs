using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the add-pool request (PoolAddParameter).</summary>
    public sealed class BatchPoolCreateOptions
    {
        /// <summary>The pool id.</summary>
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        /// <summary>The VM size of the nodes.</summary>
        public string VmSize { get; set; } = "";

        public VirtualMachineConfiguration? VirtualMachineConfiguration { get; set; }

        public TimeSpan? ResizeTimeout { get; set; }

        public int? TargetDedicatedNodes { get; set; }

        public int? TargetLowPriorityNodes { get; set; }

        public bool? EnableAutoScale { get; set; }

        public string? AutoScaleFormula { get; set; }

        public TimeSpan? AutoScaleEvaluationInterval { get; set; }

        public bool? EnableInterNodeCommunication { get; set; }

        public NetworkConfiguration? NetworkConfiguration { get; set; }

        public BatchStartTask? StartTask { get; set; }

        public IList<BatchCertificateReference>? CertificateReferences { get; set; }

        public IList<BatchApplicationPackageReference>? ApplicationPackageReferences { get; set; }

        public int? TaskSlotsPerNode { get; set; }

        public BatchTaskSchedulingPolicy? TaskSchedulingPolicy { get; set; }

        public IList<UserAccount>? UserAccounts { get; set; }

        public IList<BatchMetadataItem>? Metadata { get; set; }

        public IList<MountConfiguration>? MountConfiguration { get; set; }

        public BatchNodeCommunicationMode? TargetNodeCommunicationMode { get; set; }

        public UpgradePolicy? UpgradePolicy { get; set; }

        public IDictionary<string, string>? ResourceTags { get; set; }
    }
}
