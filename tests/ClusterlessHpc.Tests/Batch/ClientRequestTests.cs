using System.Diagnostics;
using System.Net;
using Azure;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// What the client puts on the wire for each kind of call (paths, query options, conditional and Batch headers), how it
/// reads failures, and the diagnostic scope each call opens, seen through a transport that records requests.
/// </summary>
public class ClientRequestTests
{
    private static readonly Uri Endpoint = new("https://myaccount.westeurope.batch.azure.com");

    [Fact]
    public async Task Get_pool_sends_select_expand_and_the_api_version_and_ids_are_escaped()
    {
        var (client, handler) = Client("{\"id\":\"p 1\"}");

        await client.GetPoolAsync("p 1", select: ["id", "state"], expand: ["stats"]);

        var request = handler.Requests.Single();
        Assert.Equal("/pools/p%201", request.Uri.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(request.Uri.Query);
        Assert.Equal("id,state", query["$select"]);
        Assert.Equal("stats", query["$expand"]);
        Assert.Equal("2024-07-01.20.0", query["api-version"]);
    }

    [Fact]
    public async Task Service_version_2025_06_01_goes_on_the_wire_without_a_suffix_and_is_signed_so()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, ["{\"id\":\"p\"}"]);
        var options = new BatchClientOptions(BatchClientOptions.ServiceVersion.V2025_06_01) { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        var client = new BatchClient(Endpoint, new AzureNamedKeyCredential("myaccount", Convert.ToBase64String(new byte[32])), options);

        await client.GetPoolAsync("p", CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Equal("2025-06-01", System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["api-version"]);
        var stringToSign = BatchSharedKeySignature.BuildStringToSign("GET", name => request.Headers.TryGetValue(name, out var v) ? v : null,
            request.Headers.Keys, "myaccount", request.Uri.AbsolutePath, [new("api-version", "2025-06-01")]);
        Assert.Equal("SharedKey myaccount:" + BatchSharedKeySignature.Sign(Convert.ToBase64String(new byte[32]), stringToSign), request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Every_call_carries_a_client_request_id_asks_for_it_back_and_dates_itself()
    {
        var (client, handler) = Client("{}");

        await client.GetPoolAsync("p", CancellationToken.None);

        var headers = handler.Requests.Single().Headers;
        Assert.True(Guid.TryParse(headers["client-request-id"], out _));
        Assert.Equal("true", headers["return-client-request-id"]);
        Assert.True(DateTimeOffset.TryParseExact(headers["ocp-date"], "r", null, System.Globalization.DateTimeStyles.AssumeUniversal, out var date));
        Assert.True((DateTimeOffset.UtcNow - date).Duration() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Conditions_travel_as_the_four_conditional_headers_with_raw_etags_and_rfc1123_dates()
    {
        var (client, handler) = Client("", HttpStatusCode.Accepted);
        var since = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        await client.DeletePoolAsync("p", new RequestConditions { IfMatch = new ETag("0x8D4") });
        await client.ResizePoolAsync("p", new BatchPoolResizeOptions { TargetDedicatedNodes = 1 }, new RequestConditions { IfUnmodifiedSince = since });

        Assert.Equal("0x8D4", handler.Requests[0].Headers["If-Match"]);
        Assert.Equal("Sat, 01 Mar 2025 12:00:00 GMT", handler.Requests[1].Headers["If-Unmodified-Since"]);
    }

    [Fact]
    public async Task A_node_file_read_escapes_each_segment_and_sends_a_range_as_ocp_range()
    {
        var (client, handler) = Client("abc");

        var content = await client.GetNodeFileAsync("p", "n", "startup/std out.txt", new HttpRange(2, 5));

        var request = handler.Requests.Single();
        Assert.Equal("/pools/p/nodes/n/files/startup/std%20out.txt", request.Uri.AbsolutePath);
        Assert.Equal("bytes=2-6", request.Headers["ocp-range"]);
        Assert.Equal("abc", content.Value.ToString());
    }

    [Fact]
    public async Task Bodies_are_json_with_the_batch_content_type_and_options_omit_what_is_not_set()
    {
        var (client, handler) = Client("", HttpStatusCode.Accepted);

        await client.RemoveNodesAsync("p", new BatchNodeRemoveOptions { NodeList = ["n1"], NodeDeallocationOption = BatchNodeDeallocationOption.TaskCompletion });
        await client.RebootNodeAsync("p", "n1");

        Assert.Equal("application/json; odata=minimalmetadata", handler.Requests[0].Headers["Content-Type"]);
        Assert.Equal("{\"nodeList\":[\"n1\"],\"nodeDeallocationOption\":\"taskcompletion\"}", handler.Requests[0].Body);
        Assert.Equal("", handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_list_sends_filter_and_maxresults_then_follows_the_next_link_as_it_is()
    {
        const string next = "https://myaccount.westeurope.batch.azure.com/pools?api-version=2024-07-01.20.0&$skiptoken=abc";
        var (client, handler) = Client(
            "{\"value\":[{\"id\":\"a\"}],\"odata.nextLink\":\"" + next + "\"}",
            "{\"value\":[{\"id\":\"b\"}]}");

        var ids = new List<string>();
        await foreach (var pool in client.GetPoolsAsync(filter: "state eq 'active'", maxResults: 1)) ids.Add(pool.Id!);

        Assert.Equal(["a", "b"], ids);
        var first = System.Web.HttpUtility.ParseQueryString(handler.Requests[0].Uri.Query);
        Assert.Equal(("state eq 'active'", "1"), (first["$filter"], first["maxresults"]));
        Assert.Equal(new Uri(next), handler.Requests[1].Uri);
    }

    [Fact]
    public async Task A_failure_carries_the_batch_code_message_and_values()
    {
        const string body = """
            {"odata.metadata":"x","code":"InvalidPropertyValue","message":{"lang":"en-US","value":"The value provided is invalid."},
             "values":[{"key":"PropertyName","value":"vmSize"},{"key":"Reason","value":"empty"}]}
            """;
        var (client, _) = Client(body, HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreatePoolAsync(new BatchPoolCreateOptions { Id = "p" }));

        Assert.Equal((400, "InvalidPropertyValue"), (error.Status, error.ErrorCode));
        Assert.Equal("vmSize", error.Data["PropertyName"]);
        Assert.Equal("empty", error.Data["Reason"]);
        Assert.Contains("The value provided is invalid.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pool_exists_reads_200_as_true_and_404_as_false()
    {
        var (found, _) = Client("", HttpStatusCode.OK);
        var (missing, _) = Client("", HttpStatusCode.NotFound);

        Assert.True((await found.PoolExistsAsync("p")).Value);
        Assert.False((await missing.PoolExistsAsync("p")).Value);
    }

    [Fact]
    public async Task Each_call_is_an_activity_named_for_the_client_method_and_a_failure_marks_it_with_the_batch_code()
    {
        var activities = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = ListenToClientActivities(activities);
        var (client, _) = Client("{\"code\":\"PoolNotFound\",\"message\":{\"value\":\"no\"}}", HttpStatusCode.NotFound);
        var (quiet, _) = Client("{}", HttpStatusCode.OK, tracing: false);
        // Other tests' clients share the listener: only this test's calls are children of this activity.
        using var parent = new Activity("test").Start();

        await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("p", CancellationToken.None));
        await quiet.GetPoolAsync("p", CancellationToken.None);

        var activity = Assert.Single(activities, a => a.ParentId == parent.Id);
        Assert.Equal("BatchClient.GetPool", activity.OperationName);
        Assert.Equal("Microsoft.Batch", activity.GetTagItem("az.namespace"));
        Assert.Equal("PoolNotFound", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task A_response_that_does_not_parse_marks_the_calls_activity_failed()
    {
        var activities = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = ListenToClientActivities(activities);
        var (client, _) = Client("{\"id\": ");
        using var parent = new Activity("test").Start();

        await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("p", CancellationToken.None));
        await Assert.ThrowsAsync<RequestFailedException>(async () =>
        {
            await foreach (var _ in client.GetPoolsAsync(cancellationToken: CancellationToken.None)) { }
        });

        var mine = activities.Where(a => a.ParentId == parent.Id).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, activity =>
        {
            Assert.Equal(ActivityStatusCode.Error, activity.Status);
            Assert.Equal(typeof(RequestFailedException).FullName, activity.GetTagItem("error.type"));
            Assert.Contains("does not parse", activity.StatusDescription, StringComparison.Ordinal);
        });
        Assert.Contains(mine, a => a.OperationName == "BatchClient.GetPool");
        Assert.Contains(mine, a => a.OperationName == "BatchClient.GetPools");
    }

    [Fact]
    public void The_client_can_be_mocked_and_validates_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new BatchClient(null!, new AzureNamedKeyCredential("a", "a2V5")));
        Assert.Throws<ArgumentException>(() => new BatchClient(new Uri("/relative", UriKind.Relative), new AzureNamedKeyCredential("a", "a2V5")));
        Assert.NotNull(new MockClient());
    }

    private sealed class MockClient : BatchClient;

    internal static (BatchClient Client, RecordingHandler Handler) Client(string body, HttpStatusCode status = HttpStatusCode.OK, bool tracing = true)
    {
        var handler = new RecordingHandler(status, [body]);
        return (Build(handler, tracing), handler);
    }

    internal static (BatchClient Client, RecordingHandler Handler) Client(params string[] bodies)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, bodies);
        return (Build(handler, tracing: true), handler);
    }

    private static BatchClient Build(RecordingHandler handler, bool tracing)
    {
        var options = new BatchClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        options.Diagnostics.IsDistributedTracingEnabled = tracing;
        return new BatchClient(Endpoint, new AzureNamedKeyCredential("myaccount", Convert.ToBase64String(new byte[32])), options);
    }

    internal sealed record RecordedRequest(Uri Uri, Dictionary<string, string> Headers, string Body);

    internal sealed class RecordingHandler(HttpStatusCode status, string[] bodies) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.RequestUri!, headers, body));
            return new HttpResponseMessage(status) { Content = new StringContent(bodies[Math.Min(Requests.Count - 1, bodies.Length - 1)]) };
        }
    }

    /// <summary>Collects the client's stopped activities until disposed.</summary>
    internal static ActivityListener ListenToClientActivities(System.Collections.Concurrent.ConcurrentBag<Activity> activities)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ClusterlessHpc.Batch.BatchClient",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
