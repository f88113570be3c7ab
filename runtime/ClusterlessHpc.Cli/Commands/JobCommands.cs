using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc jobs</c>, <c>chpc tasks JOB</c>, <c>chpc task logs JOB TASK [--stderr-only] [--tail N]</c> and
    /// <c>chpc job delete JOB</c>, each with <c>--json</c>: the jobs <c>chpc run</c> (or <see cref="PoolJobRunner"/>) made and
    /// their tasks.
    /// </summary>
    internal static class JobCommands
    {
        private static readonly string[] JobHeaders = ["Job", "Pool", "State", "Owner", "Source"];
        private static readonly string[] TaskHeaders = ["Task", "State", "Exit code", "Node", "Failure"];

        public static Command Jobs(CliConsole console)
        {
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("jobs", "List the account's jobs: pool, state, and for jobs chpc ran, the pool's source.") { json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account, async (client, _) =>
            {
                var jobs = new List<BatchJob>();
                await foreach (var job in client.GetJobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) jobs.Add(job);
                jobs.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
                if (parsed.GetValue(json))
                {
                    JsonOutput.Write(console, new JsonObject
                    {
                        ["jobs"] = JsonOutput.Array(jobs.Select(j => JsonSerializer.SerializeToNode(j, BatchJson.TypeInfo<BatchJob>()))),
                    });
                }
                else if (jobs.Count == 0)
                {
                    console.Output.WriteLine("The account has no jobs.");
                }
                else
                {
                    TableWriter.Write(console, OutputModes.For(console, false), JobHeaders, jobs.Select(j => (IReadOnlyList<string>)
                    [
                        j.Id ?? "?",
                        j.PoolInfo?.PoolId ?? "",
                        j.State?.ToString() ?? "?",
                        Metadata(j, PoolJobRunner.OwnerMetadata),
                        Metadata(j, RunCommand.SourceMetadata),
                    ]).ToList());
                }
                return ExitCodes.Done;
            }, cancellationToken));
            return command;
        }

        public static Command Tasks(CliConsole console)
        {
            var jobArgument = JobArgument();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("tasks", "List a job's tasks: state, exit code, node and failure.") { jobArgument, json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account, async (client, _) =>
            {
                var jobId = parsed.GetRequiredValue(jobArgument);
                var tasks = new List<BatchTask>();
                await foreach (var task in client.GetTasksAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false)) tasks.Add(task);
                if (parsed.GetValue(json))
                {
                    JsonOutput.Write(console, new JsonObject
                    {
                        ["jobId"] = jobId,
                        ["tasks"] = JsonOutput.Array(tasks.Select(t => JsonSerializer.SerializeToNode(t, BatchJson.TypeInfo<BatchTask>()))),
                    });
                }
                else if (tasks.Count == 0)
                {
                    console.Output.WriteLine($"Job '{jobId}' has no tasks.");
                }
                else
                {
                    TableWriter.Write(console, OutputModes.For(console, false), TaskHeaders, tasks.Select(JobViews.Row).ToList());
                }
                return ExitCodes.Done;
            }, cancellationToken));
            return command;
        }

        /// <summary><c>chpc task logs JOB TASK</c>: the task's stdout.txt and stderr.txt.</summary>
        public static Command Task(CliConsole console)
        {
            var jobArgument = JobArgument();
            var taskArgument = new Argument<string>(TaskArgumentName) { Description = "The task id (chpc tasks JOB lists them)." };
            UsageErrors.RejectEmptyOrOptionLikeValues(taskArgument);
            var stderrOnly = new Option<bool>("--stderr-only") { Description = "Only the task's standard error." };
            var tail = CommonOptions.Count("--tail", "Only the last N lines of each file.");
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var logs = new Command("logs", "Print a task's output: stdout.txt and stderr.txt.") { jobArgument, taskArgument, stderrOnly, tail, json };
            account.AddTo(logs);
            logs.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, _) => LogsAsync(console, client, parsed.GetRequiredValue(jobArgument), parsed.GetRequiredValue(taskArgument),
                    parsed.GetValue(stderrOnly), parsed.GetValue(tail), parsed.GetValue(json), cancellationToken), cancellationToken));
            return new Command("task", "Work with one task of a job.") { logs };
        }

        /// <summary><c>chpc job delete JOB</c>: deletes the job and its tasks (running ones are stopped).</summary>
        public static Command Job(CliConsole console)
        {
            var jobArgument = JobArgument();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var delete = new Command("delete", "Delete a job and its tasks; running tasks are stopped.") { jobArgument, json };
            account.AddTo(delete);
            delete.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account, async (client, _) =>
            {
                var jobId = parsed.GetRequiredValue(jobArgument);
                // The job must exist: deleting a name that never was is a mistake worth telling (JobNotFound, exit 2).
                var job = (await client.GetJobAsync(jobId, select: ["id", "poolInfo"], cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                // Deleting uses nothing of the application's delivery and storage (Provisioners.CreateJobRunner), whose
                // misconfiguration must not stop a cleanup.
                await new PoolJobRunner(client).DeleteJobAsync(new PoolJob(jobId, job.PoolInfo?.PoolId ?? ""), cancellationToken).ConfigureAwait(false);
                if (parsed.GetValue(json)) JsonOutput.Write(console, new JsonObject { ["jobId"] = jobId, ["deleted"] = true });
                else console.Output.WriteLine($"Job '{jobId}' is being deleted with its tasks.");
                return ExitCodes.Done;
            }, cancellationToken));
            return new Command("job", "Work with one job.") { delete };
        }

        /// <summary>The names of the arguments that hold a job id and a task id.</summary>
        public const string JobArgumentName = "JOB", TaskArgumentName = "TASK";

        private static Argument<string> JobArgument()
        {
            var job = new Argument<string>(JobArgumentName) { Description = "The job id (chpc jobs lists them)." };
            UsageErrors.RejectEmptyOrOptionLikeValues(job);
            return job;
        }

        private static string Metadata(BatchJob job, string name) => job.Metadata?.FirstOrDefault(m => m.Name == name)?.Value ?? "";

        private static async Task<int> LogsAsync(
            CliConsole console, BatchClient client, string jobId, string taskId, bool stderrOnly, int? tail, bool json, CancellationToken cancellationToken)
        {
            // Fails with JobNotFound or TaskNotFound before any file is read.
            await client.GetTaskAsync(jobId, taskId, select: ["id", "state"], cancellationToken: cancellationToken).ConfigureAwait(false);
            var paths = stderrOnly ? new[] { BatchClient.TaskStdErrPath } : new[] { BatchClient.TaskStdOutPath, BatchClient.TaskStdErrPath };
            var files = new List<(string Path, string? Text)>();
            foreach (var path in paths)
            {
                string? text;
                try
                {
                    text = (await client.GetTaskFileAsync(jobId, taskId, path, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ToString();
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    text = null;
                }
                files.Add((path, text is null || tail is null ? text : LogsCommand.Tail(text, tail.Value)));
            }
            if (json)
            {
                var document = new JsonObject { ["jobId"] = jobId, ["taskId"] = taskId };
                foreach (var (path, text) in files) document[path == BatchClient.TaskStdOutPath ? "stdout" : "stderr"] = text;
                JsonOutput.Write(console, document);
                return ExitCodes.Done;
            }
            foreach (var (path, text) in files)
            {
                if (files.Count > 1) console.Output.WriteLine($"==> {path} <==");
                if (text is null)
                {
                    console.Error.WriteLine($"{path}: task '{taskId}' has none (it has not run yet)");
                    continue;
                }
                if (text.Length == 0) console.Error.WriteLine($"{path}: empty");
                console.Output.Write(text);
                if (text.Length > 0 && !text.EndsWith('\n')) console.Output.WriteLine();
            }
            return ExitCodes.Done;
        }
    }
}
