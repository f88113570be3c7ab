using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>
    /// A signed request with its path exactly as given (HttpClient would remove <c>..</c> segments before sending),
    /// over a socket on loopback; the answer's status, headers and body.
    /// </summary>
    internal static class RawRequests
    {
        public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

        public static async Task<Answer> SendAsync(BatchEmulator emulator, string method, string rawPath, CancellationToken cancellationToken)
        {
            const string query = "api-version=2024-07-01.20.0";
            var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            var (account, key) = emulator.Credential;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ocp-date"] = date };
            var stringToSign = BatchSharedKeySignature.BuildStringToSign(method, name => headers.GetValueOrDefault(name), headers.Keys, account, rawPath,
                [new KeyValuePair<string, string>("api-version", "2024-07-01.20.0")]);
            var request = $"{method} {rawPath}?{query} HTTP/1.1\r\nHost: 127.0.0.1:{emulator.Endpoint.Port}\r\nocp-date: {date}\r\n" +
                          $"Authorization: SharedKey {account}:{BatchSharedKeySignature.Sign(key, stringToSign)}\r\nConnection: close\r\n\r\n";

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", emulator.Endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
            using var received = new MemoryStream();
            await stream.CopyToAsync(received, timeout.Token);
            var text = Encoding.UTF8.GetString(received.ToArray());

            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var lines = text[..split].Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var answerHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines[1..])
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                answerHeaders[line[..colon]] = line[(colon + 1)..].Trim();
            }
            return new Answer(status, answerHeaders, text[(split + 4)..]);
        }
    }
}
