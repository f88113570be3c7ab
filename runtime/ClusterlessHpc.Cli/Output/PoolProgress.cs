using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>One pool's state while a command waits for it: a status word, its node counts by state, its target, a readable line.</summary>
    internal sealed record PoolProgress(string PoolId, string Status, IReadOnlyDictionary<string, int> Nodes, string Target, TimeSpan Elapsed, string Message);
}
