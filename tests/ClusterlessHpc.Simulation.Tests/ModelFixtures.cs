using System.Threading;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>Pools, settings and a start-task runner for driving the model directly, with no host around it.</summary>
    internal static class ModelFixtures
    {
        public static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

        public static readonly TimeSpan Creating = TimeSpan.FromMinutes(2);
        public static readonly TimeSpan Starting = TimeSpan.FromMinutes(1);
        public static readonly TimeSpan StartTask = TimeSpan.FromMinutes(3);
        public static readonly TimeSpan Leaving = TimeSpan.FromMinutes(1);

        /// <summary>Minutes-long delays, as in the cloud, so a day is many node lifetimes.</summary>
        public static PoolModelSettings Settings(int dedicatedQuota = 5000) => new()
        {
            AccountName = "model",
            NodeCreatingDelay = Creating,
            NodeStartingDelay = Starting,
            NodeRebootingDelay = TimeSpan.FromMinutes(1),
            NodeReimagingDelay = TimeSpan.FromMinutes(2),
            NodeLeavingDelay = Leaving,
            StopResizeDelay = TimeSpan.FromSeconds(30),
            PoolDeleteDelay = TimeSpan.FromMinutes(1),
            EnableAutoScaleMinimumInterval = TimeSpan.FromSeconds(30),
            DedicatedNodeQuota = dedicatedQuota,
            LowPriorityNodeQuota = 5000,
        };

        public static PoolModel Model(ManualClock clock, int dedicatedQuota = 5000) =>
            new(Settings(dedicatedQuota), clock, new InstantStartTasks(StartTask));

        public static BatchPoolCreateOptions Pool(string id, int? dedicated = null, string? formula = null, TimeSpan? interval = null) => new()
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            StartTask = new BatchStartTask { CommandLine = "/bin/bash -c 'true'", WaitForSuccess = true },
            TargetDedicatedNodes = formula is null ? dedicated ?? 0 : null,
            EnableAutoScale = formula is not null,
            AutoScaleFormula = formula,
            AutoScaleEvaluationInterval = interval,
        };

        public static int Count(SimulatedPool pool, BatchNodeState state) => pool.Nodes.Count(n => n.State == state);
    }

    /// <summary>Start tasks that succeed, known at once, each taking the same time on the model's clock.</summary>
    internal sealed class InstantStartTasks : IStartTaskRunner
    {
        public InstantStartTasks(TimeSpan duration) => MinimumDuration = duration;

        public TimeSpan MinimumDuration { get; }

        public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) => new VirtualNodeFiles(now);

        public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at) =>
            new(at, Task.FromResult(new StartTaskOutcome(0, null, DateTimeOffset.MinValue)), new CancellationTokenSource());

        public void Dispose()
        {
        }
    }
}
