using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>
/// A loopback server that answers every GET with one blob as the storage service would (200, its whole length in
/// Content-Length, its metadata as <c>x-ms-meta-*</c> headers), sends the first half of its bytes and closes the
/// connection: a download that breaks off mid-stream, which no blob in Azurite can stand for.
/// </summary>
internal sealed class BrokenOffBlobServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _content;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _brokenOff;

    public BrokenOffBlobServer(byte[] content, IReadOnlyDictionary<string, string> metadata)
    {
        _content = content;
        _metadata = metadata;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>A URL of this server with the path and query of <paramref name="url"/> (a SAS URL the node would read).</summary>
    public string Instead(string url) =>
        new UriBuilder(url) { Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri.ToString();

    /// <summary>The responses broken off so far.</summary>
    public int BrokenOff => Volatile.Read(ref _brokenOff);

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
            var head = new StringBuilder("HTTP/1.1 200 OK\r\n")
                .Append("Content-Type: application/octet-stream\r\n")
                .Append("Content-Length: ").Append(_content.Length).Append("\r\n")
                .Append("x-ms-blob-type: BlockBlob\r\n");
            foreach (var (name, value) in _metadata) head.Append("x-ms-meta-").Append(name).Append(": ").Append(value).Append("\r\n");
            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            await stream.WriteAsync(_content.AsMemory(0, _content.Length / 2), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            Interlocked.Increment(ref _brokenOff);
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
