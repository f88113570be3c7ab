using ClusterlessHpc.Cli;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>Runs chpc in-process through its parser, with captured standard streams.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = Chpc.Run(args, new CliConsole(new StringReader(stdin ?? ""), output, error));
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary>A folder of input files for one test, deleted after it.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chpc-cli-tests-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
