using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Scripts;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// A custom image's own Julia, wherever the image keeps it, runs the generated startup script's install on the first
    /// run and on a re-run after the definition changed, and tasks' julia reaches it through the launcher, never a
    /// launcher that runs itself. Each node has its own writable /usr/local/bin, as an elevated start task has on a real
    /// node, and the image's files laid over its filesystem (<see cref="ImageFilesEmulatorFixture"/>). A script that
    /// hangs fails these tests by their own timeout.
    /// </summary>
    public sealed class CustomImageJuliaTests : IClassFixture<ImageFilesEmulatorFixture>
    {
        private const string Depot = "/opt/julia-depot";
        private readonly ImageFilesEmulatorFixture _fixture;

        public CustomImageJuliaTests(ImageFilesEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        public static TheoryData<string> Images => new("local-bin-file", "local-bin-link", "usr-bin-file", "usr-bin-link-to-opt");

        [Theory]
        [MemberData(nameof(Images))]
        public async Task The_images_julia_installs_on_the_first_run_and_after_a_definition_change_and_tasks_reach_it_through_the_launcher(string image)
        {
            var definition = Pool(TestPools.UniqueId("img"), image, "first");
            var operation = await Client.StartCreatePoolAsync(PoolRequestBuilder.Build(definition), Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            await Poll.UntilAsync(async () => { await operation.UpdateStatusAsync(Cancel); return operation; }, o => o.HasCompleted,
                "the first run of the startup script", Cancel);
            var node = operation.Nodes[0].Id!;
            var root = Path.Combine(_fixture.NodesDirectory, definition.Id, node);
            var shared = Path.Combine(root, "shared");
            var launcher = Path.Combine(shared, "clusterlesshpc", "bin", "julia");
            var realJulia = ImageFilesEmulatorFixture.JuliaHome(image) + "/bin/julia";
            var depots = $"{Depot}:{ImageFilesEmulatorFixture.JuliaHome(image)}/local/share/julia:{ImageFilesEmulatorFixture.JuliaHome(image)}/share/julia";
            var home = Path.Combine(root, "volatile", "home");

            // The install ran the image's own julia with the pool's depot, then Julia's bundled ones.
            var first = Launches(shared);
            Assert.Equal($"{realJulia}|{depots}", first[0]);
            // The task's `julia` (the startup step after the packages) ran the image's julia too: through the launcher,
            // with the user's own depot in front, except where the image's own file holds /usr/local/bin/julia.
            var nodeLocalJulia = new FileInfo(Path.Combine(root, "volatile", "usr", "local", "bin", "julia"));
            if (image == "local-bin-file")
            {
                Assert.Null(nodeLocalJulia.LinkTarget);
                Assert.Contains("julia version", File.ReadAllText(nodeLocalJulia.FullName));
                Assert.Equal($"{realJulia}|", first[1]);
                Assert.Contains("/usr/local/bin/julia is the image's own and stays", await ReadAsync(definition.Id, node, BatchClient.StartTaskStdOutPath));
            }
            else
            {
                Assert.Equal(launcher, nodeLocalJulia.LinkTarget);
                Assert.Equal($"{realJulia}|{home}/.julia:{depots}", first[1]);
            }
            Assert.Equal($"julia version {ImageFilesEmulatorFixture.Version}\n", File.ReadAllText(Path.Combine(shared, "task-julia-version.txt")));
            Assert.Equal(realJulia + "\n", File.ReadAllText(Path.Combine(shared, "clusterlesshpc", "image-julia")));

            // A changed definition reaches the node when it reboots; the script runs again and must find the image's julia,
            // not the launcher that now stands in /usr/local/bin.
            var changed = Pool(definition.Id, image, "second");
            await Client.UpdatePoolAsync(definition.Id, new BatchPoolUpdateOptions { StartTask = PoolRequestBuilder.Build(changed).StartTask }, cancellationToken: Cancel);
            await Client.RebootNodeAsync(definition.Id, node, cancellationToken: Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(300));
            var rebooted = await Poll.UntilAsync(() => NodeAsync(definition.Id, node),
                n => n.State == BatchNodeState.Idle || n.State == BatchNodeState.StartTaskFailed, "the second run of the startup script", Cancel);
            var second = Launches(shared);

            Assert.True(rebooted.State == BatchNodeState.Idle, await ReadAsync(definition.Id, node, BatchClient.StartTaskStdErrPath));
            Assert.Contains($"definition {StartupScriptRenderer.DefinitionHash(changed)} installed", await ReadAsync(definition.Id, node, BatchClient.StartTaskStdOutPath));
            Assert.Equal(4, second.Length);
            Assert.Equal($"{realJulia}|{depots}", second[2]);
            Assert.Equal(image == "local-bin-file" ? null : launcher, new FileInfo(nodeLocalJulia.FullName).LinkTarget);
            Assert.Equal("second\n", File.ReadAllText(Path.Combine(shared, "run.txt")));
        }

        [Fact]
        public async Task Image_files_that_cannot_be_laid_over_a_node_stop_the_emulator_from_starting()
        {
            var folder = Directory.CreateTempSubdirectory("chpc-bad-image-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, "proc"));
                var missing = Path.Combine(folder, "absent");

                var noFolder = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync("/SharedGalleries/g/Images/a", missing));
                var reserved = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync("/SharedGalleries/g/Images/b", folder));

                Assert.Contains($"ImageFiles[\"/SharedGalleries/g/Images/a\"]: the folder {missing} does not exist", noFolder.Message);
                Assert.Contains("cannot be laid over this host's /proc", reserved.Message);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            static async Task StartAsync(string imageId, string folder)
            {
                var options = new BatchEmulatorOptions { StartTaskMode = StartTaskMode.Execute, AllowDevelopmentKey = true, NodesDirectory = Path.Combine(Path.GetTempPath(), "chpc-unused-" + Guid.NewGuid().ToString("N")) };
                options.ImageFiles[imageId] = folder;
                await using var emulator = await BatchEmulator.StartAsync(options);
            }
        }

        private static PoolDefinition Pool(string id, string image, string run) => new()
        {
            Id = id,
            Image = new CustomImageDefinition(ImageFilesEmulatorFixture.ImageId(image)) { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = Depot },
            Julia = new JuliaDefinition(ImageFilesEmulatorFixture.Version),
            JuliaPackages = [new JuliaPackageDefinition("Example")],
            StartupSteps =
            [
                new StartupStepDefinition(
                    "timeout 20 julia --version > \"$AZ_BATCH_NODE_SHARED_DIR/task-julia-version.txt\"\n" +
                    "timeout 20 julia -e 'import Example'\n" +
                    $"echo {run} > \"$AZ_BATCH_NODE_SHARED_DIR/run.txt\"") { AfterPackages = true },
            ],
        };

        private static string[] Launches(string shared) =>
            File.ReadAllLines(Path.Combine(shared, ImageFilesEmulatorFixture.LaunchLog));

        private async Task<BatchNode> NodeAsync(string id, string node) => (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value;

        private async Task<string> ReadAsync(string id, string node, string path) =>
            (await Client.GetNodeFileAsync(id, node, path, cancellationToken: Cancel)).Value.ToString();
    }
}
