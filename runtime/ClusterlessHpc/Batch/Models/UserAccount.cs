namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A user account created on every node.</summary>
    public sealed class UserAccount
    {
        public string Name { get; set; } = "";

        public string Password { get; set; } = "";

        public ElevationLevel? ElevationLevel { get; set; }

        public LinuxUserConfiguration? LinuxUserConfiguration { get; set; }

        public WindowsUserConfiguration? WindowsUserConfiguration { get; set; }
    }
}
