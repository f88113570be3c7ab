using System;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// What a runner needs to run one attempt of a node's start task. <paramref name="ImageId"/> is the pool's gallery
    /// or managed image id, when it has one (the emulator lays its image files over the node).
    /// </summary>
    public sealed record StartTaskLaunch(
        string PoolId,
        string NodeId,
        int NodeNumber,
        bool IsDedicated,
        bool IsWindows,
        BatchStartTask StartTask,
        INodeFiles Files,
        int? ExitCodeOverride,
        string? ImageId = null);

    /// <summary>
    /// How an attempt ended: an exit code, or a failure before the command ran (a resource file that did not download,
    /// a program that does not exist), and when that was known on the model's clock.
    /// </summary>
    public sealed record StartTaskOutcome(int? ExitCode, BatchTaskFailureInfo? FailureInfo, DateTimeOffset KnownAt)
    {
        public bool Succeeded => ExitCode == 0 && FailureInfo is null;
    }

    /// <summary>One attempt in flight: its outcome (the task never faults) and a way to stop it.</summary>
    public sealed class StartTaskAttempt
    {
        private readonly CancellationTokenSource _cancellation;

        public StartTaskAttempt(DateTimeOffset startedAt, Task<StartTaskOutcome> outcome, CancellationTokenSource cancellation)
        {
            StartedAt = startedAt;
            Outcome = outcome;
            _cancellation = cancellation;
        }

        /// <summary>When the attempt began on the model's clock.</summary>
        public DateTimeOffset StartedAt { get; }

        public Task<StartTaskOutcome> Outcome { get; }

        /// <summary>Kills the process (Execute mode); the outcome then completes.</summary>
        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already over.
            }
        }
    }

    /// <summary>Runs start-task attempts: simulated, or executed in a sandbox.</summary>
    public interface IStartTaskRunner : IDisposable
    {
        /// <summary>The least time an attempt takes on the model's clock (simulated runs take the start-task delay).</summary>
        TimeSpan MinimumDuration { get; }

        /// <summary>The node files of a new node.</summary>
        INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now);

        StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at);
    }
}
