using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A pool as the service reports it (CloudPool).</summary>
    public sealed class BatchPool
    {
        public string? Id { get; init; }

        public string? DisplayName { get; init; }

        public string? Url { get; init; }

        public string? ETag { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        public DateTimeOffset? CreationTime { get; init; }

        public BatchPoolState? State { get; init; }

        public DateTimeOffset? StateTransitionTime { get; init; }

        public AllocationState? AllocationState { get; init; }

        public DateTimeOffset? AllocationStateTransitionTime { get; init; }

        public string? VmSize { get; init; }

        public VirtualMachineConfiguration? VirtualMachineConfiguration { get; init; }

        public TimeSpan? ResizeTimeout { get; init; }

        public IReadOnlyList<ResizeError>? ResizeErrors { get; init; }

        public int? CurrentDedicatedNodes { get; init; }

        public int? CurrentLowPriorityNodes { get; init; }

        public int? TargetDedicatedNodes { get; init; }

        public int? TargetLowPriorityNodes { get; init; }

        public bool? EnableAutoScale { get; init; }

        public string? AutoScaleFormula { get; init; }

        public TimeSpan? AutoScaleEvaluationInterval { get; init; }

        public AutoScaleRun? AutoScaleRun { get; init; }

        public bool? EnableInterNodeCommunication { get; init; }

        public NetworkConfiguration? NetworkConfiguration { get; init; }

        public BatchStartTask? StartTask { get; init; }

        public IReadOnlyList<BatchCertificateReference>? CertificateReferences { get; init; }

        public IReadOnlyList<BatchApplicationPackageReference>? ApplicationPackageReferences { get; init; }

        public int? TaskSlotsPerNode { get; init; }

        public BatchTaskSchedulingPolicy? TaskSchedulingPolicy { get; init; }

        public IReadOnlyList<UserAccount>? UserAccounts { get; init; }

        public IReadOnlyList<BatchMetadataItem>? Metadata { get; init; }

        /// <summary>Only with <c>$expand=stats</c>.</summary>
        public BatchPoolStatistics? Stats { get; init; }

        public IReadOnlyList<MountConfiguration>? MountConfiguration { get; init; }

        public BatchPoolIdentity? Identity { get; init; }

        public BatchNodeCommunicationMode? TargetNodeCommunicationMode { get; init; }

        public BatchNodeCommunicationMode? CurrentNodeCommunicationMode { get; init; }

        public UpgradePolicy? UpgradePolicy { get; init; }

        public IReadOnlyDictionary<string, string>? ResourceTags { get; init; }
    }
}
