namespace ClusterlessHpc.Cli.Output
{
    /// <summary>How a command shows its results.</summary>
    internal enum OutputMode
    {
        /// <summary>Plain lines and aligned columns: output is redirected or not a terminal.</summary>
        Plain,

        /// <summary>Spectre.Console tables and a live table while waiting: an interactive terminal.</summary>
        Rich,

        /// <summary>One JSON document on standard output, no table, no colour (<c>--json</c>).</summary>
        Json,
    }

    internal static class OutputModes
    {
        public static OutputMode For(CliConsole console, bool json) =>
            json ? OutputMode.Json : console.IsTerminal ? OutputMode.Rich : OutputMode.Plain;
    }
}
