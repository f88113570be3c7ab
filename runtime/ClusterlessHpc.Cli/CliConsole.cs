using System.IO;

namespace ClusterlessHpc.Cli
{
    /// <summary>Where a command reads and writes: the process's streams, or captured ones in tests.</summary>
    internal sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error);
}
