using System;
using System.Collections;
using System.Collections.Generic;
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

        /// <summary>The environment variables (tests pass their own, so parallel tests do not share one process's).</summary>
        public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

        /// <summary>The folder relative paths and <c>appsettings.json</c> are read from.</summary>
        public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

        /// <summary>The HTTP transport of Batch and sign-in requests (null: Azure.Core's; tests pass one that trusts their own certificate).</summary>
        public Azure.Core.Pipeline.HttpPipelineTransport? Transport { get; init; }

        /// <summary>The console of this process.</summary>
        public static CliConsole FromProcess()
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
            {
                environment[(string)variable.Key] = variable.Value as string ?? "";
            }
            return new CliConsole(Console.In, Console.Out, Console.Error)
            {
                IsTerminal = !Console.IsOutputRedirected && environment.GetValueOrDefault("TERM") != "dumb",
                Environment = environment,
            };
        }

        /// <summary>An environment variable's value; null when it is not set or empty.</summary>
        public string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        /// <summary>A path as the user meant it: relative to <see cref="WorkingDirectory"/>.</summary>
        public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
    }
}
