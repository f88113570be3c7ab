using System.Net;
using System.Text;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// Bodies as the service writes them: <c>odata.metadata</c> first, with the kinds its recorded answers carry
    /// (../shared/batch-recordings: node-sdk-batchservice-tests.jsonl for pools, nodes, files and node counts,
    /// azure-cli-test_batch_pools_and_nodes.jsonl for supported images and $select, python-sdk-test_batch_scale_pools-vcr.jsonl
    /// for AutoScaleRun), and the raw Content-Type without a space (the error envelope of INDEX.md observation 10: ObservationTests).
    /// </summary>
    public sealed class ServiceBodyTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;

        public ServiceBodyTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Every_json_body_starts_with_the_odata_metadata_the_service_writes_for_it()
        {
            var (id, node) = await IdleNodeAsync("meta");
            await _fixture.Client.EnablePoolAutoScaleAsync(id, new BatchPoolEnableAutoScaleOptions { AutoScaleFormula = "$TargetDedicatedNodes = 1;" }, cancellationToken: Cancel);
            var bodies = new (string Request, string Kind)[]
            {
                ("GET pools", "pools"),
                ($"GET pools/{id}", "pools/@Element"),
                ($"GET pools/{id}?$select=id,state", "pools/@Element"),
                ($"GET pools/{id}/nodes", "nodes"),
                ($"GET pools/{id}/nodes/{node}", "nodes/@Element"),
                ($"GET pools/{id}/nodes/{node}/files?recursive=true", "files"),
                ("GET nodecounts", "poolnodecounts"),
                ("GET supportedimages", "supportedimages"),
                ("GET poolusagemetrics", "poolusagemetrics"),
                ($"POST pools/{id}/evaluateautoscale", "Microsoft.Azure.Batch.Protocol.Entities.AutoScaleRun"),
                ($"GET pools/{TestPools.UniqueId("none")}", "Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element"),
            };

            foreach (var (request, kind) in bodies)
            {
                var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);
                var json = method == "POST" ? """{"autoScaleFormula":"$TargetDedicatedNodes = 2;"}""" : null;
                using var response = await SendAsync(new HttpMethod(method), path, json);
                // Read before the body: reading it parses the header, which HttpClient then prints with a space.
                var contentType = response.Content.Headers.NonValidated["Content-Type"].ToString();
                var text = await response.Content.ReadAsStringAsync(Cancel);
                using var body = JsonDocument.Parse(text);
                var first = body.RootElement.EnumerateObject().First();

                Assert.True(first.Name == "odata.metadata", $"{request}: {text}");
                Assert.Equal(_fixture.Emulator.Endpoint + "$metadata#" + kind, first.Value.GetString());
                Assert.Equal("application/json;odata=minimalmetadata", contentType);
            }
        }

        [Fact]
        public async Task The_odata_metadata_does_not_stop_the_client_reading_any_body()
        {
            var (id, node) = await IdleNodeAsync("read");

            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            var nodes = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            var counts = new List<BatchPoolNodeCounts>();
            await foreach (var c in _fixture.Client.GetPoolNodeCountsAsync(cancellationToken: Cancel)) counts.Add(c);

            Assert.Equal(id, pool.Id);
            Assert.Equal(node, nodes.Single().Id);
            Assert.Contains(counts, c => c.PoolId == id && c.Dedicated!.Idle == 1);
        }

        [Fact]
        public async Task Error_values_are_key_value_pairs()
        {
            using var response = await SendAsync(HttpMethod.Get, "pools?maxresults=abc");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.All(body.RootElement.GetProperty("values").EnumerateArray(),
                v => Assert.Equal(["key", "value"], v.EnumerateObject().Select(p => p.Name)));
        }

        private async Task<(string PoolId, string NodeId)> IdleNodeAsync(string prefix)
        {
            var id = TestPools.UniqueId(prefix);
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var nodes = await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State == BatchNodeState.Idle, Cancel);
            return (id, nodes.Single().Id!);
        }

        private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? json = null)
        {
            var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
            using var http = new HttpClient();
            return await SignedRequests.SendAsync(http, _fixture.Emulator, method, pathAndQuery + separator + "api-version=2024-07-01.20.0", Cancel, content);
        }
    }
}
