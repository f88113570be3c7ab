using System;
using System.Collections.Generic;
using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>The result of one task of an add-collection request: its versions, or why it was not added.</summary>
    public sealed record TaskAddResult(string TaskId, Versions? Versions, PoolModelException? Error);

    /// <summary>
    /// Tasks: add one or a collection (each task on its own: one that exists or breaks a rule does not stop the others),
    /// read, terminate and delete, and their files. Running them is the scheduler's (<c>PoolModel.Scheduler.cs</c>).
    /// </summary>
    public sealed partial class PoolModel
    {
        /// <exception cref="PoolModelException"><c>JobNotFound</c>, <c>JobCompleted</c>, <c>JobBeingDeleted</c>, <c>TaskExists</c>, or a rule of <see cref="JobRules"/>.</exception>
        public Versions AddTask(string jobId, TaskSpec spec)
        {
            JobRules.CheckTask(spec);
            return ChangeAccount(now =>
            {
                var job = FindJob(jobId);
                RequireJobActive(job);
                return Add(job, spec, now);
            });
        }

        /// <summary>Adds each task that can be added; the job must take tasks at all.</summary>
        /// <exception cref="PoolModelException"><c>JobNotFound</c>, <c>JobCompleted</c> or <c>JobBeingDeleted</c>, for the whole request.</exception>
        public IReadOnlyList<TaskAddResult> AddTasks(string jobId, IReadOnlyList<TaskSpec> specs) =>
            ChangeAccount(now =>
            {
                var job = FindJob(jobId);
                RequireJobActive(job);
                var results = new List<TaskAddResult>(specs.Count);
                foreach (var spec in specs)
                {
                    try
                    {
                        JobRules.CheckTask(spec);
                        results.Add(new TaskAddResult(spec.Id, Add(job, spec, now), null));
                    }
                    catch (PoolModelException refusal)
                    {
                        results.Add(new TaskAddResult(spec.Id, null, refusal));
                    }
                }
                return (IReadOnlyList<TaskAddResult>)results;
            });

        /// <exception cref="PoolModelException"><c>JobNotFound</c>, <c>TaskNotFound</c>, or the failed condition.</exception>
        public T ReadTask<T>(string jobId, string taskId, PoolPrecondition? condition, Func<SimulatedJob, SimulatedTask, DateTimeOffset, T> read) =>
            ChangeAccount(now =>
            {
                var (job, task) = FindTask(jobId, taskId);
                condition?.Invoke(task.ETag, task.LastModified);
                return read(job, task, now);
            }, changes: false);

        /// <summary>Ends the task: an active one never runs, a running one stops; it completes, failed with <c>TaskEnded</c>.</summary>
        /// <exception cref="PoolModelException"><c>TaskCompleted</c> for a task that has completed already.</exception>
        public Versions TerminateTask(string jobId, string taskId, PoolPrecondition? condition) =>
            ChangeAccount(now =>
            {
                var (job, task) = FindTask(jobId, taskId);
                condition?.Invoke(task.ETag, task.LastModified);
                if (job.Phase == JobPhase.Deleting) throw ModelErrors.JobBeingDeleted();
                if (task.Phase == TaskPhase.Completed) throw ModelErrors.TaskCompleted();
                EndTask(job, task, now, null, TaskFailures.EndedByUser());
                return new Versions(task.ETag, task.LastModified);
            });

        /// <summary>Deletes the task in any state, with its files on its node (whatever its retention time).</summary>
        public void DeleteTask(string jobId, string taskId, PoolPrecondition? condition) =>
            ChangeAccount(now =>
            {
                var (job, task) = FindTask(jobId, taskId);
                condition?.Invoke(task.ETag, task.LastModified);
                if (job.Phase == JobPhase.Deleting) throw ModelErrors.JobBeingDeleted();
                RemoveTask(job, task, now);
                ModifiedJob(job, now);
                CompleteIfAllTasksDone(job, now);
                return 0;
            });

        /// <summary>
        /// The files of a task's directory (<c>workitems/JOB/job-1/TASK</c> on its node), named relative to it. A simulated
        /// task's directory holds an empty <c>stdout.txt</c> and <c>stderr.txt</c> and its <c>wd</c>; an executed one's is on disk.
        /// </summary>
        /// <exception cref="PoolModelException"><c>TaskNotFound</c>, or <c>OperationInvalidForCurrentState</c> when the task has not run or its node has gone.</exception>
        public TaskFiles FilesOf(string jobId, string taskId) =>
            ChangeAccount(now =>
            {
                var (job, task) = FindTask(jobId, taskId);
                if (task.NodeId is null || task.PoolId is null) throw ModelErrors.TaskFilesUnavailable("The task has not run on a node yet.");
                var node = _pools.TryGetValue(task.PoolId, out var pool) ? pool.Nodes.FirstOrDefault(n => n.Id == task.NodeId) : null;
                if (node is null || node.Phase == NodePhase.Preempted && node.Files.IsSimulated)
                {
                    throw ModelErrors.TaskFilesUnavailable($"The node {task.NodeId} the task ran on is no longer in the pool.");
                }
                return new TaskFiles(node.Files, TaskFiles.DirectoryOf(job.Id, task.Id), task.StartTime ?? now, task.EndTime ?? now,
                    SimulatedOn(pool!));
            }, changes: false);

        private Versions Add(SimulatedJob job, TaskSpec spec, DateTimeOffset now)
        {
            if (job.ById.ContainsKey(spec.Id)) throw ModelErrors.TaskExists();
            var task = new SimulatedTask
            {
                Spec = spec,
                Sequence = job.NextSequence++,
                CreationTime = now,
                LastModified = now,
                ETag = NextETag(now),
                StateTransitionTime = now,
            };
            job.Add(task);
            job.Tally.Add(task, +1);
            job.Queue.Add(task);
            return new Versions(task.ETag, task.LastModified);
        }

        private (SimulatedJob Job, SimulatedTask Task) FindTask(string jobId, string taskId)
        {
            var job = FindJob(jobId);
            return (job, job.ById.TryGetValue(taskId, out var task) ? task : throw ModelErrors.TaskNotFound());
        }

        /// <summary>Takes a task out of its job: stopped if it runs, its files removed from its node.</summary>
        private void RemoveTask(SimulatedJob job, SimulatedTask task, DateTimeOffset at)
        {
            if (task.Phase == TaskPhase.Running) StopAttempt(task, at);
            job.Tally.Add(task, -1);
            job.Remove(task);
            if (task.NodeId is { } nodeId && task.PoolId is { } poolId)
            {
                if (_taskRunner is not null) _taskRunner.Delete(poolId, nodeId, job.Id, task.Id);
                if (_pools.TryGetValue(poolId, out var pool) && pool.Nodes.FirstOrDefault(n => n.Id == nodeId) is { } node)
                {
                    // Its data no longer holds a node that leaves once its tasks' data is gone.
                    CheckRetention(pool, node, at, except: task);
                }
            }
        }
    }

    /// <summary>A task's directory on its node: the node's files, the directory's path there, and the times its output files carry when simulated.</summary>
    public sealed record TaskFiles(INodeFiles NodeFiles, string Directory, DateTimeOffset Started, DateTimeOffset Ended, bool Simulated)
    {
        /// <summary>Where the Batch agent puts a task's directory, below the node's root.</summary>
        public static string DirectoryOf(string jobId, string taskId) => $"workitems/{jobId}/job-1/{taskId}";

        /// <summary>The entries of the directory (named relative to it), only those directly in it unless <paramref name="recursive"/>.</summary>
        public IReadOnlyList<NodeFileEntry> List(bool recursive)
        {
            if (Simulated)
            {
                return
                [
                    new NodeFileEntry("stderr.txt", false, Started, Ended, 0, "0100644"),
                    new NodeFileEntry("stdout.txt", false, Started, Ended, 0, "0100644"),
                    new NodeFileEntry("wd", true, Started, Started, 0, null),
                ];
            }
            var prefix = Directory + "/";
            return NodeFiles.List(recursive: true)
                .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(e => e with { Name = e.Name[prefix.Length..] })
                .Where(e => recursive || !e.Name.Contains('/', StringComparison.Ordinal))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
        }

        public NodeFileEntry? Find(string path) => List(recursive: true).FirstOrDefault(e => e.Name == path.Trim('/'));

        public byte[] Read(string path) => Simulated ? [] : NodeFiles.Read(Directory + "/" + path.Trim('/'));
    }
}
