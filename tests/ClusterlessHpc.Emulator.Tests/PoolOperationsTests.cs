using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Add, get, list and the add-pool errors, through the real BatchClient over loopback.</summary>
    public sealed class PoolOperationsTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public PoolOperationsTests(EmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Create_answers_201_with_version_headers_and_the_pool_url()
        {
            var id = TestPools.UniqueId("create");

            var response = await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);

            Assert.Equal(201, response.Status);
            // Batch sends ETags unquoted (0x8D...), which Azure.Core's typed Headers.ETag rejects; read the raw header.
            Assert.True(response.Headers.TryGetValue("ETag", out var etag));
            Assert.StartsWith("0x", etag, StringComparison.Ordinal);
            Assert.True(response.Headers.TryGetValue("Last-Modified", out var lastModified));
            Assert.True(DateTimeOffset.TryParse(lastModified, out _));
            Assert.True(response.Headers.TryGetValue("request-id", out var requestId));
            Assert.True(Guid.TryParse(requestId, out _));
            Assert.True(response.Headers.TryGetValue("DataServiceId", out var dataServiceId));
            Assert.Equal(new Uri(_fixture.Emulator.Endpoint, "pools/" + id).ToString(), dataServiceId);
            Assert.Equal(0, response.Content.ToMemory().Length);
        }

        [Fact]
        public async Task Get_returns_the_pool_as_created_with_the_service_defaults()
        {
            var id = TestPools.UniqueId("get");
            var spec = TestPools.Create(id, dedicatedNodes: 2);
            spec.DisplayName = "A pool";
            spec.Metadata = [new BatchMetadataItem { Name = "owner", Value = "tests" }];
            await _fixture.Client.CreatePoolAsync(spec, Cancel);

            var response = await _fixture.Client.GetPoolAsync(id, Cancel);
            var pool = response.Value;

            Assert.Equal(id, pool.Id);
            Assert.Equal("A pool", pool.DisplayName);
            Assert.Equal("standard_d2s_v3", pool.VmSize);
            Assert.Equal("Canonical", pool.VirtualMachineConfiguration!.ImageReference.Publisher);
            Assert.Equal("ubuntu-24_04-lts", pool.VirtualMachineConfiguration.ImageReference.Offer);
            Assert.Equal("server", pool.VirtualMachineConfiguration.ImageReference.Sku);
            Assert.Equal("latest", pool.VirtualMachineConfiguration.ImageReference.Version);
            Assert.Equal("batch.node.ubuntu 24.04", pool.VirtualMachineConfiguration.NodeAgentSkuId);
            Assert.Equal(TimeSpan.FromMinutes(15), pool.ResizeTimeout);
            Assert.False(pool.EnableAutoScale);
            Assert.False(pool.EnableInterNodeCommunication);
            Assert.Equal(1, pool.TaskSlotsPerNode);
            Assert.Equal(BatchPoolState.Active, pool.State);
            Assert.Equal(2, pool.TargetDedicatedNodes);
            Assert.Equal(0, pool.TargetLowPriorityNodes);
            Assert.Equal(2, pool.CurrentDedicatedNodes);
            Assert.Equal(0, pool.CurrentLowPriorityNodes);
            Assert.Equal("owner", Assert.Single(pool.Metadata!).Name);
            Assert.Equal(new Uri(_fixture.Emulator.Endpoint, "pools/" + id).ToString(), pool.Url);
            Assert.NotNull(pool.CreationTime);
            Assert.Equal(pool.CreationTime, pool.StateTransitionTime);
            Assert.NotNull(pool.AllocationState);
            Assert.NotNull(pool.AllocationStateTransitionTime);
            Assert.False(string.IsNullOrEmpty(pool.ETag));
            Assert.True(response.GetRawResponse().Headers.TryGetValue("ETag", out var etag));
            Assert.Equal(pool.ETag, etag);
            Assert.True(response.GetRawResponse().Headers.TryGetValue("Last-Modified", out _));
            Assert.Equal(pool.LastModified!.Value.ToUnixTimeSeconds(), pool.CreationTime!.Value.ToUnixTimeSeconds());
        }

        [Fact]
        public async Task Get_echoes_the_start_task_with_its_defaults_and_the_scheduling_policy()
        {
            var id = TestPools.UniqueId("echo");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, startTask: TestPools.CommandLine("/bin/bash -c 'echo hi'")), Cancel);

            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            using var http = new HttpClient();
            using var raw = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, $"pools/{id}?api-version=2024-07-01.20.0", Cancel);
            using var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync(Cancel));

            Assert.Equal("/bin/bash -c 'echo hi'", pool.StartTask!.CommandLine);
            Assert.Equal(0, pool.StartTask.MaxTaskRetryCount);
            Assert.True(pool.StartTask.WaitForSuccess);
            Assert.Equal(ElevationLevel.NonAdmin, pool.StartTask.UserIdentity!.AutoUser!.ElevationLevel);
            Assert.Equal("Spread", json.RootElement.GetProperty("taskSchedulingPolicy").GetProperty("nodeFillType").GetString());
            Assert.Equal("application/json;odata=minimalmetadata", raw.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        }

        [Fact]
        public async Task Creating_an_existing_pool_fails_with_PoolExists()
        {
            var id = TestPools.UniqueId("dup");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel));

            Assert.Equal(409, error.Status);
            Assert.Equal("PoolExists", error.ErrorCode);
        }

        [Fact]
        public async Task Pool_ids_differing_only_by_case_are_the_same_pool()
        {
            var id = TestPools.UniqueId("Case");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);

            var error = await Assert.ThrowsAsync<RequestFailedException>(
                () => _fixture.Client.CreatePoolAsync(TestPools.Create(id.ToUpperInvariant()), Cancel));
            var found = await _fixture.Client.GetPoolAsync(id.ToLowerInvariant(), Cancel);

            Assert.Equal(409, error.Status);
            Assert.Equal("PoolExists", error.ErrorCode);
            Assert.Equal(id, found.Value.Id);
        }

        [Fact]
        public async Task Getting_a_missing_pool_fails_with_PoolNotFound()
        {
            var error = await Assert.ThrowsAsync<RequestFailedException>(
                () => _fixture.Client.GetPoolAsync(TestPools.UniqueId("missing"), Cancel));

            Assert.Equal(404, error.Status);
            Assert.Equal("PoolNotFound", error.ErrorCode);
            Assert.Contains("The specified pool does not exist.", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Listing_the_nodes_of_a_missing_pool_fails_with_PoolNotFound()
        {
            var error = await Assert.ThrowsAsync<RequestFailedException>(
                () => TestPools.NodesAsync(_fixture.Client, TestPools.UniqueId("missing"), Cancel));

            Assert.Equal(404, error.Status);
            Assert.Equal("PoolNotFound", error.ErrorCode);
        }

        [Theory]
        [InlineData("has space")]
        [InlineData("dots.are.not.allowed")]
        [InlineData("an-id-that-is-much-too-long-for-the-batch-service-to-accept-it-at-all")]
        public async Task An_invalid_id_fails_with_InvalidPropertyValue(string id)
        {
            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel));

            Assert.Equal(400, error.Status);
            Assert.Equal("InvalidPropertyValue", error.ErrorCode);
            Assert.Equal("id", error.Data["PropertyName"]);
        }

        [Fact]
        public async Task A_missing_vmSize_fails_with_MissingRequiredProperty()
        {
            var spec = TestPools.Create(TestPools.UniqueId("novm"));
            spec.VmSize = "";

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(spec, Cancel));

            Assert.Equal(400, error.Status);
            Assert.Equal("MissingRequiredProperty", error.ErrorCode);
            Assert.Equal("vmSize", error.Data["PropertyName"]);
        }

        [Fact]
        public async Task A_missing_virtual_machine_configuration_fails_with_MissingRequiredProperty()
        {
            var spec = TestPools.Create(TestPools.UniqueId("novmc"));
            spec.VirtualMachineConfiguration = null;

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(spec, Cancel));

            Assert.Equal("MissingRequiredProperty", error.ErrorCode);
            Assert.Equal("virtualMachineConfiguration", error.Data["PropertyName"]);
        }

        [Fact]
        public async Task A_negative_target_fails_with_InvalidPropertyValue()
        {
            var spec = TestPools.Create(TestPools.UniqueId("neg"));
            spec.TargetLowPriorityNodes = -1;

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(spec, Cancel));

            Assert.Equal(400, error.Status);
            Assert.Equal("InvalidPropertyValue", error.ErrorCode);
            Assert.Equal("targetLowPriorityNodes", error.Data["PropertyName"]);
        }

        [Fact]
        public async Task Autoscale_without_a_formula_fails_and_with_one_is_stored()
        {
            var without = TestPools.Create(TestPools.UniqueId("as"));
            without.TargetDedicatedNodes = null;
            without.EnableAutoScale = true;
            var with = TestPools.Create(TestPools.UniqueId("as"));
            with.TargetDedicatedNodes = null;
            with.EnableAutoScale = true;
            with.AutoScaleFormula = "$TargetDedicatedNodes = 1;";

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(without, Cancel));
            await _fixture.Client.CreatePoolAsync(with, Cancel);
            var pool = (await _fixture.Client.GetPoolAsync(with.Id, Cancel)).Value;

            Assert.Equal(400, error.Status);
            Assert.Equal("MissingRequiredProperty", error.ErrorCode);
            Assert.Equal("autoScaleFormula", error.Data["PropertyName"]);
            Assert.True(pool.EnableAutoScale);
            Assert.Equal("$TargetDedicatedNodes = 1;", pool.AutoScaleFormula);
            Assert.Equal(TimeSpan.FromMinutes(15), pool.AutoScaleEvaluationInterval);
        }

        [Fact]
        public async Task A_body_that_is_not_json_fails_with_InvalidRequestBody()
        {
            using var http = new HttpClient();
            using var content = new StringContent("{ \"id\": ", Encoding.UTF8, "application/json");

            using var response = await SignedRequests.SendAsync(
                http, _fixture.Emulator, HttpMethod.Post, "pools?api-version=2024-07-01.20.0", Cancel, content);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidRequestBody", body.RootElement.GetProperty("code").GetString());
        }

        [Fact]
        public async Task A_property_of_the_wrong_type_fails_with_InvalidPropertyValue_naming_it()
        {
            using var http = new HttpClient();
            using var content = new StringContent(
                "{\"id\":\"wrongtype\",\"vmSize\":\"standard_d2s_v3\",\"targetDedicatedNodes\":\"two\"}", Encoding.UTF8, "application/json");

            using var response = await SignedRequests.SendAsync(
                http, _fixture.Emulator, HttpMethod.Post, "pools?api-version=2024-07-01.20.0", Cancel, content);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidPropertyValue", body.RootElement.GetProperty("code").GetString());
            var detail = body.RootElement.GetProperty("values")[0];
            Assert.Equal("PropertyName", detail.GetProperty("key").GetString());
            Assert.Equal("targetDedicatedNodes", detail.GetProperty("value").GetString());
        }

        [Fact]
        public async Task List_pools_contains_the_created_pools()
        {
            var ids = new[] { TestPools.UniqueId("list"), TestPools.UniqueId("list") };
            foreach (var id in ids) await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, "pools?api-version=2024-07-01.20.0", Cancel);
            var page = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(Cancel), BatchJsonContext.Default.BatchListResultBatchPool)!;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(page.NextLink);
            foreach (var id in ids) Assert.Contains(page.Value, p => p.Id == id);
        }

        [Fact]
        public async Task List_pools_pages_with_maxresults_and_an_absolute_next_link()
        {
            var ids = new[] { TestPools.UniqueId("page"), TestPools.UniqueId("page"), TestPools.UniqueId("page") };
            foreach (var id in ids) await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            using var http = new HttpClient();

            var seen = new List<string>();
            string? next = "pools?api-version=2024-07-01.20.0&maxresults=2";
            var pages = 0;
            while (next is not null)
            {
                using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Get, next, Cancel);
                var page = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(Cancel), BatchJsonContext.Default.BatchListResultBatchPool)!;
                Assert.True(page.Value.Count <= 2);
                seen.AddRange(page.Value.Select(p => p.Id!));
                next = page.NextLink;
                if (next is not null) Assert.True(Uri.IsWellFormedUriString(next, UriKind.Absolute), next);
                pages++;
            }

            Assert.True(pages >= 2);
            Assert.Equal(seen.Count, seen.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var id in ids) Assert.Contains(id, seen);
        }
    }
}
