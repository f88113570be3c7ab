using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the update-properties request: the properties given replace the pool's, and those left out are cleared (PoolUpdatePropertiesParameter).</summary>
    public sealed class BatchPoolReplaceOptions
    {
        public BatchStartTask? StartTask { get; set; }

        public IList<BatchCertificateReference> CertificateReferences { get; set; } = new List<BatchCertificateReference>();

        public IList<BatchApplicationPackageReference> ApplicationPackageReferences { get; set; } = new List<BatchApplicationPackageReference>();

        public IList<BatchMetadataItem> Metadata { get; set; } = new List<BatchMetadataItem>();

        public BatchNodeCommunicationMode? TargetNodeCommunicationMode { get; set; }
    }
}
