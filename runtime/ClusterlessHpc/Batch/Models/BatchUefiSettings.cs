namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Secure boot and vTPM settings (UefiSettings).</summary>
    public sealed class BatchUefiSettings
    {
        public bool? SecureBootEnabled { get; set; }

        public bool? VTpmEnabled { get; set; }
    }
}
