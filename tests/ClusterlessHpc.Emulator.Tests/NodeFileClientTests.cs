using System.Text;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Node files of simulated nodes through the real client: list, get (whole and ranges), properties, conditions
    /// and errors; the start task's stderr carries bash's syntax error. Windows pools name files with backslashes.
    /// </summary>
    public sealed class NodeFileClientTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;

        public NodeFileClientTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task List_shows_the_top_level_and_recursive_shows_the_start_task_output()
        {
            var (id, node) = await IdleNodeAsync("list", "/bin/bash -c 'echo hi'");

            var top = await ListAsync(id, node);
            var all = await ListAsync(id, node, recursive: true);
            var startup = await ListAsync(id, node, recursive: true, filter: "startswith(name,'startup/') and isDirectory eq false");

            Assert.Equal(["shared", "startup"], top.Select(f => f.Name));
            Assert.All(top, f => Assert.True(f.IsDirectory));
            Assert.All(top, f => Assert.Null(f.Properties));
            Assert.Contains(all, f => f.Name == "startup/wd" && f.IsDirectory == true);
            Assert.Equal([BatchClient.StartTaskStdErrPath, BatchClient.StartTaskStdOutPath], startup.Select(f => f.Name));
            var stdout = startup[1];
            Assert.Equal(0, stdout.Properties!.ContentLength);
            Assert.Equal("0100644", stdout.Properties.FileMode);
            Assert.Null(stdout.Properties.CreationTime);
            Assert.EndsWith($"/pools/{id}/nodes/{node}/files/startup/stdout.txt", stdout.Url, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_stderr_of_a_start_task_with_a_syntax_error_is_bashs_message()
        {
            var (id, node) = await IdleNodeAsync("stderr", "/bin/bash -c 'if then fi'", expect: BatchNodeState.StartTaskFailed);

            var stderr = (await Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdErrPath, cancellationToken: Cancel)).Value.ToString();
            var properties = (await Client.GetNodeFilePropertiesAsync(id, node, BatchClient.StartTaskStdErrPath, cancellationToken: Cancel)).Value;

            Assert.Contains("syntax error", stderr, StringComparison.Ordinal);
            Assert.Equal(Encoding.UTF8.GetByteCount(stderr), properties.ContentLength);
            Assert.False(properties.IsDirectory);
            Assert.Equal("text/plain", properties.ContentType);
            Assert.Equal("0100644", properties.FileMode);
            Assert.EndsWith("/files/startup/stderr.txt", properties.Url, StringComparison.Ordinal);
            Assert.NotNull(properties.ETag);
            Assert.NotNull(properties.LastModified);
        }

        [Fact]
        public async Task A_range_reads_those_bytes_and_a_range_past_the_end_is_InvalidRange()
        {
            var (id, node) = await IdleNodeAsync("range", "/bin/bash -c 'if then fi'", expect: BatchNodeState.StartTaskFailed);
            var whole = (await Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdErrPath, cancellationToken: Cancel)).Value.ToArray();

            var part = (await Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdErrPath, new HttpRange(2, 5), cancellationToken: Cancel)).Value.ToArray();
            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdErrPath, new HttpRange(whole.Length + 10, 5), cancellationToken: Cancel));

            Assert.Equal(whole[2..7], part);
            Assert.Equal((416, "InvalidRange"), (error.Status, error.ErrorCode));
        }

        [Fact]
        public async Task Date_conditions_apply_and_etag_conditions_are_refused_by_the_client()
        {
            var (id, node) = await IdleNodeAsync("conditions", "/bin/bash -c 'true'");
            var modified = (await Client.GetNodeFilePropertiesAsync(id, node, BatchClient.StartTaskStdOutPath, cancellationToken: Cancel)).Value.LastModified!.Value;

            var notModified = await Assert.ThrowsAsync<RequestFailedException>(() => Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdOutPath,
                requestConditions: new RequestConditions { IfModifiedSince = modified.AddMinutes(1) }, cancellationToken: Cancel));
            var changed = await Assert.ThrowsAsync<RequestFailedException>(() => Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdOutPath,
                requestConditions: new RequestConditions { IfUnmodifiedSince = modified.AddMinutes(-1) }, cancellationToken: Cancel));
            var unchanged = await Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdOutPath,
                requestConditions: new RequestConditions { IfUnmodifiedSince = modified.AddMinutes(1) }, cancellationToken: Cancel);

            Assert.Equal(304, notModified.Status);
            Assert.Equal((412, "ConditionNotMet"), (changed.Status, changed.ErrorCode));
            Assert.Equal(200, unchanged.GetRawResponse().Status);
            await Assert.ThrowsAsync<ArgumentException>(() => Client.GetNodeFileAsync(id, node, BatchClient.StartTaskStdOutPath,
                requestConditions: new RequestConditions { IfMatch = new ETag("0x1") }, cancellationToken: Cancel));
        }

        [Fact]
        public async Task A_missing_file_is_FileNotFound_a_directory_cannot_be_read_and_a_missing_node_is_NodeNotFound()
        {
            var (id, node) = await IdleNodeAsync("missing", "/bin/bash -c 'true'");

            var missing = await Assert.ThrowsAsync<RequestFailedException>(() => Client.GetNodeFileAsync(id, node, "startup/nothing.txt", cancellationToken: Cancel));
            var directory = await Assert.ThrowsAsync<RequestFailedException>(() => Client.GetNodeFileAsync(id, node, "shared", cancellationToken: Cancel));
            var directoryProperties = (await Client.GetNodeFilePropertiesAsync(id, node, "shared", cancellationToken: Cancel)).Value;
            var noNode = await Assert.ThrowsAsync<RequestFailedException>(async () =>
            {
                await foreach (var _ in Client.GetNodeFilesAsync(id, "tvm-1_9-20250301t120000z", cancellationToken: Cancel))
                {
                }
            });

            Assert.Equal((404, "FileNotFound"), (missing.Status, missing.ErrorCode));
            Assert.Equal((400, "ResourceTypeMismatch"), (directory.Status, directory.ErrorCode));
            Assert.True(directoryProperties.IsDirectory);
            Assert.Equal((404, "NodeNotFound"), (noNode.Status, noNode.ErrorCode));
        }

        [Fact]
        public async Task A_windows_pool_is_accepted_simulated_and_names_its_files_with_backslashes()
        {
            var id = TestPools.UniqueId("windows");
            var pool = TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("cmd /c echo hello"));
            pool.VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "microsoftwindowsserver", Offer = "windowsserver", Sku = "2022-datacenter" },
                NodeAgentSkuId = "batch.node.windows amd64",
            };

            await Client.CreatePoolAsync(pool, Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var node = Assert.Single(await TestPools.NodesAsync(Client, id, Cancel));
            var files = await ListAsync(id, node.Id!, recursive: true);
            var stdout = await Client.GetNodeFilePropertiesAsync(id, node.Id!, "startup\\stdout.txt", cancellationToken: Cancel);

            Assert.Equal(BatchNodeState.Idle, node.State);
            Assert.Contains(files, f => f.Name == "startup\\stdout.txt" && f.Properties!.CreationTime is not null && f.Properties.FileMode is null);
            Assert.Null(stdout.Value.FileMode);
        }

        private async Task<(string PoolId, string NodeId)> IdleNodeAsync(string prefix, string commandLine, BatchNodeState? expect = null)
        {
            var id = TestPools.UniqueId(prefix);
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine(commandLine)), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var nodes = await TestPools.WaitForNodesAsync(Client, id, n => n.State == (expect ?? BatchNodeState.Idle), Cancel);
            return (id, nodes.Single().Id!);
        }

        private async Task<List<BatchNodeFile>> ListAsync(string id, string node, bool? recursive = null, string? filter = null)
        {
            var files = new List<BatchNodeFile>();
            await foreach (var file in Client.GetNodeFilesAsync(id, node, filter, recursive, cancellationToken: Cancel)) files.Add(file);
            return files;
        }
    }
}
