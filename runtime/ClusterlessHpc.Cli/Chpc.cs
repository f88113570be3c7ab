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
        /// <summary>The option that adds the stack trace to an unexpected failure; every command has it.</summary>
        public const string VerboseOption = "--verbose";

        public static RootCommand CreateRoot(CliConsole console)
        {
            var root = new RootCommand("ClusterlessHpc: declare, check and run Azure Batch pools from .NET.");
            root.Options.Add(new Option<bool>(VerboseOption) { Description = "On an unexpected failure, print its stack trace too (chpc emulator: also log every request).", Recursive = true });
            root.Subcommands.Add(PlanCommand.Create(console));
            root.Subcommands.Add(ApplyCommand.Create(console));
            root.Subcommands.Add(StatusCommand.Create(console));
            root.Subcommands.Add(NodesCommand.Create(console));
            root.Subcommands.Add(LogsCommand.Create(console));
            root.Subcommands.Add(ManifestCommand.Create(console));
            root.Subcommands.Add(ResizeCommand.Create(console));
            root.Subcommands.Add(AutoScaleCommands.Create(console));
            root.Subcommands.Add(DeleteCommand.Create(console));
            root.Subcommands.Add(PruneCommand.Create(console));
            root.Subcommands.Add(RunCommand.Create(console));
            root.Subcommands.Add(JobCommands.Jobs(console));
            root.Subcommands.Add(JobCommands.Tasks(console));
            root.Subcommands.Add(JobCommands.Task(console));
            root.Subcommands.Add(JobCommands.Job(console));
            root.Subcommands.Add(FormulaCommands.Create(console));
            root.Subcommands.Add(ImportCommand.Create(console));
            root.Subcommands.Add(EmulatorCommand.Create(console));
            return root;
        }

        /// <summary>
        /// Parses and runs <paramref name="args"/>; a command line that does not parse is a usage error (exit 3). A failure
        /// no command expected is one line on standard error and exit 2 (its stack with <c>--verbose</c>), never a crash.
        /// <paramref name="handleSignals"/> makes Ctrl+C and SIGTERM cancel the running command (the real process only).
        /// </summary>
        public static async Task<int> RunAsync(string[] args, CliConsole console, bool handleSignals = false, CancellationToken cancellationToken = default)
        {
            ParseResult parsed;
            try
            {
                parsed = CreateRoot(console).Parse(args);
            }
            catch (Exception e)
            {
                // An option's parser or validator that failed in a way it did not foresee: one line, as anywhere else.
                return CliErrors.ReportUnexpected(console, e, Array.IndexOf(args, VerboseOption) >= 0, args);
            }
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                UsageErrors.Report(console, parsed, args);
                return ExitCodes.Usage;
            }
            var configuration = new InvocationConfiguration
            {
                Output = console.Output,
                Error = console.Error,
                ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(30) : null,
                EnableDefaultExceptionHandler = false,
            };
            try
            {
                return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                // Input a command cannot use, found anywhere in its action: one line that names it, and its exit code.
                console.Error.WriteLine(CliErrors.Describe(e));
                return e.ExitCode;
            }
            catch (Exception e)
            {
                return CliErrors.ReportUnexpected(console, e, parsed.GetValue<bool>(VerboseOption), args);
            }
        }

        /// <summary>Runs synchronously (tests of the offline commands).</summary>
        public static int Run(string[] args, CliConsole console) => RunAsync(args, console).GetAwaiter().GetResult();
    }
}
