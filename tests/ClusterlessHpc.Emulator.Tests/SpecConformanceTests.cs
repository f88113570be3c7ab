using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// The emulator against the REST specification it follows (../shared/batch-api): it accepts every PoolAdd example
    /// as written, every response body validates against the operation's schema in the spec, and every response carries
    /// the headers the spec declares for it.
    /// </summary>
    public sealed class SpecConformanceTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;
        private readonly HttpClient _http = new();

        public SpecConformanceTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        public static TheoryData<string> PoolAddExamples() => new(BatchApiSpec.ExampleNames("PoolAdd_"));

        [Theory]
        [MemberData(nameof(PoolAddExamples))]
        public async Task Every_PoolAdd_example_is_accepted_as_written_and_gets_back_a_pool_valid_against_the_spec(string example)
        {
            var body = BatchApiSpec.Example(example)["parameters"]!["pool"]!.AsObject();
            // The examples reuse a few ids; each gets its own so they can all exist at once.
            var id = "add-" + Guid.NewGuid().ToString("N");
            body["id"] = id;

            using var created = await SendAsync(HttpMethod.Post, "pools", body.ToJsonString());
            using var got = await SendAsync(HttpMethod.Get, "pools/" + id);

            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
            await AssertValidAsync(got, "/pools/{poolId}", "get");
        }

        [Fact]
        public async Task Pool_list_pages_stats_and_autoscale_runs_validate_against_the_spec()
        {
            var id = await CreatePoolAsync("conform-pool", nodes: 2);
            var scaled = TestPools.Create(TestPools.UniqueId("conform-as"));
            scaled.TargetDedicatedNodes = null;
            scaled.EnableAutoScale = true;
            scaled.AutoScaleFormula = "$TargetDedicatedNodes = 1;";
            await _fixture.Client.CreatePoolAsync(scaled, Cancel);

            await AssertValidAsync(await SendAsync(HttpMethod.Get, "pools?maxresults=1"), "/pools", "get");
            await AssertValidAsync(await SendAsync(HttpMethod.Get, $"pools/{id}?$expand=stats"), "/pools/{poolId}", "get");
            await AssertValidAsync(await SendAsync(HttpMethod.Get, "pools/" + scaled.Id), "/pools/{poolId}", "get");
            await AssertValidAsync(await SendAsync(HttpMethod.Post, $"pools/{scaled.Id}/evaluateautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes = 2;"}"""),
                "/pools/{poolId}/evaluateautoscale", "post");
        }

        [Fact]
        public async Task Node_and_node_file_responses_validate_against_the_spec_in_every_state()
        {
            var id = await CreatePoolAsync("conform-nodes", nodes: 2, TestPools.CommandLine("/bin/bash -c 'if then'"));
            var node = (await TestPools.NodesAsync(_fixture.Client, id, Cancel))[0].Id!;

            await AssertValidAsync(await SendAsync(HttpMethod.Get, $"pools/{id}/nodes"), "/pools/{poolId}/nodes", "get");
            _fixture.Clock.Advance(Creating + Starting);
            await AssertValidAsync(await SendAsync(HttpMethod.Get, $"pools/{id}/nodes/{node}"), "/pools/{poolId}/nodes/{nodeId}", "get");
            _fixture.Clock.Advance(StartTask);
            await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State == BatchNodeState.StartTaskFailed, Cancel);
            await AssertValidAsync(await SendAsync(HttpMethod.Get, $"pools/{id}/nodes/{node}"), "/pools/{poolId}/nodes/{nodeId}", "get");
            await AssertValidAsync(await SendAsync(HttpMethod.Get, $"pools/{id}/nodes/{node}/files?recursive=true"), "/pools/{poolId}/nodes/{nodeId}/files", "get");
        }

        [Fact]
        public async Task Account_lists_validate_against_the_spec()
        {
            await CreatePoolAsync("conform-counts", nodes: 1);

            await AssertValidAsync(await SendAsync(HttpMethod.Get, "supportedimages"), "/supportedimages", "get");
            await AssertValidAsync(await SendAsync(HttpMethod.Get, "nodecounts"), "/nodecounts", "get");
        }

        [Fact]
        public async Task Error_bodies_validate_against_the_BatchError_schema()
        {
            using var response = await SendAsync(HttpMethod.Post, "pools", """{"id":"x","vmSize":""}""");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
            // The service adds odata.metadata to errors, outside the schema; clients ignore it.
            Assert.NotNull(body.Remove("odata.metadata", out _) ? body : null);

            var errors = BatchApiSpec.ValidateSchema(body, BatchApiSpec.Operation("/pools", "post")["responses"]!["default"]!["schema"]!);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Empty(errors);
        }

        /// <summary>Each operation's success, and the headers the spec declares for it.</summary>
        [Fact]
        public async Task Every_operation_answers_with_the_status_and_headers_the_spec_declares()
        {
            var id = await CreatePoolAsync("conform-headers", nodes: 2, TestPools.CommandLine("/bin/true"));
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var nodes = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            var scaled = TestPools.Create(TestPools.UniqueId("conform-hdr-as"));
            scaled.TargetDedicatedNodes = null;
            scaled.EnableAutoScale = true;
            scaled.AutoScaleFormula = "$TargetDedicatedNodes = 0;";
            await _fixture.Client.CreatePoolAsync(scaled, Cancel);
            var fresh = TestPools.UniqueId("conform-new");
            var file = $"pools/{id}/nodes/{nodes[0].Id}/files/startup/stdout.txt";

            var calls = new (string Path, string Verb, HttpMethod Method, string Url, string? Body)[]
            {
                ("/pools", "post", HttpMethod.Post, "pools", TestPoolJson(fresh)),
                ("/pools", "get", HttpMethod.Get, "pools", null),
                ("/pools/{poolId}", "get", HttpMethod.Get, "pools/" + id, null),
                ("/pools/{poolId}", "head", HttpMethod.Head, "pools/" + id, null),
                ("/pools/{poolId}", "patch", HttpMethod.Patch, "pools/" + id, """{"metadata":[{"name":"a","value":"b"}]}"""),
                ("/pools/{poolId}/updateproperties", "post", HttpMethod.Post, $"pools/{id}/updateproperties",
                    """{"startTask":{"commandLine":"/bin/true"},"certificateReferences":[],"applicationPackageReferences":[],"metadata":[]}"""),
                ("/pools/{poolId}/nodes/{nodeId}/reboot", "post", HttpMethod.Post, $"pools/{id}/nodes/{nodes[1].Id}/reboot", """{"nodeRebootOption":"requeue"}"""),
                ("/pools/{poolId}/removenodes", "post", HttpMethod.Post, $"pools/{fresh}/removenodes", null),
                ("/pools/{poolId}/resize", "post", HttpMethod.Post, $"pools/{id}/resize", """{"targetDedicatedNodes":3}"""),
                ("/pools/{poolId}/stopresize", "post", HttpMethod.Post, $"pools/{id}/stopresize", null),
                ("/pools/{poolId}/evaluateautoscale", "post", HttpMethod.Post, $"pools/{scaled.Id}/evaluateautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes = 1;"}"""),
                ("/pools/{poolId}/disableautoscale", "post", HttpMethod.Post, $"pools/{scaled.Id}/disableautoscale", null),
                ("/pools/{poolId}/enableautoscale", "post", HttpMethod.Post, $"pools/{scaled.Id}/enableautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes = 0;"}"""),
                ("/pools/{poolId}/nodes", "get", HttpMethod.Get, $"pools/{id}/nodes", null),
                ("/pools/{poolId}/nodes/{nodeId}", "get", HttpMethod.Get, $"pools/{id}/nodes/{nodes[0].Id}", null),
                ("/pools/{poolId}/nodes/{nodeId}/files", "get", HttpMethod.Get, $"pools/{id}/nodes/{nodes[0].Id}/files", null),
                ("/pools/{poolId}/nodes/{nodeId}/files/{filePath}", "get", HttpMethod.Get, file, null),
                ("/pools/{poolId}/nodes/{nodeId}/files/{filePath}", "head", HttpMethod.Head, file, null),
                ("/supportedimages", "get", HttpMethod.Get, "supportedimages", null),
                ("/nodecounts", "get", HttpMethod.Get, "nodecounts", null),
                ("/pools/{poolId}", "delete", HttpMethod.Delete, "pools/" + fresh, null),
            };

            var problems = new List<string>();
            foreach (var (path, verb, method, url, body) in calls)
            {
                // Remove nodes needs a node of the fresh pool, which exists only once that pool is created.
                var payload = url.EndsWith("removenodes", StringComparison.Ordinal)
                    ? $$"""{"nodeList":["{{(await TestPools.NodesAsync(_fixture.Client, fresh, Cancel))[0].Id}}"]}"""
                    : body;
                if (url.EndsWith("removenodes", StringComparison.Ordinal)) _fixture.Clock.Advance(Creating);
                using var response = await SendAsync(method, url, payload, clientRequestId: true);
                var responses = BatchApiSpec.Operation(path, verb)["responses"]!.AsObject();
                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (responses[status] is not JsonObject declared)
                {
                    problems.Add($"{verb} {path}: {status} is not a status the spec declares ({await response.Content.ReadAsStringAsync(Cancel)})");
                    continue;
                }
                foreach (var (header, _) in declared["headers"]?.AsObject() ?? [])
                {
                    if (!Has(response, header)) problems.Add($"{verb} {path}: no {header} header");
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private static bool Has(HttpResponseMessage response, string header) =>
            response.Headers.NonValidated.Contains(header) || response.Content.Headers.NonValidated.Contains(header);

        private async Task AssertValidAsync(HttpResponseMessage response, string path, string verb)
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.OK, text);
                var schema = BatchApiSpec.Operation(path, verb)["responses"]!["200"]!["schema"]!;
                // The service's own PoolAdd and PoolGet examples send and return extension settings as a string of JSON
                // where the schema says object; the emulator keeps what it was sent, as the service does.
                var errors = BatchApiSpec.ValidateSchema(JsonNode.Parse(text), schema)
                    .Where(e => !System.Text.RegularExpressions.Regex.IsMatch(e, @"\.extensions\[\d+\]\.settings: expected an object, found String"))
                    .ToList();
                Assert.True(errors.Count == 0, $"{verb} {path}:\n{string.Join("\n", errors)}\n{text}");
            }
        }

        private async Task<string> CreatePoolAsync(string prefix, int nodes, BatchStartTask? startTask = null)
        {
            var id = TestPools.UniqueId(prefix);
            var pool = TestPools.Create(id, nodes, startTask);
            pool.Metadata = [new BatchMetadataItem { Name = "m", Value = "v" }];
            await _fixture.Client.CreatePoolAsync(pool, Cancel);
            return id;
        }

        private static string TestPoolJson(string id) =>
            $$$"""{"id":"{{{id}}}","vmSize":"standard_d2s_v3","targetDedicatedNodes":1,"virtualMachineConfiguration":{"imageReference":{"publisher":"canonical","offer":"ubuntu-24_04-lts","sku":"server"},"nodeAgentSKUId":"batch.node.ubuntu 24.04"}}""";

        private Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? json = null, bool clientRequestId = false)
        {
            var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var content = json is null ? null : new StringContent(json, Encoding.UTF8);
            if (content is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; odata=minimalmetadata");
            return SignedRequests.SendAsync(_http, _fixture.Emulator, method, pathAndQuery + separator + "api-version=2024-07-01.20.0", Cancel, content,
                request =>
                {
                    if (!clientRequestId) return;
                    request.Headers.TryAddWithoutValidation("client-request-id", Guid.NewGuid().ToString());
                    request.Headers.TryAddWithoutValidation("return-client-request-id", "true");
                });
        }
    }
}
