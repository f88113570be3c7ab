using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// How the client authenticates, seen on the request it sends. The Shared Key signer is checked against strings to sign written out by hand from the documented format (verb, eleven
/// standard header lines, ocp- headers, canonical resource), not against our own emulator, which shares its code.
/// </summary>
public class ClientAuthenticationTests
{
    private const string Account = "myaccount";
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task A_create_pool_request_signs_verb_length_content_type_ocp_date_and_resource()
    {
        var captured = await SendThroughClient(client => client.CreatePoolAsync(new BatchPoolCreateOptions { Id = "p1", VmSize = "standard_d2s_v3" }));

        var date = captured.Headers.GetValues("ocp-date").Single();
        var length = captured.Body.Length;
        var expected =
            "POST\n" + "\n" + "\n" + length + "\n" + "\n" + "application/json; odata=minimalmetadata\n" +
            "\n" + "\n" + "\n" + "\n" + "\n" + "\n" +
            "ocp-date:" + date + "\n" +
            "/myaccount/pools\napi-version:2024-07-01.20.0";
        Assert.Equal($"SharedKey {Account}:{HandSign(expected)}", captured.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public async Task A_get_request_signs_an_empty_length_and_the_escaped_path()
    {
        var captured = await SendThroughClient(client => client.GetPoolAsync("pool_1"), status: HttpStatusCode.OK, body: "{\"id\":\"pool_1\"}");

        var date = captured.Headers.GetValues("ocp-date").Single();
        var expected = "GET\n" + string.Concat(Enumerable.Repeat("\n", 11)) + "ocp-date:" + date + "\n/myaccount/pools/pool_1\napi-version:2024-07-01.20.0";
        Assert.Equal($"SharedKey {Account}:{HandSign(expected)}", captured.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Query_parameters_are_lowercased_sorted_and_dollar_options_come_first()
    {
        var sts = BatchSharedKeySignature.BuildStringToSign(
            "GET", _ => null, [], "acct", "/pools",
            [new("api-version", "2024-07-01.20.0"), new("$select", "id,state"), new("MaxResults", "10")]);

        Assert.Equal("GET\n" + string.Concat(Enumerable.Repeat("\n", 11)) + "/acct/pools\n$select:id,state\napi-version:2024-07-01.20.0\nmaxresults:10", sts);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_reported_without_showing_it()
    {
        var error = Assert.Throws<FormatException>(() => BatchSharedKeySignature.Sign("not base64 secret!", "x"));
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task A_token_credential_is_asked_for_the_batch_scope_and_sent_as_a_bearer_token()
    {
        var credential = new RecordingTokenCredential();
        var handler = new CapturingHandler(HttpStatusCode.OK, "{\"id\":\"p\"}");
        var options = new BatchClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var client = new BatchClient(new Uri("https://myaccount.westeurope.batch.azure.com"), credential, options);

        await client.GetPoolAsync("p");

        Assert.Equal(["https://batch.core.windows.net//.default"], credential.Scopes);
        Assert.Equal("Bearer token-for-test", handler.Captured!.Headers.GetValues("Authorization").Single());
    }

    private sealed class RecordingTokenCredential : Azure.Core.TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new Azure.Core.AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private static string HandSign(string stringToSign)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(Key));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static async Task<CapturedRequest> SendThroughClient(
        Func<BatchClient, Task> call, HttpStatusCode status = HttpStatusCode.Created, string body = "")
    {
        var handler = new CapturingHandler(status, body);
        var options = new BatchClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var client = new BatchClient(new Uri($"https://{Account}.westeurope.batch.azure.com"), new AzureNamedKeyCredential(Account, Key), options);
        await call(client);
        return handler.Captured!;
    }

    private sealed record CapturedRequest(System.Net.Http.Headers.HttpHeaders Headers, byte[] Body);

    private sealed class CapturingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public CapturedRequest? Captured { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = new HttpRequestMessage().Headers;
            foreach (var header in request.Headers) headers.TryAddWithoutValidation(header.Key, header.Value);
            Captured = new CapturedRequest(headers, content);
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }
}
