using System.Collections.Concurrent;
using System.Diagnostics;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using Microsoft.Extensions.Time.Testing;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>
/// The provisioner and the emulator on one manual clock: nodes take minutes to boot and pools to go, the waits sleep
/// on the same clock, and the test moves it on only when a wait asks to sleep. On the real clock this would take over
/// a quarter of an hour; the test gives it 60 s.
/// </summary>
public sealed class VirtualTimeTests
{
    private static readonly TimeSpan Minutes = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Apply_resize_and_delete_wait_on_the_given_clock_only()
    {
        var clock = new SleepWatchingClock();
        await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            TimeProvider = clock,
            NodeCreatingDelay = 3 * Minutes,
            NodeStartingDelay = 2 * Minutes,
            StartTaskDelay = 4 * Minutes,
            NodeLeavingDelay = 1 * Minutes,
            PoolDeleteDelay = 2 * Minutes,
        });
        var client = new BatchClient(emulator.Endpoint, emulator.Credential);
        var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions
        {
            TimeProvider = clock,
            FirstPollDelay = TimeSpan.FromSeconds(5),
            MaxPollDelay = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromHours(1),
        });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var real = Stopwatch.StartNew();
        var started = clock.GetUtcNow();
        var reports = new List<ProvisioningProgress>();

        var applied = await clock.RunAsync(
            () => provisioner.ApplyAsync(new PoolDefinition { Id = "virtual-time", NodeCount = 2 }, new SyncProgress(reports), deadline.Token),
            deadline.Token);
        var appliedAt = clock.GetUtcNow();
        var resized = await clock.RunAsync(() => provisioner.ResizeAsync("virtual-time", 3, cancellationToken: deadline.Token), deadline.Token);
        var resizedAt = clock.GetUtcNow();
        await clock.RunAsync(async () => { await provisioner.DeleteAsync("virtual-time", deadline.Token); return true; }, deadline.Token);

        Assert.Equal(2, applied.CurrentDedicatedNodes);
        Assert.Equal(3, resized.CurrentDedicatedNodes);
        Assert.False((await client.PoolExistsAsync("virtual-time")).Value);
        // Booting takes 3 + 2 + 4 minutes of the clock: the apply waited for it on the clock, as its progress says.
        Assert.True(appliedAt - started >= 9 * Minutes, $"apply took {appliedAt - started} of the clock");
        Assert.True(reports[^1].Elapsed >= 9 * Minutes, $"the apply reported {reports[^1].Elapsed}");
        Assert.Equal(ProvisioningStage.Ready, reports[^1].Stage);
        Assert.True(resizedAt - appliedAt >= 9 * Minutes, $"resize took {resizedAt - appliedAt} of the clock");
        Assert.True(clock.GetUtcNow() - resizedAt >= 2 * Minutes, $"delete took {clock.GetUtcNow() - resizedAt} of the clock");
        // Every sleep was on the clock, so the real time is only the requests'.
        Assert.True(real.Elapsed < clock.GetUtcNow() - started, $"real {real.Elapsed}, clock {clock.GetUtcNow() - started}");
        Assert.All(clock.Sleeps, s => Assert.InRange(s, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(36)));
    }

    [Fact]
    public async Task The_ready_operation_waits_on_its_clock_with_the_given_delays()
    {
        var clock = new SleepWatchingClock();
        await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            TimeProvider = clock,
            NodeCreatingDelay = 3 * Minutes,
            NodeStartingDelay = 2 * Minutes,
        });
        var client = new BatchClient(emulator.Endpoint, emulator.Credential);
        await client.CreatePoolAsync(new BatchPoolCreateOptions { Id = "op-clock", VmSize = "standard_d2s_v3", TargetDedicatedNodes = 1,
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
        });
        var created = clock.GetUtcNow();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var operation = new BatchPoolReadyOperation(client, "op-clock", clock);

        var pool = await clock.RunAsync(async () => (await operation.WaitForCompletionAsync(TimeSpan.FromMinutes(1), deadline.Token)).Value, deadline.Token);

        Assert.Equal(1, pool.CurrentDedicatedNodes);
        // Azure.Core's fixed strategy adds up to 20 % jitter either way.
        Assert.All(clock.Sleeps, s => Assert.InRange(s, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72)));
        // No start task: a node is idle 3 + 2 minutes after the create, some five polls a minute apart.
        Assert.InRange(clock.Sleeps.Count, 4, 7);
        Assert.True(clock.GetUtcNow() - created >= 5 * Minutes, $"ready after {clock.GetUtcNow() - created} of the clock");
    }

    /// <summary>
    /// A manual clock that records each short sleep asked of it (a wait's poll delay; long timers are timeouts) and
    /// moves on by exactly that much, and only while the work is asleep.
    /// </summary>
    private sealed class SleepWatchingClock : FakeTimeProvider
    {
        private readonly SemaphoreSlim _asleep = new(0);
        private readonly ConcurrentQueue<TimeSpan> _pending = new();

        public SleepWatchingClock() : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
        }

        public List<TimeSpan> Sleeps { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromMinutes(10) && period == Timeout.InfiniteTimeSpan)
            {
                _pending.Enqueue(dueTime);
                _asleep.Release();
            }
            return timer;
        }

        public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
        {
            var task = work();
            while (true)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var asleep = _asleep.WaitAsync(stop.Token);
                if (await Task.WhenAny(task, asleep) == task)
                {
                    // Give back a sleep this wait took as the work ended, for the next run to see.
                    stop.Cancel();
                    if (await asleep.ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default)) _asleep.Release();
                    return await task;
                }
                await asleep;
                _pending.TryDequeue(out var sleep);
                lock (Sleeps) Sleeps.Add(sleep);
                Advance(sleep);
            }
        }
    }

    private sealed class SyncProgress(List<ProvisioningProgress> reports) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value) => reports.Add(value);
    }
}
