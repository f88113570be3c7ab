using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>A startup script that fails for real (the emulator's executed start tasks): the error carries the end of stderr.txt.</summary>
public sealed class StartTaskFailureTests : IAsyncLifetime
{
    private readonly string _nodes = Directory.CreateTempSubdirectory("chpc-failure-nodes-").FullName;
    private BatchEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
    {
        StartTaskMode = StartTaskMode.Execute,
        AllowDevelopmentKey = true,
        NodesDirectory = _nodes,
        SandboxUidBase = SandboxUids.NextBase(),
        NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
        NodeStartingDelay = TimeSpan.FromMilliseconds(20),
    });

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_nodes, recursive: true);
    }

    [Fact]
    public async Task The_error_names_node_and_exit_code_and_shows_the_last_lines_of_stderr()
    {
        var noisy = string.Join("\n", Enumerable.Range(1, 60).Select(i => $"echo 'line {i}' >&2")) + "\nexit 7";
        var definition = new PoolDefinition { Id = "fails-for-real", StartupSteps = [new StartupStepDefinition(noisy)] };
        var options = new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50), StderrTailLines = 50 };

        var error = await Assert.ThrowsAsync<StartTaskFailedException>(() => new PoolProvisioner(_emulator.CreateClient(), options).ApplyAsync(definition));

        Assert.Equal(7, error.ExitCode);
        Assert.Contains($"node '{error.NodeId}'", error.Message);
        var tail = error.StderrTail!.Split('\n');
        Assert.Equal(50, tail.Length);
        Assert.Equal("line 12", tail[0]);
        Assert.Equal("line 60", tail[^2]);
        // The script's last word names the step that failed.
        Assert.Equal("clusterlesshpc: startup step 1 failed (exit code 7)", tail[^1]);
        Assert.Contains("startup step 1 failed (exit code 7)", error.Message);
    }
}
