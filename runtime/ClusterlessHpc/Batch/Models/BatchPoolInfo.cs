namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// The pool a job's tasks run on (PoolInformation). Only an existing pool, by id: auto pools
    /// (<c>autoPoolSpecification</c>) are not supported by this client.
    /// </summary>
    public sealed class BatchPoolInfo
    {
        public string? PoolId { get; set; }
    }
}
