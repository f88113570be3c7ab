using Azure;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Get, exists, list, patch, update properties and delete, with their conditions and errors, through the real client.</summary>
    public sealed class PoolClientTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;

        public PoolClientTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Get_with_select_returns_only_the_selected_properties()
        {
            var id = await CreateAsync("select");

            var pool = (await _fixture.Client.GetPoolAsync(id, select: ["id", "state"], cancellationToken: Cancel)).Value;

            Assert.Equal(id, pool.Id);
            Assert.Equal(BatchPoolState.Active, pool.State);
            Assert.Null(pool.VmSize);
            Assert.Null(pool.AllocationState);
        }

        [Fact]
        public async Task Get_with_expand_stats_adds_statistics_and_without_it_there_are_none()
        {
            var id = await CreateAsync("stats", nodes: 2);
            _fixture.Clock.Advance(TimeSpan.FromMinutes(1));

            var plain = (await _fixture.Client.GetPoolAsync(id, cancellationToken: Cancel)).Value;
            var expanded = (await _fixture.Client.GetPoolAsync(id, expand: ["stats"], cancellationToken: Cancel)).Value;

            Assert.Null(plain.Stats);
            Assert.NotNull(expanded.Stats);
            Assert.Equal(TimeSpan.FromMinutes(2), expanded.Stats.UsageStats!.DedicatedCoreTime);
        }

        [Fact]
        public async Task Get_with_an_unknown_expand_fails_with_InvalidQueryParameterValue()
        {
            var id = await CreateAsync("expand");

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.GetPoolAsync(id, expand: ["nodes"], cancellationToken: Cancel));

            Assert.Equal(400, error.Status);
            Assert.Equal("InvalidQueryParameterValue", error.ErrorCode);
        }

        [Fact]
        public async Task Exists_is_true_for_a_pool_and_false_for_a_missing_one()
        {
            var id = await CreateAsync("exists");

            Assert.True((await _fixture.Client.PoolExistsAsync(id, cancellationToken: Cancel)).Value);
            Assert.False((await _fixture.Client.PoolExistsAsync("missing-" + id, cancellationToken: Cancel)).Value);
        }

        [Fact]
        public async Task Get_with_the_current_etag_in_If_None_Match_is_304_and_with_an_old_one_is_the_pool()
        {
            var id = await CreateAsync("inm");
            var etag = await ETagAsync(id);

            var notModified = await Assert.ThrowsAsync<RequestFailedException>(() =>
                _fixture.Client.GetPoolAsync(id, requestConditions: new RequestConditions { IfNoneMatch = new ETag(etag) }, cancellationToken: Cancel));
            var modified = await _fixture.Client.GetPoolAsync(id, requestConditions: new RequestConditions { IfNoneMatch = new ETag("0x1") }, cancellationToken: Cancel);

            Assert.Equal(304, notModified.Status);
            Assert.Equal(id, modified.Value.Id);
        }

        [Fact]
        public async Task Get_with_If_Modified_Since_after_the_last_change_is_304()
        {
            var id = await CreateAsync("ims");
            var lastModified = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value.LastModified!.Value;

            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                _fixture.Client.GetPoolAsync(id, requestConditions: new RequestConditions { IfModifiedSince = lastModified.AddSeconds(5) }, cancellationToken: Cancel));

            Assert.Equal(304, error.Status);
        }

        [Fact]
        public async Task Exists_with_a_failing_If_Match_is_412_ConditionNotMet()
        {
            var id = await CreateAsync("exists-match");

            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                _fixture.Client.PoolExistsAsync(id, new RequestConditions { IfMatch = new ETag("0x1") }, Cancel));

            Assert.Equal(412, error.Status);
        }

        [Fact]
        public async Task List_filters_selects_and_pages()
        {
            var prefix = "lst" + Guid.NewGuid().ToString("N")[..8];
            foreach (var n in Enumerable.Range(0, 5)) await _fixture.Client.CreatePoolAsync(TestPools.Create($"{prefix}-{n}"), Cancel);
            await _fixture.Client.CreatePoolAsync(TestPools.Create("other-" + prefix), Cancel);

            var pages = new List<Page<BatchPool>>();
            await foreach (var page in _fixture.Client.GetPoolsAsync(filter: $"startswith(id,'{prefix}')", select: ["id", "vmSize"], maxResults: 2, cancellationToken: Cancel).AsPages())
            {
                pages.Add(page);
            }

            Assert.Equal([2, 2, 1], pages.Select(p => p.Values.Count));
            var pools = pages.SelectMany(p => p.Values).ToList();
            Assert.Equal(Enumerable.Range(0, 5).Select(n => $"{prefix}-{n}"), pools.Select(p => p.Id));
            Assert.All(pools, p => Assert.Equal("standard_d2s_v3", p.VmSize));
            Assert.All(pools, p => Assert.Null(p.State));
        }

        [Fact]
        public async Task List_with_a_filter_the_emulator_cannot_read_fails_with_InvalidQueryParameterValue()
        {
            var error = await Assert.ThrowsAsync<RequestFailedException>(async () =>
            {
                await foreach (var _ in _fixture.Client.GetPoolsAsync(filter: "colour eq 'red'", cancellationToken: Cancel))
                {
                }
            });

            Assert.Equal("InvalidQueryParameterValue", error.ErrorCode);
            Assert.Equal("$filter", error.Data["QueryParameterName"]);
        }

        [Fact]
        public async Task Patch_replaces_only_what_it_sets_and_changes_the_etag()
        {
            var id = await CreateAsync("patch", startTask: TestPools.CommandLine("/bin/bash -c 'echo one'"), metadata: ("a", "1"));
            var before = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            var response = await _fixture.Client.UpdatePoolAsync(id, new BatchPoolUpdateOptions
            {
                Metadata = [new BatchMetadataItem { Name = "b", Value = "2" }],
            }, cancellationToken: Cancel);
            var after = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            Assert.Equal(200, response.Status);
            Assert.Equal("/bin/bash -c 'echo one'", after.StartTask!.CommandLine);
            Assert.Equal([("b", "2")], after.Metadata!.Select(m => (m.Name, m.Value)));
            Assert.NotEqual(before.ETag, after.ETag);
        }

        [Fact]
        public async Task Patch_with_a_stale_If_Match_is_412_and_with_the_current_one_succeeds()
        {
            var id = await CreateAsync("patch-match");
            var etag = await ETagAsync(id);
            await _fixture.Client.UpdatePoolAsync(id, new BatchPoolUpdateOptions { StartTask = TestPools.CommandLine("/bin/true") }, cancellationToken: Cancel);

            var stale = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.UpdatePoolAsync(id,
                new BatchPoolUpdateOptions { StartTask = TestPools.CommandLine("/bin/false") }, new RequestConditions { IfMatch = new ETag(etag) }, Cancel));
            var current = await _fixture.Client.UpdatePoolAsync(id,
                new BatchPoolUpdateOptions { StartTask = TestPools.CommandLine("/bin/false") }, new RequestConditions { IfMatch = new ETag(await ETagAsync(id)) }, Cancel);

            Assert.Equal(412, stale.Status);
            Assert.Equal("ConditionNotMet", stale.ErrorCode);
            Assert.Equal(200, current.Status);
        }

        [Fact]
        public async Task Patch_of_a_property_only_an_empty_pool_may_change_fails_on_a_pool_with_nodes()
        {
            var id = await CreateAsync("patch-vmsize", nodes: 1);

            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                _fixture.Client.UpdatePoolAsync(id, new BatchPoolUpdateOptions { VmSize = "standard_d4s_v3" }, cancellationToken: Cancel));

            Assert.Equal(409, error.Status);
            Assert.Equal("OperationInvalidForCurrentState", error.ErrorCode);
        }

        [Fact]
        public async Task Patch_of_an_empty_pool_may_change_its_vm_size()
        {
            var id = await CreateAsync("patch-empty");

            await _fixture.Client.UpdatePoolAsync(id, new BatchPoolUpdateOptions { VmSize = "standard_d4s_v3" }, cancellationToken: Cancel);

            Assert.Equal("standard_d4s_v3", (await _fixture.Client.GetPoolAsync(id, Cancel)).Value.VmSize);
        }

        [Fact]
        public async Task Replace_properties_replaces_what_it_gives_and_clears_what_it_leaves_out()
        {
            var id = await CreateAsync("replace", startTask: TestPools.CommandLine("/bin/true"), metadata: ("a", "1"));

            var response = await _fixture.Client.ReplacePoolPropertiesAsync(id, new BatchPoolReplaceOptions
            {
                Metadata = [new BatchMetadataItem { Name = "c", Value = "3" }],
            }, Cancel);
            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            Assert.Equal(204, response.Status);
            Assert.Null(pool.StartTask);
            Assert.Equal([("c", "3")], pool.Metadata!.Select(m => (m.Name, m.Value)));
            Assert.Equal(BatchNodeCommunicationMode.Default, pool.TargetNodeCommunicationMode ?? BatchNodeCommunicationMode.Default);
        }

        [Fact]
        public async Task A_deleted_pool_is_deleting_refuses_changes_with_PoolBeingDeleted_and_its_operation_ends_when_it_is_gone()
        {
            var id = await CreateAsync("delete", nodes: 2);

            var operation = await _fixture.Client.StartDeletePoolAsync(id, cancellationToken: Cancel);
            var deleting = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            var again = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.DeletePoolAsync(id, Cancel));
            var patch = await Assert.ThrowsAsync<RequestFailedException>(() =>
                _fixture.Client.UpdatePoolAsync(id, new BatchPoolUpdateOptions { DisplayName = "x" }, cancellationToken: Cancel));
            await operation.UpdateStatusAsync(Cancel);
            var doneEarly = operation.HasCompleted;
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await operation.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(20), Cancel);

            Assert.Equal(BatchPoolState.Deleting, deleting.State);
            Assert.Equal(409, again.Status);
            Assert.Equal("PoolBeingDeleted", again.ErrorCode);
            Assert.Equal("PoolBeingDeleted", patch.ErrorCode);
            Assert.False(doneEarly);
            Assert.True(operation.HasCompleted);
            Assert.Equal(404, operation.GetRawResponse().Status);
            Assert.False((await _fixture.Client.PoolExistsAsync(id, cancellationToken: Cancel)).Value);
        }

        [Fact]
        public async Task Delete_with_a_stale_If_Match_is_412_and_the_pool_stays()
        {
            var id = await CreateAsync("delete-match");

            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                _fixture.Client.DeletePoolAsync(id, new RequestConditions { IfMatch = new ETag("0x1") }, Cancel));

            Assert.Equal(412, error.Status);
            Assert.Equal(BatchPoolState.Active, (await _fixture.Client.GetPoolAsync(id, Cancel)).Value.State);
        }

        [Fact]
        public async Task Every_pool_operation_on_a_missing_pool_fails_with_PoolNotFound()
        {
            var id = "missing-" + Guid.NewGuid().ToString("N");
            var client = _fixture.Client;
            var calls = new (string Name, Func<Task> Call)[]
            {
                ("get", () => client.GetPoolAsync(id, Cancel)),
                ("patch", () => client.UpdatePoolAsync(id, new BatchPoolUpdateOptions { DisplayName = "x" }, cancellationToken: Cancel)),
                ("updateproperties", () => client.ReplacePoolPropertiesAsync(id, new BatchPoolReplaceOptions(), Cancel)),
                ("delete", () => client.DeletePoolAsync(id, Cancel)),
                ("resize", () => client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 1 }, cancellationToken: Cancel)),
                ("stopresize", () => client.StopPoolResizeAsync(id, cancellationToken: Cancel)),
                ("enableautoscale", () => client.EnablePoolAutoScaleAsync(id, new BatchPoolEnableAutoScaleOptions { AutoScaleFormula = "$TargetDedicatedNodes = 1;" }, cancellationToken: Cancel)),
                ("disableautoscale", () => client.DisablePoolAutoScaleAsync(id, Cancel)),
                ("evaluateautoscale", () => client.EvaluatePoolAutoScaleAsync(id, new BatchPoolEvaluateAutoScaleOptions { AutoScaleFormula = "$TargetDedicatedNodes = 1;" }, Cancel)),
                ("removenodes", () => client.RemoveNodesAsync(id, new BatchNodeRemoveOptions { NodeList = ["n"] }, cancellationToken: Cancel)),
                ("get node", () => client.GetNodeAsync(id, "n", cancellationToken: Cancel)),
                ("reboot", () => client.RebootNodeAsync(id, "n", cancellationToken: Cancel)),
                ("reimage", () => client.ReimageNodeAsync(id, "n", cancellationToken: Cancel)),
                ("get file", () => client.GetNodeFileAsync(id, "n", "startup/stdout.txt", cancellationToken: Cancel)),
            };

            foreach (var (name, call) in calls)
            {
                var error = await Assert.ThrowsAsync<RequestFailedException>(call);
                Assert.True(error is { Status: 404, ErrorCode: "PoolNotFound" }, $"{name}: {error.Status} {error.ErrorCode}");
            }
            // A HEAD response has no body, so only its status tells.
            var head = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetNodeFilePropertiesAsync(id, "n", "startup/stdout.txt", cancellationToken: Cancel));
            Assert.Equal(404, head.Status);
        }

        private async Task<string> CreateAsync(string prefix, int nodes = 0, BatchStartTask? startTask = null, (string Name, string Value)? metadata = null)
        {
            var id = TestPools.UniqueId(prefix);
            var pool = TestPools.Create(id, nodes, startTask);
            if (metadata is { } item) pool.Metadata = [new BatchMetadataItem { Name = item.Name, Value = item.Value }];
            await _fixture.Client.CreatePoolAsync(pool, Cancel);
            return id;
        }

        private async Task<string> ETagAsync(string id)
        {
            var response = await _fixture.Client.GetPoolAsync(id, Cancel);
            return response.Value.ETag!;
        }
    }
}
