using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Cli.Pools;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc run POOL [--job ID] [--tasks N] [--env NAME=VALUE]... [--assembly PATH | --parameters FILE] [--json] -- COMMAND...</c>:
    /// starts a job on the pool with N copies of the command (each told its <c>CHPC_TASK_INDEX</c> and
    /// <c>CHPC_TASK_COUNT</c>), through <see cref="PoolJobRunner.RunAsync"/>, showing tasks and nodes by state until every
    /// task is complete, then each task's result. Exit 2 when a task failed.
    /// </summary>
    internal static class RunCommand
    {
        /// <summary>The job metadata naming the assembly or parameters file the pool was declared in.</summary>
        public const string SourceMetadata = PoolJobRunner.SourceMetadata;

        public const string TaskIndexVariable = "CHPC_TASK_INDEX";
        public const string TaskCountVariable = "CHPC_TASK_COUNT";

        private static readonly string[] Headers = ["Task", "State", "Exit code", "Node", "Failure"];

        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var commandLine = new Argument<string[]>("COMMAND")
            {
                Description = "The command each task runs, after --: run without a shell (use /bin/bash -c '...' for shell features).",
                Arity = ArgumentArity.OneOrMore,
            };
            var job = new Option<string?>("--job") { Description = "The job id (default: <pool>-<UTC yyyyMMddTHHmmss>).", HelpName = "ID" };
            job.Validators.Add(result =>
            {
                // The service's job id rule, checked before anything is created, naming the option and the value.
                if (result.GetValueOrDefault<string?>() is { } id && !ServiceLimits.IsValidJobId(id))
                {
                    result.AddError($"--job '{id}' is not a job id: 1 to {ServiceLimits.MaxJobIdLength} letters, digits, hyphens and underscores.");
                }
            });
            var tasks = CommonOptions.Count("--tasks", "How many copies of the command to run (default 1).", minimum: 1, maximum: 100_000);
            var env = new Option<string[]>("--env") { Description = "An environment variable of every task, NAME=VALUE; may be repeated.", HelpName = "NAME=VALUE" };
            var assembly = new Option<string?>("--assembly") { Description = "The assembly that declares the pool: Julia pools are checked against it, and the job names it.", HelpName = "PATH" };
            var parameters = new Option<string?>("--parameters") { Description = "The AzureClusterlessHPC.jl parameters.json that declares the pool (the job names it).", HelpName = "FILE" };
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("run", "Run a command as N tasks of a new job on a pool, wait for them with tasks and nodes by state, and print each task's result.")
            {
                pool, commandLine, job, tasks, env, assembly, parameters, json,
            };
            account.AddTo(command);
            command.Validators.Add(result =>
            {
                if (result.GetResult(assembly) is not null && result.GetResult(parameters) is not null)
                {
                    result.AddError("--assembly and --parameters exclude each other: give the pool's declaration with one of them.");
                }
                foreach (var pair in result.GetValue(env) ?? [])
                {
                    if (EnvironmentPair(pair) is null) result.AddError($"--env '{pair}' is not NAME=VALUE.");
                }
            });
            command.SetAction(async (parsed, cancellationToken) =>
            {
                var poolId = parsed.GetRequiredValue(pool);
                var (definition, source) = Declaration(console, poolId, parsed.GetValue(assembly), parsed.GetValue(parameters));
                var count = parsed.GetValue(tasks) ?? 1;
                var variables = (parsed.GetValue(env) ?? []).Select(p => EnvironmentPair(p)!.Value).ToList();
                var line = Quote(parsed.GetRequiredValue(commandLine));
                var mode = OutputModes.For(console, parsed.GetValue(json));
                var jobId = parsed.GetValue(job);
                return await BatchSession.RunAsync(console, parsed, account, async (client, settings) =>
                {
                    var runner = Provisioners.CreateJobRunner(client, settings);
                    jobId ??= PoolJobRunner.DefaultJobId(poolId, DateTimeOffset.UtcNow);
                    var metadata = source is null ? [] : new[] { KeyValuePair.Create(SourceMetadata, source) };
                    if (mode != OutputMode.Json) console.Error.WriteLine($"Job '{jobId}' on pool '{poolId}': {count} task(s) of {line}");
                    IReadOnlyList<JobTaskResult> results;
                    try
                    {
                        results = await JobLiveView.RunAsync(console, mode, jobId, view =>
                            runner.RunAsync(definition, Tasks(line, count, variables), view, jobId, metadata, cancellationToken)).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException e)
                    {
                        // The pool is missing, or adding the tasks failed (the runner then terminated the job): its message says which.
                        throw new CliException(ExitCodes.OperationFailed, e.Message, e);
                    }
                    return Print(console, mode, jobId, poolId, results);
                }, cancellationToken).ConfigureAwait(false);
            });
            return command;
        }

        /// <summary>Task i of N: the command with <c>CHPC_TASK_INDEX</c> = i and <c>CHPC_TASK_COUNT</c> = N, after the user's variables.</summary>
        private static IEnumerable<TaskDefinition> Tasks(string line, int count, IReadOnlyList<KeyValuePair<string, string>> variables)
        {
            var width = (count - 1).ToString(CultureInfo.InvariantCulture).Length;
            for (var i = 0; i < count; i++)
            {
                var task = TaskDefinition.Command("task-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'), line);
                foreach (var (name, value) in variables) task.Environment[name] = value;
                task.Environment[TaskIndexVariable] = i.ToString(CultureInfo.InvariantCulture);
                task.Environment[TaskCountVariable] = count.ToString(CultureInfo.InvariantCulture);
                yield return task;
            }
        }

        /// <summary>
        /// The pool to run on: as declared in the assembly or parameters file when one is given (so Julia pools are checked,
        /// and the job names its source), otherwise just its id.
        /// </summary>
        private static (PoolDefinition Pool, string? Source) Declaration(CliConsole console, string poolId, string? assembly, string? parameters)
        {
            if (assembly is null && parameters is null) return (new PoolDefinition { Id = poolId }, null);
            IReadOnlyList<PoolDefinition> declared = assembly is not null
                ? PoolAssemblyLoader.LoadPools(console.FullPath(assembly))
                : PoolSourceOptions.LoadLegacy(console, parameters!, null).Definitions;
            var source = Path.GetFileName(assembly ?? parameters!);
            var pool = declared.FirstOrDefault(p => string.Equals(p.Id, poolId, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException(ExitCodes.InvalidInput,
                    $"{source} declares no pool '{poolId}' (it declares: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Select(p => p.Id)))}).");
            return (pool, source);
        }

        private static KeyValuePair<string, string>? EnvironmentPair(string text)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 ? KeyValuePair.Create(text[..equals], text[(equals + 1)..]) : null;
        }

        /// <summary>
        /// The words as one Batch command line: Batch splits it as a POSIX shell splits words, without expanding anything,
        /// so a word with anything but safe characters goes in single quotes and each word arrives as given.
        /// </summary>
        internal static string Quote(IEnumerable<string> words) => string.Join(" ", words.Select(word =>
            word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
                ? word
                : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

        private static int Print(CliConsole console, OutputMode mode, string jobId, string poolId, IReadOnlyList<JobTaskResult> results)
        {
            var failed = results.Count(r => !r.Succeeded);
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["jobId"] = jobId,
                    ["poolId"] = poolId,
                    ["succeeded"] = results.Count - failed,
                    ["failed"] = failed,
                    ["tasks"] = JsonOutput.Array(results.Select(r => (JsonNode)JobViews.ToJson(r))),
                });
            }
            else
            {
                TableWriter.Write(console, mode, Headers, results.Select(JobViews.Row).ToList());
                foreach (var result in results.Where(r => r.StderrTail is { Length: > 0 }))
                {
                    console.Error.WriteLine($"{result.TaskId}: last lines of {BatchClient.TaskStdErrPath} on node '{result.NodeId}':");
                    foreach (var stderrLine in result.StderrTail!.Split('\n')) console.Error.WriteLine("    " + stderrLine);
                }
                var summary = $"Job '{jobId}': {results.Count - failed} of {results.Count} task(s) succeeded";
                if (failed == 0) console.Output.WriteLine(summary + ".");
                else console.Error.WriteLine($"error: {summary}, {failed} failed ('chpc task logs {jobId} TASK' shows a task's output).");
            }
            return failed == 0 ? ExitCodes.Done : ExitCodes.OperationFailed;
        }
    }
}
