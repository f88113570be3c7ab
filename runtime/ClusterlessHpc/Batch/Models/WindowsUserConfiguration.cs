namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Windows-specific settings of a user account.</summary>
    public sealed class WindowsUserConfiguration
    {
        public LoginMode? LoginMode { get; set; }
    }
}
