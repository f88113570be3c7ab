using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A certificate installed on nodes (CertificateReference; deprecated by the service).</summary>
    public sealed class BatchCertificateReference
    {
        public string Thumbprint { get; set; } = "";

        public string ThumbprintAlgorithm { get; set; } = "";

        public BatchCertificateStoreLocation? StoreLocation { get; set; }

        public string? StoreName { get; set; }

        public IList<BatchCertificateVisibility>? Visibility { get; set; }
    }
}
