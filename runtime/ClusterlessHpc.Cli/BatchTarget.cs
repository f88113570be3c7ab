using ClusterlessHpc.Cli.Accounts;

namespace ClusterlessHpc.Cli
{
    /// <summary>What a command was working on when Batch refused: the pool and node the user named, and the account used.</summary>
    internal sealed record BatchTarget(string? PoolId, string? NodeId, AccountChoice? Account);
}
