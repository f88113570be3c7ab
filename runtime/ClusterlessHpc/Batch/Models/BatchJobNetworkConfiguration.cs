namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The subnet a job's tasks run in, on pools whose network is assigned per job (JobNetworkConfiguration).</summary>
    public sealed class BatchJobNetworkConfiguration
    {
        public string SubnetId { get; set; } = "";

        public bool? SkipWithdrawFromVNet { get; set; }
    }
}
