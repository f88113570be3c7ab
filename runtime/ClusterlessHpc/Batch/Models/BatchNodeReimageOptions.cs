namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the reimage-node request (NodeReimageParameter).</summary>
    public sealed class BatchNodeReimageOptions
    {
        public BatchNodeReimageOption? NodeReimageOption { get; set; }
    }
}
