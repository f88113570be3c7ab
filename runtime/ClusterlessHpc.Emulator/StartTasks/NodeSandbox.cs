using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// An executed node's folder, laid out as a Batch node's root directory (<c>applications</c>, <c>fsmounts</c>,
    /// <c>shared</c>, <c>startup</c> with the start task's <c>wd</c>, <c>volatile</c>, <c>workitems</c>), with the
    /// node's private <c>/tmp</c> and home under <c>volatile</c>, and the <c>AZ_BATCH_*</c> variables a start task sees.
    /// </summary>
    internal sealed class NodeSandbox
    {
        /// <summary>The PATH of a Batch Linux node.</summary>
        public const string NodePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

        /// <summary>The name of the user start tasks run as (<c>AZ_BATCH_TASK_USER</c>, and what <c>id -un</c> says in the sandbox).</summary>
        public const string UserName = "_azbatch";

        public NodeSandbox(string nodesDirectory, string poolId, string nodeId)
        {
            NodesDirectory = Path.GetFullPath(nodesDirectory);
            Root = Path.Combine(NodesDirectory, poolId, nodeId);
        }

        public string NodesDirectory { get; }

        /// <summary><c>AZ_BATCH_NODE_ROOT_DIR</c>.</summary>
        public string Root { get; }

        public string Shared => Path.Combine(Root, "shared");

        /// <summary><c>AZ_BATCH_NODE_STARTUP_DIR</c>, which is also the start task's <c>AZ_BATCH_TASK_DIR</c>.</summary>
        public string Startup => Path.Combine(Root, "startup");

        /// <summary><c>AZ_BATCH_TASK_WORKING_DIR</c> of the start task.</summary>
        public string WorkingDirectory => Path.Combine(Startup, "wd");

        public string StdOut => Path.Combine(Root, BatchClient.StartTaskStdOutPath);

        public string StdErr => Path.Combine(Root, BatchClient.StartTaskStdErrPath);

        public string Tmp => Path.Combine(Root, "volatile", "tmp");

        public string Home => Path.Combine(Root, "volatile", "home");

        /// <summary>The node's own <c>/usr/local/bin</c>, writable by its start task as an elevated one's is on a real node.</summary>
        public string LocalBin => Path.Combine(Root, "volatile", "usr", "local", "bin");

        private IEnumerable<string> Directories =>
        [
            Path.Combine(Root, "applications"), Path.Combine(Root, "fsmounts"), Shared, Startup, WorkingDirectory,
            Path.Combine(Startup, "certs"), Path.Combine(Root, "volatile"), Tmp, Home, Path.Combine(Root, "workitems"),
        ];

        /// <summary>
        /// Creates the folders. With a <paramref name="uid"/> (the emulator runs as root) the node's folders belong to
        /// that user and the folders above them are traversable but not listable, so nodes cannot reach each other's files.
        /// A new disk's <c>/usr/local/bin</c> starts with what the image (<paramref name="imageFolder"/>) has there.
        /// </summary>
        public void Prepare(int? uid, string? imageFolder = null)
        {
            if (uid is not null && !Directory.Exists(LocalBin))
            {
                Directory.CreateDirectory(LocalBin);
                NodeImages.CopyLocalBin(imageFolder, LocalBin);
            }
            foreach (var directory in new[] { NodesDirectory, Path.GetDirectoryName(Root)! })
            {
                Directory.CreateDirectory(directory);
                if (!OperatingSystem.IsWindows() && uid is not null)
                {
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                                    UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }
            Directory.CreateDirectory(Root);
            foreach (var directory in Directories) Directory.CreateDirectory(directory);
            if (uid is { } owner) Sandbox.ChangeOwner(Root, owner, recursive: true);
        }

        /// <summary>The start task's environment: the node's variables, then the task's own settings, which win.</summary>
        public IReadOnlyDictionary<string, string> Environment(StartTaskLaunch launch, string accountName, string accountUrl)
        {
            var variables = NodeVariables(launch.PoolId, launch.NodeId, launch.IsDedicated, accountName, accountUrl, Startup, WorkingDirectory, launch.StartTask.UserIdentity);
            foreach (var setting in launch.StartTask.EnvironmentSettings ?? [])
            {
                variables[setting.Name] = setting.Value ?? "";
            }
            return variables;
        }

        /// <summary>A task's directory on the node, as the Batch agent lays it out: <c>workitems/JOB/job-1/TASK</c>.</summary>
        public string TaskDirectory(string jobId, string taskId) => Path.Combine(Root, TaskFiles.DirectoryOf(jobId, taskId));

        /// <summary>
        /// A task's environment: the node's variables with the task's (<c>AZ_BATCH_JOB_ID</c>, <c>AZ_BATCH_TASK_ID</c>, its
        /// directory and working directory), then its job's common settings and its own, which win.
        /// </summary>
        public IReadOnlyDictionary<string, string> Environment(TaskLaunch launch, string accountName, string accountUrl)
        {
            var directory = TaskDirectory(launch.JobId, launch.TaskId);
            var variables = NodeVariables(launch.PoolId, launch.NodeId, launch.IsDedicated, accountName, accountUrl, directory,
                Path.Combine(directory, "wd"), launch.Spec.UserIdentity);
            variables["AZ_BATCH_JOB_ID"] = launch.JobId;
            variables["AZ_BATCH_TASK_ID"] = launch.TaskId;
            variables["AZ_BATCH_TASK_WORKING_DIR"] = Path.Combine(directory, "wd");
            foreach (var (name, value) in launch.Environment) variables[name] = value;
            return variables;
        }

        private Dictionary<string, string> NodeVariables(
            string poolId, string nodeId, bool isDedicated, string accountName, string accountUrl, string taskDirectory, string workingDirectory, UserIdentity? identity) =>
            new(StringComparer.Ordinal)
            {
                ["AZ_BATCH_ACCOUNT_NAME"] = accountName,
                ["AZ_BATCH_ACCOUNT_URL"] = accountUrl,
                ["AZ_BATCH_POOL_ID"] = poolId,
                ["AZ_BATCH_NODE_ID"] = nodeId,
                ["AZ_BATCH_NODE_IS_DEDICATED"] = isDedicated ? "true" : "false",
                ["AZ_BATCH_NODE_ROOT_DIR"] = Root,
                ["AZ_BATCH_NODE_SHARED_DIR"] = Shared,
                ["AZ_BATCH_NODE_STARTUP_DIR"] = Startup,
                ["AZ_BATCH_NODE_STARTUP_WORKING_DIR"] = WorkingDirectory,
                ["AZ_BATCH_NODE_MOUNTS_DIR"] = Path.Combine(Root, "fsmounts"),
                ["AZ_BATCH_TASK_DIR"] = taskDirectory,
                ["AZ_BATCH_TASK_WORKING_DIR"] = workingDirectory,
                ["AZ_BATCH_CERTIFICATES_DIR"] = Path.Combine(Startup, "certs"),
                ["AZ_BATCH_TASK_USER"] = UserName,
                ["AZ_BATCH_TASK_USER_IDENTITY"] = UserIdentity(identity),
                ["HOME"] = Home,
                ["PATH"] = NodePath,
            };

        /// <summary>The identity as the agent names it: <c>PoolNonAdmin</c> by default, or the named user account.</summary>
        private static string UserIdentity(UserIdentity? identity)
        {
            if (identity?.Username is { Length: > 0 } name) return name;
            var scope = identity?.AutoUser?.Scope == AutoUserScope.Task ? "Task" : "Pool";
            var elevation = identity?.AutoUser?.ElevationLevel == ElevationLevel.Admin ? "Admin" : "NonAdmin";
            return scope + elevation;
        }

        /// <summary>True when <paramref name="path"/> is below the node's root (the relative path may not climb out).</summary>
        public bool Contains(string path)
        {
            var full = Path.GetFullPath(path);
            return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }

        /// <summary>The folders a start task must be able to reach, for the traversal check at start.</summary>
        public static IEnumerable<string> Ancestors(string directory) =>
            Enumerable.Repeat(Path.GetFullPath(directory), 1)
                .Concat(AncestorsOf(Path.GetFullPath(directory)));

        private static IEnumerable<string> AncestorsOf(string path)
        {
            for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent)) yield return parent;
        }
    }
}
