using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// What a runner needs to run one attempt of a task on its node: the ids that make its directory
    /// (<c>workitems/JOB/job-1/TASK</c>), its command line and resource files, and its environment (the job's common
    /// settings with the task's own on top); <paramref name="ImageId"/> is the pool's custom image, as for start tasks.
    /// </summary>
    public sealed record TaskLaunch(
        string PoolId,
        string NodeId,
        int NodeNumber,
        bool IsDedicated,
        string JobId,
        string TaskId,
        TaskSpec Spec,
        IReadOnlyDictionary<string, string> Environment,
        INodeFiles Files,
        string? ImageId = null);

    /// <summary>How an executed attempt ended: an exit code, or a failure before the command ran; and when, on the model's clock.</summary>
    public sealed record TaskOutcome(int? ExitCode, BatchTaskFailureInfo? FailureInfo, DateTimeOffset KnownAt);

    /// <summary>An executed attempt in flight: its outcome (the task never faults) and a way to stop it.</summary>
    public sealed class TaskAttempt
    {
        private readonly CancellationTokenSource _cancellation;

        public TaskAttempt(Task<TaskOutcome> outcome, CancellationTokenSource cancellation)
        {
            Outcome = outcome;
            _cancellation = cancellation;
        }

        public Task<TaskOutcome> Outcome { get; }

        /// <summary>Kills the process; the outcome then completes.</summary>
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

    /// <summary>
    /// Runs tasks for real (the emulator's <c>--execute-tasks</c>). Without one, and on Windows pools, tasks are simulated:
    /// their duration and exit code come from their environment (<see cref="SimulatedTaskRun"/>).
    /// </summary>
    public interface ITaskRunner
    {
        TaskAttempt Start(TaskLaunch launch);

        /// <summary>Removes a task's directory from its node (the task or its job was deleted, or its retention ended).</summary>
        void Delete(string poolId, string nodeId, string jobId, string taskId);
    }
}
