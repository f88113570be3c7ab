using System.Collections.Generic;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>
    /// One pool's state while a command waits for it: a status word, its node counts by state, its target, a readable line.
    /// It carries no time: the table that shows it stamps every pool's lines with one clock.
    /// </summary>
    internal sealed record PoolProgress(string PoolId, string Status, IReadOnlyDictionary<string, int> Nodes, string Target, string Message);
}
