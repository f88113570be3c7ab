using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Runs work on a declared pool, as <see cref="PoolProvisioner"/> makes the pool: start a job on it
    /// (<see cref="StartJobAsync"/>), add tasks (<see cref="AddTasksAsync"/>: command lines, local Julia scripts and Julia
    /// expressions, any number), wait with progress (<see cref="WaitAsync"/>: tasks by state, nodes by state), read each
    /// task's result (<see cref="GetResultsAsync"/>), and terminate or delete the job. <see cref="RunAsync"/> does it all
    /// in one call. A cancelled or failed step says what it left behind.
    /// </summary>
    public partial class PoolJobRunner
    {
        /// <summary>The job metadata that names ClusterlessHpc as the job's owner.</summary>
        public const string OwnerMetadata = Rules.PoolSettingsRules.ReservedMetadataPrefix + "owner";

        /// <summary>The job metadata that tells one start of a job from another (so a lost answer is recognised).</summary>
        public const string StartMetadata = Rules.PoolSettingsRules.ReservedMetadataPrefix + "start";

        /// <summary>The job metadata naming the assembly or parameters file its pool was declared in, when the caller gives one.</summary>
        public const string SourceMetadata = Rules.PoolSettingsRules.ReservedMetadataPrefix + "source";

        private readonly BatchClient _client;
        private readonly PoolJobRunnerOptions _options;

        public PoolJobRunner(BatchClient client, PoolJobRunnerOptions? options = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? new PoolJobRunnerOptions();
        }

        /// <summary>For mocking.</summary>
        protected PoolJobRunner()
        {
            _client = null!;
            _options = new PoolJobRunnerOptions();
        }

        private TimeProvider Time => _options.TimeProvider ?? TimeProvider.System;

        /// <summary>
        /// Starts a job on the declared pool, which must exist (apply it first). <paramref name="jobId"/> defaults to
        /// <c>&lt;pool&gt;-&lt;UTC yyyyMMddTHHmmss&gt;</c>. The job carries <see cref="OwnerMetadata"/> and
        /// <paramref name="metadata"/>; it does nothing when its tasks complete until <see cref="RunAsync"/> (or an update of
        /// <see cref="BatchJob.OnAllTasksComplete"/>) says so, so tasks can be added in several calls.
        /// </summary>
        /// <exception cref="InvalidOperationException">The pool does not exist.</exception>
        /// <exception cref="RequestFailedException">The service refused the job (<c>JobExists</c> for an id in use, ...).</exception>
        public virtual async Task<PoolJob> StartJobAsync(
            PoolDefinition pool, string? jobId = null, IEnumerable<KeyValuePair<string, string>>? metadata = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pool);
            ArgumentException.ThrowIfNullOrEmpty(pool.Id, nameof(pool));
            var id = jobId ?? DefaultJobId(pool.Id, Time.GetUtcNow());
            if (!(await _client.PoolExistsAsync(pool.Id, cancellationToken: cancellationToken).ConfigureAwait(false)).Value)
            {
                throw new InvalidOperationException($"Pool '{pool.Id}' does not exist: apply it first (PoolProvisioner.ApplyAsync, or chpc apply), then start the job.");
            }
            var start = Guid.NewGuid().ToString("N");
            var items = new List<BatchMetadataItem>
            {
                new() { Name = OwnerMetadata, Value = "ClusterlessHpc" },
                new() { Name = StartMetadata, Value = start },
            };
            items.AddRange((metadata ?? []).Select(m => new BatchMetadataItem { Name = m.Key, Value = m.Value }));
            var request = new BatchJobCreateOptions { Id = id, PoolInfo = new BatchPoolInfo { PoolId = pool.Id }, Metadata = items };
            try
            {
                await _client.CreateJobAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "JobExists")
            {
                // Either the id is taken, or the create went through, its answer was lost and the pipeline's retry found
                // the job this call made: the start mark tells which.
                if (!await IsThisStartAsync(id, start, cancellationToken).ConfigureAwait(false)) throw;
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    $"Starting job '{id}' on pool '{pool.Id}' was cancelled; the job may have been created with no tasks: delete it (chpc job delete {id}) or add tasks to it.",
                    e, cancellationToken);
            }
            return new PoolJob(id, pool.Id) { Pool = pool };
        }

        /// <summary>
        /// Adds tasks to the job, any number (<see cref="BatchClient.CreateTasksAsync"/>: the service's 100-task, 1 MiB
        /// requests, only failures retried, a task already there with the same definition counted as added). Adding the
        /// same tasks again after a failure or a cancellation finishes the job's task list safely.
        /// </summary>
        /// <exception cref="InvalidOperationException">A Julia task for a pool that declares no Julia.</exception>
        /// <exception cref="System.IO.IOException">A Julia script could not be read (the message names it and its task).</exception>
        /// <exception cref="Delivery.ScriptDeliveryException">A script too large to travel inline, and no blob storage configured.</exception>
        /// <exception cref="CreateTasksException">Some tasks were refused; the exception names each.</exception>
        public virtual async Task<CreateTasksResult> AddTasksAsync(PoolJob job, IEnumerable<TaskDefinition> tasks, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            ArgumentNullException.ThrowIfNull(tasks);
            var requests = await new TaskRequestBuilder(job, _options).BuildAsync(tasks, cancellationToken).ConfigureAwait(false);
            try
            {
                return await _client.CreateTasksAsync(job.Id, requests, _options.CreateTasks, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    $"Adding {requests.Count} task(s) to job '{job.Id}' was cancelled; some may have been added and may run. " +
                    "Add the same tasks again to finish (tasks already there count as added), or terminate or delete the job.",
                    e, cancellationToken);
            }
        }

        /// <summary>
        /// Waits until every task of the job is complete, reporting the tasks by state and the pool's nodes by state
        /// after each poll that changed them, then returns each task's result (<see cref="GetResultsAsync"/>).
        /// </summary>
        public virtual async Task<IReadOnlyList<JobTaskResult>> WaitAsync(PoolJob job, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            var operation = new BatchJobTasksOperation(_client, job.Id, Time);
            var started = Time.GetUtcNow();
            string? last = null;
            async ValueTask ReportAsync(CancellationToken token)
            {
                if (progress is null || operation.LastCounts is not { } counts) return;
                var report = new JobProgress(job, counts.TaskCounts, await NodesByStateAsync(job.PoolId, token).ConfigureAwait(false), Time.GetUtcNow() - started);
                var text = report.ToString();
                if (text != last || operation.HasCompleted) progress.Report(report);
                last = text;
            }
            try
            {
                // A poll that failed after the client's own retries is a missed poll, not a failed wait: the job runs on.
                await OperationPolling.PollAsync(operation, OperationPolling.Backoff(_options.FirstPollDelay, _options.MaxPollDelay), Time, cancellationToken,
                    ReportAsync, e => TransientFailures.IsTransient(e, cancellationToken)).ConfigureAwait(false);
                await ReportAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    $"Waiting for job '{job.Id}' was cancelled; the job and its tasks keep running: wait again, or terminate or delete it.", e, cancellationToken);
            }
            return await GetResultsAsync(job, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Each task's result, in the service's order: state, exit code, node, times, retries, and for a failed task its
        /// failure and the last <see cref="PoolJobRunnerOptions.StderrTailLines"/> lines of its <c>stderr.txt</c>.
        /// </summary>
        public virtual async Task<IReadOnlyList<JobTaskResult>> GetResultsAsync(PoolJob job, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            var tasks = new List<BatchTask>();
            await foreach (var task in _client.GetTasksAsync(job.Id, select: ["id", "state", "executionInfo", "nodeInfo"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                tasks.Add(task);
            }
            var results = new List<JobTaskResult>(tasks.Count);
            foreach (var task in tasks)
            {
                var execution = task.ExecutionInfo;
                var completed = task.State == BatchTaskState.Completed;
                var succeeded = completed && execution?.FailureInfo is null && execution?.ExitCode == 0;
                results.Add(new JobTaskResult
                {
                    TaskId = task.Id ?? "",
                    State = task.State,
                    Succeeded = succeeded,
                    ExitCode = execution?.ExitCode,
                    NodeId = task.NodeInfo?.NodeId,
                    StartTime = execution?.StartTime,
                    EndTime = execution?.EndTime,
                    RetryCount = execution?.RetryCount ?? 0,
                    Failure = execution?.FailureInfo,
                    StderrTail = completed && !succeeded && task.NodeInfo is not null
                        ? await StderrTailAsync(job.Id, task.Id!, cancellationToken).ConfigureAwait(false)
                        : null,
                });
            }
            return results;
        }

        /// <summary>Terminates the job: running tasks are stopped, and no task runs or can be added any more.</summary>
        public virtual async Task TerminateJobAsync(PoolJob job, string? reason = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            try
            {
                await _client.TerminateJobAsync(job.Id, reason is null ? null : new BatchJobTerminateOptions { TerminateReason = reason },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode is "JobCompleted" or "JobTerminating")
            {
                // Already ended: what the call asked for holds.
            }
        }

        /// <summary>Deletes the job and its tasks (running ones are stopped first); a job already gone is not an error.</summary>
        public virtual async Task DeleteJobAsync(PoolJob job, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(job);
            try
            {
                await _client.DeleteJobAsync(job.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode is "JobNotFound" or "JobBeingDeleted")
            {
            }
        }

        /// <summary>
        /// Starts a job on the pool, adds the tasks, sets the job to terminate once they are all complete, waits with
        /// progress and returns each task's result. When adding fails or is cancelled, the job is terminated (nothing of
        /// it keeps running) and the exception says so. <paramref name="metadata"/> goes on the job beside the owner's.
        /// </summary>
        public virtual async Task<IReadOnlyList<JobTaskResult>> RunAsync(
            PoolDefinition pool, IEnumerable<TaskDefinition> tasks, IProgress<JobProgress>? progress = null, string? jobId = null,
            IEnumerable<KeyValuePair<string, string>>? metadata = null, CancellationToken cancellationToken = default)
        {
            var job = await StartJobAsync(pool, jobId, metadata, cancellationToken).ConfigureAwait(false);
            try
            {
                await AddTasksAsync(job, tasks, cancellationToken).ConfigureAwait(false);
                await _client.UpdateJobAsync(job.Id, new BatchJobUpdateOptions { OnAllTasksComplete = OnAllBatchTasksComplete.TerminateJob },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var ended = await TryTerminateAsync(job, "ClusterlessHpc: adding the tasks did not finish").ConfigureAwait(false);
                var what = ended ? $"job '{job.Id}' was terminated, so none of its tasks runs" : $"job '{job.Id}' could not be terminated and may run the tasks added: terminate or delete it";
                if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException($"Running tasks on pool '{pool.Id}' was cancelled while adding them; {what}.", e, cancellationToken);
                }
                throw new InvalidOperationException($"Adding the tasks to job '{job.Id}' failed ({e.Message}); {what}.", e);
            }
            return await WaitAsync(job, progress, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The default job id: the pool's id (shortened to fit) and the UTC time to the second.</summary>
        public static string DefaultJobId(string poolId, DateTimeOffset now)
        {
            var stamp = "-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            return poolId[..Math.Min(poolId.Length, Rules.ServiceLimits.MaxJobIdLength - stamp.Length)] + stamp;
        }

        private async Task<bool> IsThisStartAsync(string jobId, string start, CancellationToken cancellationToken)
        {
            var job = (await _client.GetJobAsync(jobId, select: ["id", "metadata"], cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return job.Metadata?.Any(m => m.Name == StartMetadata && m.Value == start) == true;
        }

        private async Task<bool> TryTerminateAsync(PoolJob job, string reason)
        {
            // The caller's token may be cancelled: ending what was started gets its own, bounded one.
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await TerminateJobAsync(job, reason, bound.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException)
            {
                return false;
            }
        }

        private async Task<IReadOnlyDictionary<BatchNodeState, int>> NodesByStateAsync(string poolId, CancellationToken cancellationToken)
        {
            var counts = new Dictionary<BatchNodeState, int>();
            await foreach (var node in _client.GetNodesAsync(poolId, select: ["id", "state"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var state = node.State ?? BatchNodeState.Unknown;
                counts[state] = counts.GetValueOrDefault(state) + 1;
            }
            return counts;
        }

        /// <summary>The last lines of a task's stderr.txt (its last 64 KiB read), or null when it has none or it cannot be read.</summary>
        private async Task<string?> StderrTailAsync(string jobId, string taskId, CancellationToken cancellationToken)
        {
            const long TailBytes = 64 * 1024;
            try
            {
                var length = (await _client.GetTaskFilePropertiesAsync(jobId, taskId, BatchClient.TaskStdErrPath, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ContentLength;
                if (length == 0) return null;
                HttpRange? range = length > TailBytes ? new HttpRange(length - TailBytes) : null;
                var content = (await _client.GetTaskFileAsync(jobId, taskId, BatchClient.TaskStdErrPath, range, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                // A read from the middle of the file starts inside a line: that part line is dropped.
                return TextTail.LastLines(content.ToString(), _options.StderrTailLines, startsMidLine: range is not null);
            }
            catch (RequestFailedException)
            {
                return null;
            }
        }
    }
}
