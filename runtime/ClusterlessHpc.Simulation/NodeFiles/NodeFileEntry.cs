using System;

namespace ClusterlessHpc.Simulation
{
    /// <summary>A file or directory on a node, named relative to the node's root directory with <c>/</c> separators.</summary>
    public sealed record NodeFileEntry(
        string Name,
        bool IsDirectory,
        DateTimeOffset CreationTime,
        DateTimeOffset LastModified,
        long Length,
        string? FileMode);
}
