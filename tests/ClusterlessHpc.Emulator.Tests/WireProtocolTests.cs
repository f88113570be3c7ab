using System.Net;
using System.Text.Json;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>What every response carries: request ids, the api-version check and the exact Batch error body.</summary>
    public sealed class WireProtocolTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public WireProtocolTests(EmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task A_request_without_api_version_gets_MissingRequiredQueryParameter_in_the_Batch_error_body()
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools", Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            using var body = JsonDocument.Parse(text);
            var root = body.RootElement;
            var requestId = response.Headers.GetValues("request-id").Single();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/json;odata=minimalmetadata", response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Equal("MissingRequiredQueryParameter", root.GetProperty("code").GetString());
            Assert.Equal("en-US", root.GetProperty("message").GetProperty("lang").GetString());
            var message = root.GetProperty("message").GetProperty("value").GetString()!;
            Assert.StartsWith("A query parameter that's mandatory for this request is not specified.\nRequestId:" + requestId + "\nTime:", message, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(message[(message.LastIndexOf("Time:", StringComparison.Ordinal) + 5)..], out _));
            var detail = root.GetProperty("values").EnumerateArray().Single();
            Assert.Equal("QueryParameterName", detail.GetProperty("key").GetString());
            Assert.Equal("api-version", detail.GetProperty("value").GetString());
            Assert.EndsWith("$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",
                root.GetProperty("odata.metadata").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_unsupported_api_version_gets_InvalidQueryParameterValue()
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2019-01-01.8.0", Cancel);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidQueryParameterValue", body.RootElement.GetProperty("code").GetString());
        }

        [Fact]
        public async Task Errors_without_details_have_no_values()
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(
                http, _fixture.Emulator, HttpMethod.Get, $"pools/{TestPools.UniqueId("nothere")}?api-version=2024-07-01.20.0", Cancel);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("PoolNotFound", body.RootElement.GetProperty("code").GetString());
            Assert.False(body.RootElement.TryGetProperty("values", out _));
        }

        [Fact]
        public async Task The_client_request_id_is_echoed_to_the_BatchClient()
        {
            var response = await _fixture.Client.CreatePoolAsync(TestPools.Create(TestPools.UniqueId("crid")), Cancel);

            Assert.True(response.Headers.TryGetValue("client-request-id", out var echoed));
            Assert.Equal(response.ClientRequestId, echoed);
        }

        [Fact]
        public async Task The_client_request_id_is_echoed_only_when_return_client_request_id_is_true()
        {
            using var http = new HttpClient();
            var id = Guid.NewGuid().ToString();

            using var asked = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2024-07-01.20.0", Cancel,
                configure: r =>
                {
                    r.Headers.TryAddWithoutValidation("client-request-id", id);
                    r.Headers.TryAddWithoutValidation("return-client-request-id", "true");
                });
            using var notAsked = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2024-07-01.20.0", Cancel,
                configure: r => r.Headers.TryAddWithoutValidation("client-request-id", id));

            Assert.Equal(id, asked.Headers.GetValues("client-request-id").Single());
            Assert.False(notAsked.Headers.Contains("client-request-id"));
            Assert.True(notAsked.Headers.Contains("request-id"));
        }

        [Fact]
        public async Task Every_response_has_a_new_request_id()
        {
            using var http = new HttpClient();

            using var first = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2024-07-01.20.0", Cancel);
            using var second = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools", Cancel);
            var ids = new[] { first, second }.Select(r => r.Headers.GetValues("request-id").Single()).ToList();

            Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
            Assert.NotEqual(ids[0], ids[1]);
        }

        [Theory]
        [InlineData("GET", "jobschedules")]
        [InlineData("POST", "pools/p/nodes/n/users")]
        [InlineData("PUT", "pools/somepool")]
        public async Task An_operation_the_emulator_does_not_have_gets_InvalidUri(string method, string path)
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(
                http, _fixture.Emulator, new HttpMethod(method), path + "?api-version=2024-07-01.20.0", Cancel);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidUri", body.RootElement.GetProperty("code").GetString());
        }

        [Fact]
        public async Task An_emulator_on_a_custom_account_verifies_against_that_account()
        {
            await using var custom = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                AccountName = "custom",
                AccountKey = Convert.ToBase64String(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }),
            }, Cancel);
            var client = custom.CreateClient();

            var response = await client.CreatePoolAsync(TestPools.Create(TestPools.UniqueId("custom")), Cancel);

            Assert.Equal("custom", custom.AccountName);
            Assert.Equal(201, response.Status);
            Assert.NotEqual(_fixture.Emulator.Endpoint.Port, custom.Endpoint.Port);
        }
    }
}
