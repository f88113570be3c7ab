namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A name-value pair Batch stores and does not interpret (MetadataItem).</summary>
    public sealed class BatchMetadataItem
    {
        public string Name { get; set; } = "";

        public string Value { get; set; } = "";
    }
}
