using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Resource files of executed start tasks, downloaded from blobs the tests upload to Azurite.</summary>
    public sealed class ResourceFileTests : IClassFixture<ExecuteEmulatorFixture>, IClassFixture<AzuriteFixture>
    {
        private readonly ExecuteEmulatorFixture _fixture;
        private readonly AzuriteFixture _azurite;

        public ResourceFileTests(ExecuteEmulatorFixture fixture, AzuriteFixture azurite)
        {
            _fixture = fixture;
            _azurite = azurite;
        }

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task A_blob_by_http_url_is_downloaded_with_its_file_mode_before_the_command_runs_it()
        {
            var container = await _azurite.ContainerAsync(("setup.sh", "#!/bin/bash\necho \"set up $1\"\n"));
            var startTask = TestPools.CommandLine("./scripts/setup.sh now");
            startTask.ResourceFiles = [new ResourceFile
            {
                HttpUrl = AzuriteFixture.ReadUrl(container, "setup.sh").ToString(),
                FilePath = "scripts/setup.sh",
                FileMode = "0750",
            }];

            var (id, node) = await RunAsync("http", startTask, BatchNodeState.Idle);
            var script = Path.Combine(_fixture.NodesDirectory, id, node, "startup", "wd", "scripts", "setup.sh");

            Assert.Equal("set up now\n", await ReadAsync(id, node, BatchClient.StartTaskStdOutPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute,
                File.GetUnixFileMode(script));
        }

        [Fact]
        public async Task The_blobs_of_a_container_url_under_a_prefix_are_downloaded_into_the_file_path_folder()
        {
            var container = await _azurite.ContainerAsync(("data/a.txt", "A"), ("data/sub/b.txt", "B"), ("other/c.txt", "C"));
            var startTask = TestPools.CommandLine("/bin/bash -c 'cat inputs/data/a.txt inputs/data/sub/b.txt; ls inputs/other 2>/dev/null || echo none'");
            startTask.ResourceFiles = [new ResourceFile { StorageContainerUrl = AzuriteFixture.ListUrl(container).ToString(), BlobPrefix = "data/", FilePath = "inputs" }];

            var (id, node) = await RunAsync("container", startTask, BatchNodeState.Idle);

            Assert.Equal("ABnone\n", await ReadAsync(id, node, BatchClient.StartTaskStdOutPath));
        }

        [Fact]
        public async Task A_missing_blob_fails_the_start_task_with_BlobNotFound_and_the_sas_never_shows()
        {
            var container = await _azurite.ContainerAsync();
            var url = AzuriteFixture.ReadUrl(container, "absent.sh");
            var startTask = TestPools.CommandLine("/bin/true");
            startTask.ResourceFiles = [new ResourceFile { HttpUrl = url.ToString(), FilePath = "absent.sh" }];

            var (id, node) = await RunAsync("absent", startTask, BatchNodeState.StartTaskFailed);
            var info = (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value.StartTaskInfo!;

            Assert.Equal(("BlobNotFound", BatchErrorSourceCategory.UserError), (info.FailureInfo!.Code, info.FailureInfo.Category));
            Assert.Contains(url.GetLeftPart(UriPartial.Path), info.FailureInfo.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("sig=", info.FailureInfo.Message, StringComparison.Ordinal);
            Assert.Null(info.ExitCode);
        }

        [Fact]
        public async Task A_url_without_a_sas_is_refused_by_storage_and_fails_with_BlobAccessDenied()
        {
            var container = await _azurite.ContainerAsync(("secret.txt", "s"));
            var startTask = TestPools.CommandLine("/bin/true");
            startTask.ResourceFiles = [new ResourceFile { HttpUrl = container.GetBlobClient("secret.txt").Uri.ToString(), FilePath = "secret.txt" }];

            var (id, node) = await RunAsync("denied", startTask, BatchNodeState.StartTaskFailed);

            Assert.Equal("BlobAccessDenied", (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value.StartTaskInfo!.FailureInfo!.Code);
        }

        private async Task<(string PoolId, string NodeId)> RunAsync(string prefix, BatchStartTask startTask, BatchNodeState expect)
        {
            var id = TestPools.UniqueId(prefix);
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, startTask), Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            var nodes = await TestPools.WaitForNodesAsync(Client, id,
                n => n.State == expect && n.StartTaskInfo?.State == BatchStartTaskState.Completed, Cancel);
            return (id, nodes.Single().Id!);
        }

        private async Task<string> ReadAsync(string id, string node, string path) =>
            (await Client.GetNodeFileAsync(id, node, path, cancellationToken: Cancel)).Value.ToString();
    }
}
