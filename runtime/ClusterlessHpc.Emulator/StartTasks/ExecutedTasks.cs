using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Tasks that really run (<c>--execute-tasks</c>), on the nodes <see cref="ExecutedStartTasks"/> prepared and in the
    /// same sandbox: each task gets its directory (<c>workitems/JOB/job-1/TASK</c>, with <c>wd</c>, <c>stdout.txt</c> and
    /// <c>stderr.txt</c>), its resource files in its working directory, the <c>AZ_BATCH_*</c> variables the agent sets,
    /// and its command line split into arguments without a shell, its program found in the working directory or the
    /// node's PATH (a Julia task runs through the pool's <c>julia</c> launcher in the node's <c>/usr/local/bin</c>).
    /// </summary>
    internal sealed class ExecutedTasks : ITaskRunner
    {
        private readonly ExecutedStartTasks _nodes;
        private readonly TimeProvider _clock;
        private readonly ILogger _logger;

        public ExecutedTasks(ExecutedStartTasks nodes, TimeProvider clock, ILogger logger)
        {
            _nodes = nodes;
            _clock = clock;
            _logger = logger;
        }

        public TaskAttempt Start(TaskLaunch launch)
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_nodes.Stopping);
            var outcome = _nodes.Track(Task.Run(() => RunAsync(launch, cancellation.Token)));
            return new TaskAttempt(outcome, cancellation);
        }

        public void Delete(string poolId, string nodeId, string jobId, string taskId)
        {
            var directory = new NodeSandbox(_nodes.NodesDirectory, poolId, nodeId).TaskDirectory(jobId, taskId);
            try
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(e, "The directory of task {TaskId} of job {JobId} could not be removed.", taskId, jobId);
            }
        }

        private async Task<TaskOutcome> RunAsync(TaskLaunch launch, CancellationToken cancellationToken)
        {
            var sandbox = new NodeSandbox(_nodes.NodesDirectory, launch.PoolId, launch.NodeId);
            var uid = _nodes.UidOf(launch.NodeNumber);
            var image = uid is null ? null : _nodes.Images.FolderFor(launch.ImageId);
            var directory = sandbox.TaskDirectory(launch.JobId, launch.TaskId);
            var paths = new Sandbox.ProcessPaths(Path.Combine(directory, "wd"), Path.Combine(directory, "stdout.txt"), Path.Combine(directory, "stderr.txt"));
            try
            {
                // A retry starts in the same directory, with fresh output files.
                Directory.CreateDirectory(paths.WorkingDirectory);
                File.WriteAllBytes(paths.StdOut, []);
                File.WriteAllBytes(paths.StdErr, []);
                if (uid is { } owner) Sandbox.ChangeOwner(directory, owner, recursive: true);
                var environment = sandbox.Environment(launch, _nodes.Account.Name, _nodes.Account.Url);
                var (exitCode, failure) = await SandboxedCommand.RunAsync(
                    _nodes.Downloader, launch.Spec.ResourceFiles ?? [], launch.Spec.CommandLine, sandbox, uid, image, paths, environment, "task",
                    cancellationToken).ConfigureAwait(false);
                return Outcome(exitCode, failure);
            }
            catch (OperationCanceledException)
            {
                return Outcome(null, SandboxedCommand.Failure("TaskEnded", "The task was stopped before it ended."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception or InvalidOperationException)
            {
                _logger.LogError(e, "Task {TaskId} of job {JobId} could not run.", launch.TaskId, launch.JobId);
                return Outcome(null, SandboxedCommand.Failure("CommandLaunchFailed", "The emulator could not launch the task: " + e.Message));
            }
        }

        private TaskOutcome Outcome(int? exitCode, BatchTaskFailureInfo? failure) => new(exitCode, failure, _clock.GetUtcNow());
    }
}
