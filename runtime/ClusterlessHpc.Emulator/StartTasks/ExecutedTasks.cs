using System;
using System.ComponentModel;
using System.Diagnostics;
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
            var outcome = Task.Run(() => RunAsync(launch, cancellation.Token));
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
                var failure = await _nodes.Downloader.DownloadAsync(launch.Spec.ResourceFiles ?? [], paths.WorkingDirectory, uid, cancellationToken).ConfigureAwait(false);
                if (failure is not null) return Outcome(null, failure);

                if (!CommandLineSplitter.TrySplit(launch.Spec.CommandLine, out var arguments) || arguments.Count == 0)
                {
                    return Outcome(null, Failure("CommandLaunchFailed", "The command line cannot be split into arguments: it has an unclosed quote or is empty."));
                }
                var program = Sandbox.ResolveProgram(arguments[0], paths.WorkingDirectory);
                if (program is null)
                {
                    return Outcome(null, Failure("CommandProgramNotFound", $"The program '{arguments[0]}' was not found in the working directory or on the PATH."));
                }
                var resolved = new string[arguments.Count];
                resolved[0] = program;
                for (var i = 1; i < arguments.Count; i++) resolved[i] = arguments[i];

                var environment = sandbox.Environment(launch, _nodes.Account.Name, _nodes.Account.Url);
                using var process = Process.Start(Sandbox.StartInfo(sandbox, uid, resolved, environment, image, paths))
                                    ?? throw new InvalidOperationException("The task's process did not start.");
                try
                {
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Kill(process);
                    throw;
                }
                return Outcome(process.ExitCode, null);
            }
            catch (OperationCanceledException)
            {
                return Outcome(null, Failure("TaskEnded", "The task was stopped before it ended."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception or InvalidOperationException)
            {
                _logger.LogError(e, "Task {TaskId} of job {JobId} could not run.", launch.TaskId, launch.JobId);
                return Outcome(null, Failure("CommandLaunchFailed", "The emulator could not launch the task: " + e.Message));
            }
        }

        private TaskOutcome Outcome(int? exitCode, BatchTaskFailureInfo? failure) => new(exitCode, failure, _clock.GetUtcNow());

        private static BatchTaskFailureInfo Failure(string code, string message) =>
            new() { Category = BatchErrorSourceCategory.UserError, Code = code, Message = message };

        private static void Kill(Process process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
        }
    }
}
