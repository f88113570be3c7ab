using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Only requests whose Host names the loopback address are served: a web page that rebinds its own name to 127.0.0.1
    /// (DNS rebinding) sends its own name, and gets 400 before authentication, before any route, and so before any start task.
    /// </summary>
    public sealed class LoopbackHostTests : IClassFixture<EmulatorFixture>
    {
        private const string Pools = "pools?api-version=2024-07-01.20.0";

        private readonly EmulatorFixture _fixture;

        public LoopbackHostTests(EmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Theory]
        [InlineData("127.0.0.1")]
        [InlineData("localhost")]
        [InlineData("LocalHost")]
        [InlineData("[::1]")]
        public async Task The_loopback_names_with_the_port_are_served(string name)
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, Pools, Cancel,
                configure: request => request.Headers.Host = $"{name}:{_fixture.Emulator.Endpoint.Port}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Theory]
        [InlineData("attacker.example")]
        [InlineData("127.0.0.1.attacker.example")]
        [InlineData("localhost.attacker.example")]
        [InlineData("10.0.0.5")]
        public async Task Another_host_name_gets_400_even_signed_with_the_published_key(string name)
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, Pools, Cancel,
                configure: request => request.Headers.Host = $"{name}:{_fixture.Emulator.Endpoint.Port}");

            var (_, key) = _fixture.Emulator.Credential;
            Assert.Equal(BatchEmulatorOptions.DevelopmentAccountKey, key);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("odata.metadata", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("GET", "/pools?api-version=2024-07-01.20.0", "attacker.example:{port}", 400)]
        [InlineData("GET", "/pools?api-version=2024-07-01.20.0", "attacker.example", 400)]
        // The metrics feed needs no authentication; it still needs a loopback Host.
        [InlineData("PUT", "/_emulator/pools/any/autoscale-metrics", "attacker.example:{port}", 400)]
        // HTTP/1.0 allows a request without Host; no Batch client or browser sends one.
        [InlineData("GET", "/pools?api-version=2024-07-01.20.0", null, 400)]
        // The control: the same unsigned request with a loopback Host gets as far as authentication.
        [InlineData("GET", "/pools?api-version=2024-07-01.20.0", "127.0.0.1:{port}", 403)]
        public async Task Raw_requests_over_a_socket_are_filtered_before_authentication(string method, string path, string? host, int expected)
        {
            var port = _fixture.Emulator.Endpoint.Port;
            var request = new StringBuilder($"{method} {path} HTTP/1.{(host is null ? 0 : 1)}\r\n");
            if (host is not null) request.Append("Host: ").Append(host.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append("\r\n");
            request.Append(method == "PUT" ? "Content-Type: application/json\r\nContent-Length: 2\r\n" : "").Append("Connection: close\r\n\r\n");
            if (method == "PUT") request.Append("{}");

            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port, Cancel);
            await using var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), Cancel);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var statusLine = await reader.ReadLineAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);

            Assert.Matches($@"^HTTP/1\.[01] {expected} ", statusLine);
        }

        [Fact]
        public async Task A_pool_sent_with_another_host_name_is_not_created_and_its_start_task_never_runs()
        {
            using var nodes = QuickEmulators.Folder();
            var options = QuickEmulators.Executing(nodes.Path);
            options.AccountName = BatchEmulatorOptions.DevelopmentAccountName;
            options.AccountKey = BatchEmulatorOptions.DevelopmentAccountKey;
            options.AllowDevelopmentKey = true;
            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);
            using var http = new HttpClient();
            var client = emulator.CreateClient();

            async Task<HttpStatusCode> CreateAsync(string poolId, string host)
            {
                using var content = new StringContent($$$"""
                    {"id": "{{{poolId}}}", "vmSize": "standard_d2s_v3",
                     "virtualMachineConfiguration": {"imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
                                                     "nodeAgentSKUId": "batch.node.ubuntu 24.04"},
                     "targetDedicatedNodes": 1,
                     "startTask": {"commandLine": "/bin/bash -c 'touch $AZ_BATCH_NODE_SHARED_DIR/ran'"}}
                    """, Encoding.UTF8, "application/json");
                using var response = await SignedRequests.SendAsync(http, emulator, HttpMethod.Post, Pools, Cancel, content,
                    request => request.Headers.Host = $"{host}:{emulator.Endpoint.Port}");
                return response.StatusCode;
            }

            var rebound = await CreateAsync("rebound", "attacker.example");
            var control = await CreateAsync("control", "127.0.0.1");
            var controlNode = (await TestPools.WaitForNodesAsync(client, "control", n => n.State == ClusterlessHpc.Batch.Models.BatchNodeState.Idle, Cancel)).Single();

            Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Created), (rebound, control));
            Assert.True(File.Exists(Path.Combine(nodes.Path, "control", controlNode.Id!, "shared", "ran")), "the control's start task did not run");
            Assert.False((await client.PoolExistsAsync("rebound", cancellationToken: Cancel)).Value);
            Assert.False(Directory.Exists(Path.Combine(nodes.Path, "rebound")));
        }
    }
}
