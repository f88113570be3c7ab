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

/// <summary>
/// A chpc invocation with its own environment (HOME, configuration variables), folder and terminal flag, so parallel
/// tests never share the process's.
/// </summary>
internal sealed record CliEnvironment
{
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public string WorkingDirectory { get; init; } = Path.GetTempPath();

    public bool IsTerminal { get; init; }

    public string? Stdin { get; init; }

    /// <summary>The HTTP transport of chpc's Batch and sign-in requests (null: Azure.Core's).</summary>
    public Azure.Core.Pipeline.HttpPipelineTransport? Transport { get; init; }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args) => Start(cancellationToken, args).Completion;

    /// <summary>Starts chpc; its standard output can be read while it runs (for the emulator, which runs until cancelled).</summary>
    public RunningCli Start(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var synchronizedOutput = TextWriter.Synchronized(output);
        var console = new CliConsole(new StringReader(Stdin ?? ""), synchronizedOutput, TextWriter.Synchronized(error))
        {
            IsTerminal = IsTerminal,
            WorkingDirectory = WorkingDirectory,
            Environment = Variables,
            Transport = Transport,
        };
        var completion = Task.Run(async () =>
        {
            var exit = await Chpc.RunAsync(args, console, cancellationToken: cancellationToken);
            return new CliResult(exit, output.ToString(), error.ToString());
        });
        return new RunningCli(completion, () =>
        {
            lock (synchronizedOutput) return output.ToString();
        });
    }
}

internal sealed record RunningCli(Task<CliResult> Completion, Func<string> CurrentStdout)
{
    /// <summary>Waits until standard output contains <paramref name="text"/>; fails with what was printed if the command ends first.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (CurrentStdout().Contains(text, StringComparison.Ordinal)) return;
            if (Completion.IsCompleted) throw new InvalidOperationException($"chpc ended before printing '{text}': {await Completion}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"chpc did not print '{text}' within 30 s: {CurrentStdout()}");
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public System.Text.Json.JsonElement Json()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>A folder of input files for one test, deleted after it.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chpc-cli-tests-").FullName;

    public string Folder => _folder;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // An emulator stopping a moment ago may still be writing its state file; the folder is in the temporary directory.
        }
    }
}
