using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>bash -n runs once per distinct script, however many pools carry it.</summary>
    public sealed class SyntaxCheckCacheTests : IClassFixture<ManualClockEmulatorFixture>
    {
        private readonly ManualClockEmulatorFixture _fixture;

        public SyntaxCheckCacheTests(ManualClockEmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Two_pools_with_the_same_script_cause_one_check_and_a_different_script_another()
        {
            var script = $"echo same-{Guid.NewGuid():N}\n";
            var before = _fixture.Emulator.SyntaxChecksRun;
            var first = TestPools.UniqueId("cache");
            var second = TestPools.UniqueId("cache");
            var third = TestPools.UniqueId("cache");

            await _fixture.Client.CreatePoolAsync(TestPools.Create(first, dedicatedNodes: 1, TestPools.Inline(script)), Cancel);
            await _fixture.Client.CreatePoolAsync(TestPools.Create(second, dedicatedNodes: 1, TestPools.Inline(script)), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            foreach (var id in new[] { first, second })
            {
                await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State == BatchNodeState.Idle, Cancel);
            }
            var afterSame = _fixture.Emulator.SyntaxChecksRun;
            await _fixture.Client.CreatePoolAsync(TestPools.Create(third, dedicatedNodes: 1, TestPools.Inline(script + "echo other\n")), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            await TestPools.WaitForNodesAsync(_fixture.Client, third, n => n.State == BatchNodeState.Idle, Cancel);

            Assert.Equal(before + 1, afterSame);
            Assert.Equal(before + 2, _fixture.Emulator.SyntaxChecksRun);
        }
    }
}
