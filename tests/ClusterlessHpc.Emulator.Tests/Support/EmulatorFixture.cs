using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>One emulator on the real clock, shared by the tests of a class.</summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public BatchEmulator Emulator { get; private set; } = null!;

        public BatchClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions());
            Client = new BatchClient(Emulator.Endpoint, Emulator.Credential);
        }

        public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
    }

    /// <summary>
    /// One emulator on a <see cref="ManualClock"/>, shared by the tests of a class. Its start-task seam makes every
    /// node of a pool whose id starts with <see cref="SeamPoolPrefix"/> exit with <see cref="SeamExitCode"/>.
    /// </summary>
    public sealed class ManualClockEmulatorFixture : IAsyncLifetime
    {
        public const string SeamPoolPrefix = "seam-";
        public const int SeamExitCode = 3;

        public static readonly TimeSpan Creating = TimeSpan.FromMilliseconds(300);
        public static readonly TimeSpan Starting = TimeSpan.FromMilliseconds(300);
        public static readonly TimeSpan StartTask = TimeSpan.FromMilliseconds(400);
        public static readonly TimeSpan Deleting = TimeSpan.FromMilliseconds(200);

        internal ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        public BatchEmulator Emulator { get; private set; } = null!;

        public BatchClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                TimeProvider = Clock,
                NodeCreatingDelay = Creating,
                NodeStartingDelay = Starting,
                StartTaskDelay = StartTask,
                PoolDeleteDelay = Deleting,
                StartTaskExitCode = (poolId, _) => poolId.StartsWith(SeamPoolPrefix, StringComparison.Ordinal) ? SeamExitCode : null,
            });
            Client = new BatchClient(Emulator.Endpoint, Emulator.Credential);
        }

        public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
    }
}
