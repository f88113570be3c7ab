using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using ClusterlessHpc.Provisioning;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// The quickstart's redwood pool, its definition as the generator made it, with its generated startup script run for
    /// real by executed start tasks: Julia comes from a stand-in release on a loopback mirror (the mirror setting, and
    /// the stand-in's package server), the package install runs the stand-in julia once, and after a reboot the script finds its definition installed and
    /// returns at once.
    /// </summary>
    public sealed class QuickstartScriptTests : IClassFixture<ExecuteEmulatorFixture>
    {
        private readonly ExecuteEmulatorFixture _fixture;

        public QuickstartScriptTests(ExecuteEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task The_quickstart_pools_script_installs_julia_from_the_mirror_once_and_a_second_run_returns_at_once()
        {
            var redwood = Quickstart.RedwoodPool.Definition;
            await using var internet = new JuliaStandInServer(new JuliaStandInOptions(redwood.Julia!.Version));
            var definition = redwood with { Id = TestPools.UniqueId("redwood"), Julia = redwood.Julia with { Mirror = internet.Mirror, PkgServer = internet.PkgServer } };

            var operation = await Client.StartCreatePoolAsync(PoolRequestBuilder.Build(definition), Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            var pool = (await Poll.UntilAsync(async () => { await operation.UpdateStatusAsync(Cancel); return operation; },
                o => o.HasCompleted, "the redwood pool to be ready", Cancel, seconds: 60)).Value;
            var node = operation.Nodes[0].Id!;
            var firstRun = await ReadAsync(definition.Id, node, BatchClient.StartTaskStdOutPath);
            var launchesAfterFirst = await ReadAsync(definition.Id, node, "shared/" + JuliaStandInServer.LaunchLog);

            await Client.RebootNodeAsync(definition.Id, node, cancellationToken: Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(300));
            await Poll.UntilAsync(() => NodeAsync(definition.Id, node),
                n => n.State == BatchNodeState.Idle && n.StartTaskInfo?.State == BatchStartTaskState.Completed, "the rebooted node", Cancel);
            var secondRun = await ReadAsync(definition.Id, node, BatchClient.StartTaskStdOutPath);
            var launchesAfterSecond = await ReadAsync(definition.Id, node, "shared/" + JuliaStandInServer.LaunchLog);

            Assert.Equal(redwood.EffectiveNodeCount, pool.CurrentDedicatedNodes);
            Assert.Equal(redwood.EffectiveNodeCount, internet.ReleaseDownloads);
            Assert.Contains("installed", firstRun, StringComparison.Ordinal);
            Assert.DoesNotContain("already installed", firstRun, StringComparison.Ordinal);
            Assert.Single(launchesAfterFirst.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var program = await ReadAsync(definition.Id, node, "shared/" + JuliaStandInServer.ArgumentsFile);
            Assert.Contains("Pkg.add([PackageSpec(name = \"IterativeSolvers\")])", program, StringComparison.Ordinal);
            Assert.Contains("import JOLI", program, StringComparison.Ordinal);
            Assert.Contains("already installed", secondRun, StringComparison.Ordinal);
            Assert.Equal(launchesAfterFirst, launchesAfterSecond);
            Assert.Equal(redwood.EffectiveNodeCount, internet.ReleaseDownloads);
            var launcher = Path.Combine(_fixture.NodesDirectory, definition.Id, node, "shared", "clusterlesshpc", "bin", "julia");
            Assert.True(File.Exists(launcher));
        }

        private async Task<BatchNode> NodeAsync(string id, string node) => (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value;

        private async Task<string> ReadAsync(string id, string node, string path) =>
            (await Client.GetNodeFileAsync(id, node, path, cancellationToken: Cancel)).Value.ToString();
    }
}
