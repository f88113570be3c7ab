using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Azure;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// The Content-Length line a bodiless request signs, against the bytes that reach a socket on loopback: HttpClient
/// sends no length on a DELETE or GET and "Content-Length: 0" on a POST, and all three sign an empty line, as the Azure
/// SDK's Batch client does (a DELETE signed "0" is refused with 403).
/// </summary>
public class ContentLengthWireTests
{
    private const string Account = "myaccount";
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)(i * 3)).ToArray());

    public static TheoryData<string, string> Calls => new()
    {
        { "DELETE", "/pools/p1" },
        { "POST", "/pools/p1/disableautoscale" },
        { "GET", "/pools/p1" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_bodiless_request_signs_an_empty_length_whatever_HttpClient_sends(string verb, string path)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = AnswerOnceAsync(listener, verb == "GET" ? "200 OK" : verb == "DELETE" ? "202 Accepted" : "200 OK",
            verb == "GET" ? "{\"id\":\"p1\"}" : "");
        var options = new BatchClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new BatchClient(new Uri($"http://127.0.0.1:{port}/"), new AzureNamedKeyCredential(Account, Key), options);

        await (verb switch
        {
            "DELETE" => (Task)client.DeletePoolAsync("p1"),
            "POST" => client.DisablePoolAutoScaleAsync("p1"),
            _ => client.GetPoolAsync("p1"),
        });

        var headers = await received;
        Assert.StartsWith($"{verb} {path}?api-version=", headers[""]);
        Assert.Equal(verb == "POST" ? "0" : null, headers.GetValueOrDefault("content-length"));
        var stringToSign = verb + "\n\n\n" + "\n\n" + string.Concat(Enumerable.Repeat("\n", 7)) +
                           "ocp-date:" + headers["ocp-date"] + "\n/" + Account + path + "\napi-version:2024-07-01.20.0";
        using var hmac = new HMACSHA256(Convert.FromBase64String(Key));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal($"SharedKey {Account}:{signature}", headers["authorization"]);
    }

    /// <summary>Reads one request's head as sent (the request line under the empty name), then answers it.</summary>
    private static async Task<Dictionary<string, string>> AnswerOnceAsync(TcpListener listener, string status, string body)
    {
        using var socket = await listener.AcceptTcpClientAsync();
        var stream = socket.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0) break;
            head.Append((char)buffer[0]);
        }
        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string> { [""] = lines[0] };
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var payload = Encoding.UTF8.GetBytes(body);
        var answer = $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer).Concat(payload).ToArray());
        return headers;
    }
}
