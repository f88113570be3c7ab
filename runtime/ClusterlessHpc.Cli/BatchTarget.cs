using ClusterlessHpc.Cli.Accounts;

namespace ClusterlessHpc.Cli
{
    /// <summary>What a command was working on when Batch refused: the pool, node, job and task the user named, and the account used.</summary>
    internal sealed record BatchTarget(string? PoolId, string? NodeId, AccountChoice? Account)
    {
        public string? JobId { get; init; }

        public string? TaskId { get; init; }
    }
}
