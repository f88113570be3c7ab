using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.NodeFiles;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Start tasks that really run, each node in its <see cref="NodeSandbox"/>: resource files are downloaded, the
    /// command line is split into arguments without a shell (as the Batch agent does), its program is found in the
    /// working directory or the node's PATH, and the program runs through <see cref="Sandbox"/>. The exit code is the
    /// outcome. Windows pools cannot run here and are simulated.
    /// </summary>
    internal sealed class ExecutedStartTasks : IStartTaskRunner
    {
        private readonly SimulatedStartTasks _windows;
        private readonly string _nodesDirectory;
        private readonly int _uidBase;
        private readonly bool _confined;
        private readonly TimeProvider _clock;
        private readonly ILogger _logger;
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };
        private readonly ResourceFileDownloader _downloader;
        private readonly CancellationTokenSource _stopping = new();

        // The attempts (start tasks and tasks) still running, so that stopping the emulator waits until their processes are gone.
        private readonly ConcurrentDictionary<Task, byte> _running = new();

        /// <summary>How long stopping the emulator waits for its nodes' processes to be killed.</summary>
        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(15);

        // confined: whether each node runs as its own user in a private mount namespace (Sandbox.IsRoot, or a test's
        // answer); the host tells the user once when it does not (EmulatorNotices).
        public ExecutedStartTasks(
            SimulatedStartTasks windows, string nodesDirectory, int uidBase, bool confined, TimeProvider clock, ILogger logger)
        {
            _windows = windows;
            _nodesDirectory = Path.GetFullPath(nodesDirectory);
            _uidBase = uidBase;
            _clock = clock;
            _logger = logger;
            _downloader = new ResourceFileDownloader(_http);
            _confined = confined;
            Directory.CreateDirectory(_nodesDirectory);
        }

        /// <summary>Whether each node runs as its own user in a private mount namespace, rather than as the emulator's user.</summary>
        public bool Confined => _confined;

        /// <summary>The files custom images bring, laid over their nodes' filesystems (as root only).</summary>
        public NodeImages Images { get; init; } = NodeImages.None;

        /// <summary>The emulator's account, for <c>AZ_BATCH_ACCOUNT_NAME</c> and <c>AZ_BATCH_ACCOUNT_URL</c> (known once it listens).</summary>
        public (string Name, string Url) Account { get; set; } = ("", "");

        public TimeSpan MinimumDuration => TimeSpan.Zero;

        public string NodesDirectory => _nodesDirectory;

        /// <summary>The user id node <paramref name="nodeNumber"/>'s processes run as, or null when nodes are not confined.</summary>
        public int? UidOf(int nodeNumber) => _confined ? _uidBase + nodeNumber : null;

        /// <summary>Downloads resource files (shared with executed tasks, which fetch theirs the same way).</summary>
        internal ResourceFileDownloader Downloader => _downloader;

        /// <summary>Cancelled when the emulator stops, so every process of its nodes ends with it.</summary>
        internal CancellationToken Stopping => _stopping.Token;

        public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) =>
            isWindows ? _windows.CreateFiles(poolId, nodeId, isWindows, now) : new DiskNodeFiles(new NodeSandbox(_nodesDirectory, poolId, nodeId).Root);

        public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at)
        {
            if (launch.IsWindows) return _windows.Start(launch, at);
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var outcome = Track(Task.Run(() => RunAsync(launch, cancellation.Token)));
            return new StartTaskAttempt(at, outcome, cancellation);
        }

        /// <summary>
        /// Stops every process of the nodes (start tasks and tasks) and waits until they are gone, so that neither a
        /// restarted emulator (its state file) nor whoever deletes the nodes folder next meets them still running.
        /// </summary>
        public void Dispose()
        {
            _stopping.Cancel();
            try
            {
                if (!Task.WaitAll(_running.Keys.ToArray(), StopWait))
                {
                    _logger.LogWarning("Some processes of the emulator's nodes were still ending {Seconds} s after it stopped them.", StopWait.TotalSeconds);
                }
            }
            catch (AggregateException e)
            {
                // An attempt that failed in a way it did not foresee has ended all the same; it was reported where it failed.
                _logger.LogDebug(e, "An attempt ended with an error while the emulator stopped.");
            }
            _http.Dispose();
        }

        /// <summary>Keeps <paramref name="attempt"/> among the running ones until it ends.</summary>
        internal Task<T> Track<T>(Task<T> attempt)
        {
            _running.TryAdd(attempt, 0);
            attempt.ContinueWith(ended => _running.TryRemove(ended, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return attempt;
        }

        private async Task<StartTaskOutcome> RunAsync(StartTaskLaunch launch, CancellationToken cancellationToken)
        {
            var sandbox = new NodeSandbox(_nodesDirectory, launch.PoolId, launch.NodeId);
            int? uid = _confined ? _uidBase + launch.NodeNumber : null;
            var image = Images.FolderFor(launch.ImageId);
            if (image is not null && !_confined)
            {
                _logger.LogWarning("The files of image {ImageId} are not laid over node {NodeId}: that needs the emulator to run as root.", launch.ImageId, launch.NodeId);
                image = null;
            }
            try
            {
                sandbox.Prepare(uid, image);
                File.WriteAllBytes(sandbox.StdOut, []);
                File.WriteAllBytes(sandbox.StdErr, []);
                var environment = sandbox.Environment(launch, Account.Name, Account.Url);
                var paths = new Sandbox.ProcessPaths(sandbox.WorkingDirectory, sandbox.StdOut, sandbox.StdErr);
                var (exitCode, failure) = await SandboxedCommand.RunAsync(
                    _downloader, launch.StartTask.ResourceFiles ?? [], launch.StartTask.CommandLine, sandbox, uid, image, paths, environment, "start task",
                    cancellationToken).ConfigureAwait(false);
                return Outcome(exitCode, failure);
            }
            catch (OperationCanceledException)
            {
                return Outcome(null, SandboxedCommand.Failure("TaskEnded", "The start task was stopped: its node left the pool, rebooted or was reimaged."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception or InvalidOperationException)
            {
                _logger.LogError(e, "The start task of node {NodeId} could not run.", launch.NodeId);
                return Outcome(null, SandboxedCommand.Failure("CommandLaunchFailed", "The emulator could not launch the start task: " + e.Message));
            }
        }

        private StartTaskOutcome Outcome(int? exitCode, BatchTaskFailureInfo? failure) => new(exitCode, failure, _clock.GetUtcNow());
    }
}
