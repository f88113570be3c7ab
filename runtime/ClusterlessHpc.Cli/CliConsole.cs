using System;
using System.IO;

namespace ClusterlessHpc.Cli
{
    /// <summary>
    /// Where a command reads and writes, and what it may know of the process: the process's streams, environment and
    /// folder, or captured ones in tests.
    /// </summary>
    internal sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error)
    {
        /// <summary>Whether standard output is an interactive terminal: then waiting shows a live table, else plain lines.</summary>
        public bool IsTerminal { get; init; }

        /// <summary>Reads an environment variable (tests pass their own, so parallel tests do not share one process's).</summary>
        public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

        /// <summary>The folder relative paths and <c>appsettings.json</c> are read from.</summary>
        public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

        /// <summary>The console of this process.</summary>
        public static CliConsole FromProcess() =>
            new(Console.In, Console.Out, Console.Error) { IsTerminal = !Console.IsOutputRedirected && !IsDumbTerminal() };

        /// <summary>A path as the user meant it: relative to <see cref="WorkingDirectory"/>.</summary>
        public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

        private static bool IsDumbTerminal() => Environment.GetEnvironmentVariable("TERM") is "dumb";
    }
}
