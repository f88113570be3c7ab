using System.CommandLine;
using ClusterlessHpc.Cli.Commands;

namespace ClusterlessHpc.Cli
{
    /// <summary>The chpc command tree. Each area adds its commands from its own file under Commands/.</summary>
    internal static class Chpc
    {
        public static RootCommand CreateRoot(CliConsole console)
        {
            var root = new RootCommand("ClusterlessHpc: declare, check and run Azure Batch pools from .NET.");
            root.Subcommands.Add(FormulaCommands.Create(console));
            root.Subcommands.Add(EmulatorCommand.Create(console));
            return root;
        }

        /// <summary>Parses and runs <paramref name="args"/>; a command line that does not parse is a usage error (exit 3).</summary>
        public static int Run(string[] args, CliConsole console)
        {
            var parsed = CreateRoot(console).Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                foreach (var error in parsed.Errors) console.Error.WriteLine("error: " + error.Message);
                console.Error.WriteLine("Run 'chpc --help' for usage.");
                return ExitCodes.Usage;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = console.Output, Error = console.Error });
        }
    }
}
