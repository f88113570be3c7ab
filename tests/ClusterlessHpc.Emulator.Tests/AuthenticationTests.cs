using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Shared Key verification: only requests signed with the account's key get through.</summary>
    public sealed class AuthenticationTests : IClassFixture<EmulatorFixture>
    {
        private const string OtherKey = "c29tZSBvdGhlciBrZXkgdGhhdCBpcyBub3QgdGhlIGVtdWxhdG9yJ3Mgb3duIGtleSBhdCBhbGwgISEhISE=";

        private readonly EmulatorFixture _fixture;

        public AuthenticationTests(EmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public void The_default_account_is_the_well_known_development_account()
        {
            var (name, key) = _fixture.Emulator.Credential;

            Assert.Equal("devbatch", _fixture.Emulator.AccountName);
            Assert.Equal("devbatch", name);
            Assert.Equal(BatchEmulatorOptions.DevelopmentAccountKey, key);
            Assert.Equal(64, Convert.FromBase64String(key).Length);
            Assert.Equal("127.0.0.1", _fixture.Emulator.Endpoint.Host);
            Assert.Equal("/", _fixture.Emulator.Endpoint.AbsolutePath);
        }

        [Fact]
        public async Task A_wrong_key_fails_with_AuthenticationFailed_and_the_body_reveals_no_key()
        {
            var client = new BatchClient(_fixture.Emulator.Endpoint, new AzureNamedKeyCredential("devbatch", OtherKey));

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("anything", Cancel));
            var body = error.GetRawResponse()!.Content.ToString();

            Assert.Equal(403, error.Status);
            Assert.Equal("AuthenticationFailed", error.ErrorCode);
            Assert.DoesNotContain(BatchEmulatorOptions.DevelopmentAccountKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain("SharedKey", body, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_wrong_account_name_fails_with_AuthenticationFailed()
        {
            var client = new BatchClient(_fixture.Emulator.Endpoint, new AzureNamedKeyCredential("otheraccount", BatchEmulatorOptions.DevelopmentAccountKey));

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreatePoolAsync(TestPools.Create(TestPools.UniqueId("acct")), Cancel));

            Assert.Equal(403, error.Status);
            Assert.Equal("AuthenticationFailed", error.ErrorCode);
        }

        [Fact]
        public async Task A_request_without_authorization_fails_with_AuthenticationFailed()
        {
            using var http = new HttpClient();

            using var response = await http.GetAsync(new Uri(_fixture.Emulator.Endpoint, "pools?api-version=2024-07-01.20.0"), Cancel);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("AuthenticationFailed", await CodeOf(response));
        }

        [Fact]
        public async Task A_bearer_token_is_refused()
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fixture.Emulator.Endpoint, "pools?api-version=2024-07-01.20.0"));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.signature");

            using var response = await http.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("AuthenticationFailed", await CodeOf(response));
        }

        [Fact]
        public async Task A_request_dated_an_hour_ago_is_refused_even_when_signed_correctly()
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2024-07-01.20.0", Cancel,
                configure: r =>
                {
                    r.Headers.Remove("ocp-date");
                    r.Headers.TryAddWithoutValidation("ocp-date", DateTimeOffset.UtcNow.AddHours(-1).ToString("r", CultureInfo.InvariantCulture));
                });

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("AuthenticationFailed", await CodeOf(response));
        }

        [Fact]
        public async Task A_correctly_signed_raw_request_is_accepted()
        {
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2024-07-01.20.0&maxresults=5", Cancel);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Theory]
        [InlineData("0", HttpStatusCode.Forbidden)]
        [InlineData("", HttpStatusCode.NotFound)]
        public async Task A_delete_without_a_length_must_sign_an_empty_length_as_the_service_does(string signedLength, HttpStatusCode expected)
        {
            // HttpClient sends no Content-Length for a DELETE without content; the signature must cover what was sent.
            using var request = BodilessRequest(HttpMethod.Delete, "/pools/nosuchpool", signedLength);
            using var http = new HttpClient();

            using var response = await http.SendAsync(request, Cancel);

            Assert.Null(request.Content);
            Assert.Equal(expected, response.StatusCode);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("")]
        public async Task A_bodiless_post_may_sign_its_zero_length_either_way(string signedLength)
        {
            // HttpClient sends "Content-Length: 0" on a POST without content; the Azure SDKs sign it as "0" or as an empty line.
            using var request = BodilessRequest(HttpMethod.Post, "/pools/nosuchpool/disableautoscale", signedLength);
            using var http = new HttpClient();

            using var response = await http.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("PoolNotFound", await CodeOf(response));
        }

        /// <summary>A request without content to <paramref name="path"/>, signed with <paramref name="signedLength"/> as its Content-Length line.</summary>
        private HttpRequestMessage BodilessRequest(HttpMethod method, string path, string signedLength)
        {
            var (account, key) = _fixture.Emulator.Credential;
            var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            var stringToSign = method.Method + "\n\n\n" + signedLength + "\n" + new string('\n', 8) + "ocp-date:" + date + "\n/" + account +
                               path + "\napi-version:2024-07-01.20.0";
            var request = new HttpRequestMessage(method, new Uri(_fixture.Emulator.Endpoint, path.TrimStart('/') + "?api-version=2024-07-01.20.0"));
            request.Headers.TryAddWithoutValidation("ocp-date", date);
            request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {account}:{BatchSharedKeySignature.Sign(key, stringToSign)}");
            return request;
        }

        private static async Task<string?> CodeOf(HttpResponseMessage response)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
            return body.RootElement.GetProperty("code").GetString();
        }
    }
}
