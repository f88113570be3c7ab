namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Security settings of the VMs (trusted launch, confidential VM, encryption at host).</summary>
    public sealed class SecurityProfile
    {
        public SecurityTypes? SecurityType { get; set; }

        public bool? EncryptionAtHost { get; set; }

        public BatchUefiSettings? UefiSettings { get; set; }
    }
}
