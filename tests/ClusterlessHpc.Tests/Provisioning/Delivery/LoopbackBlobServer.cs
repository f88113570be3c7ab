using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>
/// A loopback server that answers every GET with one blob as the storage service would (200, its whole length in
/// Content-Length, its metadata as <c>x-ms-meta-*</c> headers) and sends its first half; then, as asked, closes the connection
/// (a download that breaks off mid-stream, which no blob in Azurite can stand for), or holds the second half back until a
/// gate opens (a download still running when something else should already have begun), or sends the rest at once.
/// </summary>
internal sealed class LoopbackBlobServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _content;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly bool _breakOff;
    private readonly Func<Task>? _gate;
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _brokenOff;
    private int _gateOpened;

    /// <param name="content">The blob's bytes.</param>
    /// <param name="metadata">Its metadata, sent as <c>x-ms-meta-*</c> headers.</param>
    /// <param name="breakOff">Close the connection after the first half.</param>
    /// <param name="halfWayGate">
    /// Hold the second half back until the task it gives completes; one that fails (a timeout) releases it too, and
    /// <see cref="GateOpened"/> tells the two apart.
    /// </param>
    public LoopbackBlobServer(byte[] content, IReadOnlyDictionary<string, string> metadata, bool breakOff = false, Func<Task>? halfWayGate = null)
    {
        _content = content;
        _metadata = metadata;
        _breakOff = breakOff;
        _gate = halfWayGate;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>A URL of this server with the path and query of <paramref name="url"/> (a SAS URL the node would read).</summary>
    public string Instead(string url) =>
        new UriBuilder(url) { Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri.ToString();

    /// <summary>Completes when the first request's head has arrived.</summary>
    public Task Requested => _requested.Task;

    /// <summary>The responses broken off so far.</summary>
    public int BrokenOff => Volatile.Read(ref _brokenOff);

    /// <summary>Whether a held response's gate opened (rather than failing, as a timeout does).</summary>
    public bool GateOpened => Volatile.Read(ref _gateOpened) > 0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            await ReadRequestHeadAsync(stream);
            _requested.TrySetResult();
            var head = new StringBuilder("HTTP/1.1 200 OK\r\n")
                .Append("Content-Type: application/octet-stream\r\n")
                .Append("Content-Length: ").Append(_content.Length).Append("\r\n")
                .Append("x-ms-blob-type: BlockBlob\r\n");
            foreach (var (name, value) in _metadata) head.Append("x-ms-meta-").Append(name).Append(": ").Append(value).Append("\r\n");
            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            var half = _content.Length / 2;
            await stream.WriteAsync(_content.AsMemory(0, half), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            if (_breakOff)
            {
                Interlocked.Increment(ref _brokenOff);
                continue;
            }
            if (_gate is not null)
            {
                try
                {
                    await _gate();
                    Interlocked.Increment(ref _gateOpened);
                }
                catch (TimeoutException)
                {
                    // Released all the same, so that the node goes on and the test can say what it waited for.
                }
            }
            await stream.WriteAsync(_content.AsMemory(half), _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
    }

    private async Task ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, _stop.Token) == 1)
        {
            seen.Add(buffer[0]);
            if (seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n') return;
        }
    }
}
