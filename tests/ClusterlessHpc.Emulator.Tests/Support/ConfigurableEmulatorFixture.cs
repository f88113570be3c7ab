using ClusterlessHpc.Batch;
using Azure.Core;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>
    /// One emulator on a <see cref="ManualClock"/> per test class, with the timings of <see cref="ManualClockEmulatorFixture"/>;
    /// a derived fixture changes the options it needs. The client retries quickly, so faults cost little time.
    /// </summary>
    public abstract class ConfigurableEmulatorFixture : IAsyncLifetime
    {
        internal ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        public BatchEmulator Emulator { get; private set; } = null!;

        public BatchClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var options = new BatchEmulatorOptions
            {
                TimeProvider = Clock,
                NodeCreatingDelay = ManualClockEmulatorFixture.Creating,
                NodeStartingDelay = ManualClockEmulatorFixture.Starting,
                StartTaskDelay = ManualClockEmulatorFixture.StartTask,
                PoolDeleteDelay = ManualClockEmulatorFixture.Deleting,
            };
            Configure(options);
            Emulator = await BatchEmulator.StartAsync(options);
            Client = new BatchClient(Emulator.Endpoint, Emulator.Credential, ClientOptions());
        }

        public virtual async ValueTask DisposeAsync() => await Emulator.DisposeAsync();

        protected virtual void Configure(BatchEmulatorOptions options)
        {
        }

        internal static BatchClientOptions ClientOptions()
        {
            var options = new BatchClientOptions();
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
            options.Retry.Mode = RetryMode.Fixed;
            return options;
        }
    }

    /// <summary>The plain configuration.</summary>
    public sealed class DefaultEmulatorFixture : ConfigurableEmulatorFixture;
}
