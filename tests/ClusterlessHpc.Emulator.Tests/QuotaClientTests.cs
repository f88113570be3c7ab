using Azure;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>An account with a small node quota.</summary>
    public sealed class QuotaEmulatorFixture : ConfigurableEmulatorFixture
    {
        public const int Quota = 5;

        protected override void Configure(BatchEmulatorOptions options)
        {
            options.DedicatedNodeQuota = Quota;
            options.LowPriorityNodeQuota = Quota;
        }
    }

    /// <summary>Resizes beyond the account's quota: the service accepts them and reports a resize error.</summary>
    public sealed class QuotaClientTests : IClassFixture<QuotaEmulatorFixture>
    {
        private readonly QuotaEmulatorFixture _fixture;

        public QuotaClientTests(QuotaEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private ClusterlessHpc.Batch.BatchClient Client => _fixture.Client;

        private async Task<BatchPool> PoolAsync(string id) => (await Client.GetPoolAsync(id, Cancel)).Value;

        [Fact]
        public async Task A_resize_beyond_the_quota_stops_there_with_AccountCoreQuotaReached_and_the_ready_operation_fails_with_it()
        {
            var id = TestPools.UniqueId("quota");

            var operation = await Client.StartCreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1000), Cancel);
            _fixture.Clock.Advance(ManualClockEmulatorFixture.Creating + ManualClockEmulatorFixture.Starting);
            var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(20), Cancel));
            var pool = await PoolAsync(id);

            Assert.Equal("AccountCoreQuotaReached", error.ErrorCode);
            Assert.Equal(1000, pool.TargetDedicatedNodes);
            Assert.Equal(QuotaEmulatorFixture.Quota, pool.CurrentDedicatedNodes);
            Assert.Equal("AccountCoreQuotaReached", Assert.Single(pool.ResizeErrors!).Code);
        }
    }
}
