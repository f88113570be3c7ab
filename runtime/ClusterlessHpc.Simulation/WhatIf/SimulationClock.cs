using System;

namespace ClusterlessHpc.Simulation
{
    /// <summary>The simulation's virtual clock: it stands still until the simulation moves it.</summary>
    internal sealed class SimulationClock : TimeProvider
    {
        public SimulationClock(DateTimeOffset start) => Now = start;

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Simulated pools have no start task; should one be asked for, it succeeds at once.</summary>
    internal sealed class NoStartTasks : IStartTaskRunner
    {
        public TimeSpan MinimumDuration => TimeSpan.Zero;

        public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) => new VirtualNodeFiles(now);

        public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at) =>
            new(at, System.Threading.Tasks.Task.FromResult(new StartTaskOutcome(0, null, at)), new System.Threading.CancellationTokenSource());

        public void Dispose()
        {
        }
    }
}
