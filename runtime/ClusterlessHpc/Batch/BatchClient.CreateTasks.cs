using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>Adding any number of tasks: split into the service's add-collection requests, retrying only what failed.</summary>
    public partial class BatchClient
    {
        /// <summary>The most tasks one add-task-collection request may carry (<see cref="Rules.ServiceLimits.MaxTasksPerCollection"/>).</summary>
        public const int MaxTasksPerRequest = Rules.ServiceLimits.MaxTasksPerCollection;

        /// <summary>One add-task-collection request's body must be smaller than this (<see cref="Rules.ServiceLimits.MaxTaskCollectionBytes"/>).</summary>
        public const int MaxTaskCollectionBytes = Rules.ServiceLimits.MaxTaskCollectionBytes;

        private static readonly byte[] CollectionStart = "{\"value\":["u8.ToArray();
        private static readonly byte[] CollectionEnd = "]}"u8.ToArray();

        /// <summary>
        /// Adds tasks to a job, as many as given: in add-task-collection requests of at most
        /// <see cref="MaxTasksPerRequest"/> tasks and under <see cref="MaxTaskCollectionBytes"/>, several in flight
        /// (<see cref="CreateTasksOptions.MaxDegreeOfParallelism"/>). What failed is sent again, and only that: a task the
        /// service failed on its side (<c>servererror</c>), or every task of a request that failed transiently or lost its
        /// answer. A <c>TaskExists</c> answer counts as done when the task there has the same definition, so calling again
        /// after any failure is safe; with another definition it is a failure naming the task. A request too large for
        /// the service is split. Anything not added in the end (refused, or still failing after
        /// <see cref="CreateTasksOptions.MaxAttempts"/>) is a <see cref="CreateTasksException"/> naming each task; a
        /// failure of the job itself (<c>JobNotFound</c>, <c>JobCompleted</c>) ends the call with the service's error.
        /// </summary>
        /// <exception cref="ArgumentException">Two tasks share an id (ignoring case, as the service does), a task has no id, or one task alone is too large for a request.</exception>
        public virtual async Task<CreateTasksResult> CreateTasksAsync(
            string jobId, IEnumerable<BatchTaskCreateOptions> tasks, CreateTasksOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(jobId);
            ArgumentNullException.ThrowIfNull(tasks);
            options ??= new CreateTasksOptions();
            options.Validate();
            var all = Serialize(tasks);

            using var scope = _diagnostics.CreateScope("CreateTasks");
            try
            {
                return await new TaskAdder(this, jobId, all, options).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                scope.Failed(e);
                throw;
            }
        }

        /// <summary>Each task's wire JSON, once; checks ids and sizes before anything is sent.</summary>
        private static List<PendingTask> Serialize(IEnumerable<BatchTaskCreateOptions> tasks)
        {
            var all = new List<PendingTask>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var task in tasks)
            {
                if (task is null) throw new ArgumentException($"Task {all.Count} of the tasks to add is null.", nameof(tasks));
                if (string.IsNullOrEmpty(task.Id)) throw new ArgumentException($"Task {all.Count} of the tasks to add has no id.", nameof(tasks));
                if (!ids.Add(task.Id)) throw new ArgumentException($"Task id '{task.Id}' is given twice (task ids are unique in a job, ignoring case).", nameof(tasks));
                var json = JsonSerializer.SerializeToUtf8Bytes(task, BatchJsonContext.Default.BatchTaskCreateOptions);
                if (CollectionStart.Length + json.Length + CollectionEnd.Length >= MaxTaskCollectionBytes)
                {
                    throw new ArgumentException(
                        $"Task '{task.Id}' is {json.Length:N0} bytes as JSON; one add request must stay under {MaxTaskCollectionBytes:N0} bytes " +
                        "(move large inputs into resource files).", nameof(tasks));
                }
                all.Add(new PendingTask(all.Count, task, json));
            }
            return all;
        }

        /// <summary>The tasks, in order, cut into requests of at most <see cref="MaxTasksPerRequest"/> tasks and under <see cref="MaxTaskCollectionBytes"/>.</summary>
        private static List<List<PendingTask>> Chunk(IEnumerable<PendingTask> tasks, int maxTasks = MaxTasksPerRequest, int maxBytes = MaxTaskCollectionBytes)
        {
            var chunks = new List<List<PendingTask>>();
            List<PendingTask>? current = null;
            var size = 0;
            foreach (var task in tasks)
            {
                // A comma before every task but the first.
                var added = (current is { Count: > 0 } ? 1 : 0) + task.Json.Length;
                if (current is null || current.Count == maxTasks || size + added >= maxBytes)
                {
                    current = [];
                    chunks.Add(current);
                    size = CollectionStart.Length + CollectionEnd.Length;
                    added = task.Json.Length;
                }
                current.Add(task);
                size += added;
            }
            return chunks;
        }

        private static byte[] CollectionBody(IReadOnlyList<PendingTask> chunk)
        {
            var length = CollectionStart.Length + CollectionEnd.Length + chunk.Sum(t => t.Json.Length) + Math.Max(0, chunk.Count - 1);
            var body = new byte[length];
            var at = 0;
            void Write(byte[] bytes)
            {
                bytes.CopyTo(body, at);
                at += bytes.Length;
            }
            Write(CollectionStart);
            for (var i = 0; i < chunk.Count; i++)
            {
                if (i > 0) body[at++] = (byte)',';
                Write(chunk[i].Json);
            }
            Write(CollectionEnd);
            return body;
        }

        private async Task<BatchTaskAddCollectionResult> SendTaskCollectionAsync(string jobId, IReadOnlyList<PendingTask> chunk, CancellationToken cancellationToken)
        {
            using var message = CreateMessage(RequestMethod.Post, JobPath(jobId) + "/addtaskcollection", 200);
            message.Request.Headers.SetValue("Content-Type", JsonContentType);
            message.Request.Content = RequestContent.Create(CollectionBody(chunk));
            var response = await SendAsync("CreateTaskCollection", message, BatchJsonContext.Default.BatchTaskAddCollectionResult, cancellationToken)
                .ConfigureAwait(false);
            return response.Value;
        }

        /// <summary>A task to add, its place in the caller's order, and its wire JSON.</summary>
        private sealed record PendingTask(int Index, BatchTaskCreateOptions Task, byte[] Json);

        /// <summary>One call of <see cref="CreateTasksAsync"/>: rounds of requests until every task is settled.</summary>
        private sealed class TaskAdder
        {
            private readonly BatchClient _client;
            private readonly string _jobId;
            private readonly List<PendingTask> _all;
            private readonly CreateTasksOptions _options;
            private readonly ConcurrentDictionary<int, Outcome> _settled = new();
            private int _requests;

            public TaskAdder(BatchClient client, string jobId, List<PendingTask> all, CreateTasksOptions options)
            {
                _client = client;
                _jobId = jobId;
                _all = all;
                _options = options;
            }

            public async Task<CreateTasksResult> RunAsync(CancellationToken cancellationToken)
            {
                IReadOnlyList<PendingTask> pending = _all;
                var lastErrors = new ConcurrentDictionary<int, BatchErrorBody>();
                for (var attempt = 1; pending.Count > 0; attempt++)
                {
                    if (attempt > 1)
                    {
                        var delay = OperationPolling.NextDelay(_options.RetryDelays ?? CreateTasksOptions.DefaultRetryDelays, null, attempt - 1);
                        await Task.Delay(delay, _options.TimeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
                    }
                    var retry = new ConcurrentBag<PendingTask>();
                    await Parallel.ForEachAsync(
                        Chunk(pending),
                        new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
                        async (chunk, token) => await SendAsync(chunk, retry, lastErrors, token).ConfigureAwait(false)).ConfigureAwait(false);
                    pending = retry.OrderBy(t => t.Index).ToList();
                    if (attempt == _options.MaxAttempts)
                    {
                        foreach (var task in pending)
                        {
                            var error = lastErrors.GetValueOrDefault(task.Index) ?? Error("OperationTimedOut", "The task was not added.");
                            _settled[task.Index] = Outcome.Failed(task, error, BatchTaskAddStatus.ServerError);
                        }
                        break;
                    }
                }
                return Finish();
            }

            /// <summary>Sends one request; what needs sending again goes to <paramref name="retry"/>.</summary>
            private async Task SendAsync(
                IReadOnlyList<PendingTask> chunk, ConcurrentBag<PendingTask> retry, ConcurrentDictionary<int, BatchErrorBody> lastErrors, CancellationToken cancellationToken)
            {
                BatchTaskAddCollectionResult answer;
                try
                {
                    Interlocked.Increment(ref _requests);
                    answer = await _client.SendTaskCollectionAsync(_jobId, chunk, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == 413)
                {
                    if (chunk.Count == 1)
                    {
                        _settled[chunk[0].Index] = Outcome.Failed(chunk[0], Error(e.ErrorCode ?? "RequestBodyTooLarge", e.Message), BatchTaskAddStatus.ClientError);
                        return;
                    }
                    // Larger than the service takes after all: halve it and send both halves now.
                    var half = chunk.Count / 2;
                    await SendAsync(chunk.Take(half).ToList(), retry, lastErrors, cancellationToken).ConfigureAwait(false);
                    await SendAsync(chunk.Skip(half).ToList(), retry, lastErrors, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (IsTransient(e, cancellationToken))
                {
                    // The request may have been processed or not: send every task again; any that got in answer TaskExists.
                    var error = Error(LastCode(e) ?? "RequestFailed", e.Message);
                    foreach (var task in chunk)
                    {
                        lastErrors[task.Index] = error;
                        retry.Add(task);
                    }
                    return;
                }

                var results = new Dictionary<string, BatchTaskAddResult>(StringComparer.OrdinalIgnoreCase);
                foreach (var result in answer.Value ?? []) results[result.TaskId] = result;
                foreach (var task in chunk)
                {
                    if (!results.TryGetValue(task.Task.Id, out var result))
                    {
                        // No answer for this task: it may or may not be in; sending it again tells which.
                        lastErrors[task.Index] = Error("OperationTimedOut", "The service's answer did not include this task.");
                        retry.Add(task);
                    }
                    else if (result.Status == BatchTaskAddStatus.Success)
                    {
                        _settled[task.Index] = Outcome.Added(task);
                    }
                    else if (result.Status == BatchTaskAddStatus.ClientError && result.Error?.Code == "TaskExists")
                    {
                        await SettleExistingAsync(task, result, retry, lastErrors, cancellationToken).ConfigureAwait(false);
                    }
                    else if (result.Status == BatchTaskAddStatus.ClientError)
                    {
                        _settled[task.Index] = Outcome.Failed(task, result.Error ?? Error("ClientError", "The service refused the task."), BatchTaskAddStatus.ClientError);
                    }
                    else
                    {
                        lastErrors[task.Index] = result.Error ?? Error("ServerError", "The service failed to add the task.");
                        retry.Add(task);
                    }
                }
            }

            /// <summary>A <c>TaskExists</c>: done when the task there is this one, a failure naming what differs when not.</summary>
            private async Task SettleExistingAsync(
                PendingTask task, BatchTaskAddResult result, ConcurrentBag<PendingTask> retry, ConcurrentDictionary<int, BatchErrorBody> lastErrors,
                CancellationToken cancellationToken)
            {
                BatchTask existing;
                try
                {
                    existing = (await _client.GetTaskAsync(_jobId, task.Task.Id, cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (RequestFailedException e) when (e.Status == 404 || IsTransient(e, cancellationToken))
                {
                    // Deleted since, or not readable now: sending it again settles it.
                    lastErrors[task.Index] = result.Error!;
                    retry.Add(task);
                    return;
                }
                var differences = BatchTaskDefinition.Differences(task.Task, existing);
                _settled[task.Index] = differences.Count == 0
                    ? Outcome.Existed(task)
                    : Outcome.Failed(task, Error("TaskExists",
                        $"Task '{task.Task.Id}' already exists in job '{_jobId}' with another definition (it differs in {string.Join(", ", differences)})."), BatchTaskAddStatus.ClientError);
            }

            private CreateTasksResult Finish()
            {
                var outcomes = _all.Select(t => _settled[t.Index]).ToList();
                var done = new CreateTasksResult(
                    outcomes.Where(o => o.Kind == OutcomeKind.Added).Select(o => o.Task.Task.Id).ToList(),
                    outcomes.Where(o => o.Kind == OutcomeKind.Existed).Select(o => o.Task.Task.Id).ToList(),
                    _requests);
                var failures = outcomes.Where(o => o.Kind == OutcomeKind.Failed).Select(o => o.Result!).ToList();
                if (failures.Count > 0) throw new CreateTasksException(_jobId, _all.Count, failures, done);
                return done;
            }

            private static bool IsTransient(Exception e, CancellationToken cancellationToken) => TransientFailures.IsTransient(e, cancellationToken);

            /// <summary>The Batch error code of a failure, or of the last try of a retried one.</summary>
            private static string? LastCode(Exception e) => e switch
            {
                RequestFailedException failed => failed.ErrorCode,
                AggregateException { InnerExceptions.Count: > 0 } all => LastCode(all.InnerExceptions[^1]),
                _ => null,
            };

            private static BatchErrorBody Error(string code, string message) =>
                new() { Code = code, Message = new BatchErrorMessage { Value = message } };
        }

        private enum OutcomeKind
        {
            Added,
            Existed,
            Failed,
        }

        private sealed record Outcome(PendingTask Task, OutcomeKind Kind, BatchTaskAddResult? Result)
        {
            public static Outcome Added(PendingTask task) => new(task, OutcomeKind.Added, null);

            public static Outcome Existed(PendingTask task) => new(task, OutcomeKind.Existed, null);

            public static Outcome Failed(PendingTask task, BatchErrorBody error, BatchTaskAddStatus status) =>
                new(task, OutcomeKind.Failed, new BatchTaskAddResult { TaskId = task.Task.Id, Status = status, Error = error });
        }
    }
}
