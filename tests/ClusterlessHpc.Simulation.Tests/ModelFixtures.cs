using ClusterlessHpc.Batch.Models;

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

        /// <summary>The time a new node takes to be idle.</summary>
        public static readonly TimeSpan Boot = Creating + Starting + StartTask;

        /// <summary>A model with one pool whose nodes are idle: <paramref name="nodes"/> nodes of <paramref name="slots"/> slots, spread or pack.</summary>
        public static PoolModel ReadyPool(ManualClock clock, string id, int nodes, int slots = 1, string fill = "spread", PoolModelSettings? settings = null, int lowPriority = 0)
        {
            var model = new PoolModel(settings ?? Settings(), clock, new InstantStartTasks(StartTask));
            var spec = Pool(id, dedicated: nodes);
            spec.TargetLowPriorityNodes = lowPriority;
            spec.TaskSlotsPerNode = slots;
            spec.TaskSchedulingPolicy = new BatchTaskSchedulingPolicy { NodeFillType = fill };
            model.Add(spec);
            clock.Advance(Boot);
            model.Advance();
            return model;
        }

        public static JobSpec Job(string id, string poolId, string? onAllTasksComplete = null, int? maxTaskRetryCount = null) => new()
        {
            Id = id,
            PoolInfo = new PoolInfoSpec { PoolId = poolId },
            OnAllTasksComplete = onAllTasksComplete,
            Constraints = maxTaskRetryCount is null ? null : new JobConstraintsSpec { MaxTaskRetryCount = maxTaskRetryCount },
        };

        /// <summary>A task that runs <paramref name="duration"/> (the simulated default of 10 s when null) and exits with <paramref name="exitCode"/>.</summary>
        public static TaskSpec Task(string id, string? duration = null, int? exitCode = null, int? slots = null, int? maxRetries = null, TimeSpan? maxWallClockTime = null, TimeSpan? retention = null)
        {
            var environment = new List<EnvironmentSetting>();
            if (duration is not null) environment.Add(new EnvironmentSetting { Name = SimulatedTaskRun.DurationVariable, Value = duration });
            if (exitCode is not null) environment.Add(new EnvironmentSetting { Name = SimulatedTaskRun.ExitCodeVariable, Value = exitCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return new TaskSpec
            {
                Id = id,
                CommandLine = "/bin/bash -c 'echo " + id + "'",
                EnvironmentSettings = environment,
                RequiredSlots = slots,
                Constraints = maxRetries is null && maxWallClockTime is null && retention is null
                    ? null
                    : new TaskConstraintsSpec { MaxTaskRetryCount = maxRetries, MaxWallClockTime = maxWallClockTime, RetentionTime = retention },
            };
        }

        /// <summary>The tasks of a job as (id, phase, node, start, end), read under the model's lock.</summary>
        public static List<(string Id, TaskPhase Phase, string? Node, DateTimeOffset? Start, DateTimeOffset? End)> Tasks(PoolModel model, string jobId) =>
            model.ReadJob(jobId, null, (job, _) => job.Tasks.Select(t => (t.Id, t.Phase, t.NodeId, t.StartTime, t.EndTime)).ToList());

        public static SimulatedTask TaskOf(PoolModel model, string jobId, string taskId) => model.ReadTask(jobId, taskId, null, (_, task, _) => task);

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
