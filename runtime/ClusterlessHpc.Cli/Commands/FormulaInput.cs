using System.IO;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>Reads a formula from a file or, for "-", standard input (named &lt;stdin&gt; in messages).</summary>
    internal static class FormulaInput
    {
        public static bool TryRead(CliConsole console, string file, out string name, out string text)
        {
            name = file == "-" ? "<stdin>" : file;
            text = "";
            try
            {
                text = file == "-" ? console.Input.ReadToEnd() : File.ReadAllText(file);
                return true;
            }
            catch (IOException exception)
            {
                console.Error.WriteLine($"error: cannot read {name}: {exception.Message}");
            }
            catch (System.UnauthorizedAccessException exception)
            {
                console.Error.WriteLine($"error: cannot read {name}: {exception.Message}");
            }
            return false;
        }
    }
}
