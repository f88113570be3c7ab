using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Cli.Commands;

namespace ClusterlessHpc.Cli
{
    /// <summary>The chpc command tree. Each command is wired in its own file under Commands/.</summary>
    internal static class Chpc
    {
        public static RootCommand CreateRoot(CliConsole console)
        {
            var root = new RootCommand("ClusterlessHpc: declare, check and run Azure Batch pools from .NET.");
            root.Subcommands.Add(PlanCommand.Create(console));
            root.Subcommands.Add(ApplyCommand.Create(console));
            root.Subcommands.Add(StatusCommand.Create(console));
            root.Subcommands.Add(NodesCommand.Create(console));
            root.Subcommands.Add(LogsCommand.Create(console));
            root.Subcommands.Add(ResizeCommand.Create(console));
            root.Subcommands.Add(AutoScaleCommands.Create(console));
            root.Subcommands.Add(DeleteCommand.Create(console));
            root.Subcommands.Add(FormulaCommands.Create(console));
            root.Subcommands.Add(ImportCommand.Create(console));
            root.Subcommands.Add(EmulatorCommand.Create(console));
            return root;
        }

        /// <summary>
        /// Parses and runs <paramref name="args"/>; a command line that does not parse is a usage error (exit 3).
        /// <paramref name="handleSignals"/> makes Ctrl+C and SIGTERM cancel the running command (the real process only).
        /// </summary>
        public static async Task<int> RunAsync(string[] args, CliConsole console, bool handleSignals = false, CancellationToken cancellationToken = default)
        {
            var parsed = CreateRoot(console).Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                foreach (var error in parsed.Errors) console.Error.WriteLine("error: " + Secrets.Redact(error.Message, args));
                console.Error.WriteLine("Run 'chpc --help' for usage.");
                return ExitCodes.Usage;
            }
            var configuration = new InvocationConfiguration
            {
                Output = console.Output,
                Error = console.Error,
                ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(30) : null,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Runs synchronously (tests of the offline commands).</summary>
        public static int Run(string[] args, CliConsole console) => RunAsync(args, console).GetAwaiter().GetResult();
    }
}
