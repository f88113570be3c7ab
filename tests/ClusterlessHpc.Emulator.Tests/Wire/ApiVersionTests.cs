using System.Net;
using System.Text.Json;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// The api-versions Microsoft's clients send are accepted and answered in the 2024-07-01.20.0 shapes; any other
    /// value is refused as the service refuses an unknown one: 400 InvalidQueryParameterValue naming api-version.
    /// </summary>
    public sealed class ApiVersionTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public ApiVersionTests(EmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Theory]
        [InlineData("2022-01-01.15.0")]
        [InlineData("2022-10-01.16.0")] // @azure/batch 10.x's default
        [InlineData("2023-05-01.17.0")]
        [InlineData("2023-11-01.18.0")]
        [InlineData("2024-02-01.19.0")]
        [InlineData("2024-07-01.20.0")]
        [InlineData("2025-06-01")] // Azure.Compute.Batch and @azure-rest/batch send it without a suffix
        public async Task Each_version_the_clients_send_is_answered(string version)
        {
            var id = TestPools.UniqueId("ver");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, $"pools/{id}?api-version={version}", Cancel);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
            // The 2024-07-01.20.0 shape: the node counts by their post-2017 names.
            Assert.Equal(0, body.RootElement.GetProperty("targetDedicatedNodes").GetInt32());
        }

        [Theory]
        [InlineData("2025-06-01.21.0")] // the spec file's name; not what goes on the wire
        [InlineData("2021-06-01.14.0")]
        [InlineData("2020-09-01.12.0")]
        [InlineData("2017-05-01.5.0")]
        [InlineData("2024-07-01")]
        [InlineData("latest")]
        public async Task Any_other_version_gets_InvalidQueryParameterValue_naming_api_version(string version)
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, $"pools?api-version={version}", Cancel);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
            var root = body.RootElement;
            var values = root.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("key").GetString(), v.GetProperty("value").GetString())).ToList();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidQueryParameterValue", root.GetProperty("code").GetString());
            Assert.StartsWith("Value for one of the query parameters specified in the request URI is invalid.\nRequestId:",
                root.GetProperty("message").GetProperty("value").GetString(), StringComparison.Ordinal);
            Assert.Equal(("QueryParameterName", "api-version"), values[0]);
            Assert.Equal(("QueryParameterValue", version), values[1]);
            Assert.Equal("Reason", values[2].Item1);
            Assert.Contains("2025-06-01", values[2].Item2, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_client_on_2025_06_01_provisions_and_reads_through_the_emulator()
        {
            var client = _fixture.Emulator.CreateClient(new BatchClientOptions(BatchClientOptions.ServiceVersion.V2025_06_01));
            var id = TestPools.UniqueId("v2025");

            await client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);
            var pool = (await client.GetPoolAsync(id, Cancel)).Value;
            var images = new List<ClusterlessHpc.Batch.Models.BatchSupportedImage>();
            await foreach (var image in client.GetSupportedImagesAsync(cancellationToken: Cancel)) images.Add(image);

            Assert.Equal(1, pool.TargetDedicatedNodes);
            Assert.NotEmpty(images);
        }
    }
}
