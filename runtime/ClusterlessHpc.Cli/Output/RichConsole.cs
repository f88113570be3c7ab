using Spectre.Console;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>A Spectre.Console console writing to the command's standard output, for terminals.</summary>
    internal static class RichConsole
    {
        public static IAnsiConsole Create(CliConsole console) => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
    }
}
