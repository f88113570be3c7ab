using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Tests;

/// <summary><c>chpc emulator</c>: its options, and the built tool serving Batch requests until interrupted.</summary>
public class EmulatorCommandTests
{
    private static string ToolDll => Path.Combine(RepositoryRoot.Path, "runtime", "ClusterlessHpc.Cli", "bin", BuildConfiguration.Name, "net10.0", "ClusterlessHpc.Cli.dll");

    [Theory]
    [InlineData("--port", "many")]
    [InlineData("--account", "mine")]
    [InlineData("--time-scale", "0")]
    [InlineData("--key", "not base64 s3cret")]
    public void Bad_options_are_usage_errors_that_never_show_a_key(params string[] options)
    {
        var (exit, _, stderr) = CliRun.Run(null, ["emulator", .. options]);

        Assert.Equal(3, exit);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_tool_serves_the_Batch_api_on_its_port_until_interrupted()
    {
        Assert.True(File.Exists(ToolDll), ToolDll + " was not built");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { ToolDll, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-level", "None" })
        {
            start.ArgumentList.Add(argument);
        }
        using var tool = Process.Start(start)!;
        try
        {
            var banner = await tool.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            var client = new BatchClient(new Uri($"http://127.0.0.1:{port}/"),
                new Azure.AzureNamedKeyCredential(BatchEmulatorOptions.DevelopmentAccountName, BatchEmulatorOptions.DevelopmentAccountKey));
            var exists = await client.PoolExistsAsync("none", cancellationToken: TestContext.Current.CancellationToken);

            ProcessRunner.Run("kill", ["-INT", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await tool.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"Batch emulator listening on http://127.0.0.1:{port}/ (account devbatch, simulate start tasks). Press Ctrl+C to stop.", banner);
            Assert.False(exists.Value);
            Assert.Equal(0, tool.ExitCode);
        }
        finally
        {
            if (!tool.HasExited) tool.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
