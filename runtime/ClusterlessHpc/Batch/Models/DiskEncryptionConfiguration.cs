using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Which disks of a node are encrypted.</summary>
    public sealed class DiskEncryptionConfiguration
    {
        public IList<DiskEncryptionTarget>? Targets { get; set; }
    }
}
