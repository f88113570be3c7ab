using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// The Julia download with the real curl, from a mirror on loopback that refuses or never answers: the script fails
/// saying which URL and why, within the step limit, and leaves no temporary folder behind.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DownloadFailureTests : IDisposable
{
    private readonly NodeSandbox _node = new(standInCurl: false);
    private readonly TcpListener _mirror = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public DownloadFailureTests() => _mirror.Start();

    public void Dispose()
    {
        _stop.Cancel();
        _mirror.Stop();
        _node.Dispose();
    }

    private PoolDefinition Pool => new()
    {
        Id = "mirrored",
        Julia = new JuliaDefinition("1.10.5") { Mirror = $"http://127.0.0.1:{((IPEndPoint)_mirror.LocalEndpoint).Port}/julia" },
    };

    private string Url => JuliaInstall.DownloadUrl(Pool, Pool.Julia!);

    private string[] DownloadFolders => Directory.GetDirectories(Path.Combine(_node.SharedDir, "clusterlesshpc"), "download.*");

    [Fact]
    public async Task A_release_the_mirror_does_not_have_fails_with_the_url_and_the_servers_answer_and_leaves_no_folder()
    {
        var serving = Serve(async stream => await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")));

        var run = _node.Run(StartupScriptRenderer.Render(Pool), TimeSpan.FromSeconds(30));

        Assert.Equal(22, run.ExitCode);
        Assert.Contains("The requested URL returned error: 404", run.Stderr);
        Assert.Contains($"clusterlesshpc: downloading {Url} failed (exit code 22)", run.Stderr);
        Assert.Empty(DownloadFolders);
        Assert.False(Directory.Exists(Path.Combine(_node.SharedDir, "clusterlesshpc", "julia-1.10.5")));
        _stop.Cancel();
        await serving.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_mirror_that_never_answers_is_given_up_at_the_step_limit_and_leaves_no_folder()
    {
        var serving = Serve(async stream => await Task.Delay(Timeout.Infinite, _stop.Token));

        var run = _node.Run(StepLimitTests.WithStepLimit(Pool, 3), TimeSpan.FromSeconds(30));

        Assert.Equal(124, run.ExitCode);
        Assert.Contains($"clusterlesshpc: downloading {Url} did not finish within 3 seconds and was stopped", run.Stderr);
        Assert.Empty(DownloadFolders);
        _stop.Cancel();
        await serving.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_download_folder_a_stopped_run_left_is_removed_by_the_next_run()
    {
        var serving = Serve(async stream => await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")));
        var left = Path.Combine(_node.SharedDir, "clusterlesshpc", "download.AbC123");
        Directory.CreateDirectory(left);
        File.WriteAllText(Path.Combine(left, "julia.tar.gz"), "half a release");

        _node.Run(StartupScriptRenderer.Render(Pool), TimeSpan.FromSeconds(30));

        Assert.Empty(DownloadFolders);
        _stop.Cancel();
        await serving.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    /// <summary>Accepts connections until the test ends, reads each request and hands the stream to <paramref name="answer"/>.</summary>
    private Task Serve(Func<NetworkStream, Task> answer) => Task.Run(async () =>
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _mirror.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0) break;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                await answer(stream);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The test is over.
        }
    });
}
