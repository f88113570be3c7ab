using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// The signer is checked against strings to sign written out by hand from the documented format (verb, eleven
/// standard header lines, ocp- headers, canonical resource), not against our own emulator, which shares its code.
/// </summary>
public class SharedKeySigningTests
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
