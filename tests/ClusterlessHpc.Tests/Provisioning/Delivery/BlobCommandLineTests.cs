using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>The blob start task's command line, run with bash: it runs the downloaded script only when its SHA-256 matches.</summary>
public sealed class BlobCommandLineTests
{
    private const string Script = "#!/bin/bash\necho ran > \"$AZ_BATCH_TASK_WORKING_DIR/ran\"\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_script_with_the_expected_sha256_runs()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, InlineScriptDelivery.ScriptFileName), Script);

        var (exitCode, stderr) = await RunAsync(folder.Path, Sha256(Script));

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("ran\n", File.ReadAllText(Path.Combine(folder.Path, "ran")));
    }

    [Fact]
    public async Task A_script_that_differs_from_its_sha256_is_not_run_and_the_start_task_fails_saying_why()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, InlineScriptDelivery.ScriptFileName), Script + "echo changed\n");

        var (exitCode, stderr) = await RunAsync(folder.Path, Sha256(Script));

        Assert.Equal(1, exitCode);
        Assert.Contains($"clusterlesshpc-startup.sh does not have SHA-256 {Sha256(Script)}", stderr);
        Assert.False(File.Exists(Path.Combine(folder.Path, "ran")));
    }

    [Fact]
    public async Task A_missing_script_fails_the_start_task()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, _) = await RunAsync(folder.Path, Sha256(Script));

        Assert.NotEqual(0, exitCode);
        Assert.False(File.Exists(Path.Combine(folder.Path, "ran")));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<(int ExitCode, string Stderr)> RunAsync(string workingDirectory, string sha256)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(InlineDeliveryTests.ShellCommand(BlobDelivery.CommandLine));
        start.Environment["AZ_BATCH_TASK_WORKING_DIR"] = workingDirectory;
        start.Environment[BlobDelivery.HashVariable] = sha256;
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, stderr);
    }
}
