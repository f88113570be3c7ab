using System.Diagnostics;

namespace ClusterlessHpc.Tests;

/// <summary>Runs a program to completion and captures what it printed.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(
        string fileName, IEnumerable<string> arguments, string? stdin = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 60 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
