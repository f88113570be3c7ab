using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Cli.Pools;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc apply (--assembly PATH | --parameters FILE) [--pool ID] [--timeout D] [--json]</c>: validates the pools
    /// (diagnostics, exit 1), then provisions them all at once and waits until every node is idle, showing node counts
    /// by state. Exit 2 when a start task fails, a pool has drifted from its definition, Batch refuses, or waiting times out.
    /// </summary>
    internal static class ApplyCommand
    {
        public static Command Create(CliConsole console)
        {
            var source = new PoolSourceOptions();
            var timeout = CommonOptions.Timeout();
            var drift = new Option<string>("--drift")
            {
                Description = "When a pool exists but differs: fail with the drift report, update what Batch changes in place, or recreate the pool.",
                HelpName = "fail|update|recreate",
                DefaultValueFactory = _ => "fail",
            };
            drift.AcceptOnlyFromAmong("fail", "update", "recreate");
            var existingNodes = new Option<string>("--existing-nodes")
            {
                Description = "With --drift update, when the start task changed: leave existing nodes as they are, or reboot or reimage them so they run it.",
                HelpName = "leave|reboot|reimage",
                DefaultValueFactory = _ => "leave",
            };
            existingNodes.AcceptOnlyFromAmong("leave", "reboot", "reimage");
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("apply", "Create the pools as defined (an existing identical pool is fine) and wait until every node is idle.") { timeout, drift, existingNodes, json };
            source.AddTo(command);
            account.AddTo(command);
            command.Validators.Add(result =>
            {
                // Only an update in place keeps existing nodes: without it the choice would be ignored without a word.
                var nodes = result.GetResult(existingNodes);
                if (nodes is { Implicit: false } && result.GetValue(drift) != "update")
                {
                    result.AddError($"--existing-nodes {result.GetValue(existingNodes)} applies with --drift update only.");
                }
            });
            command.SetAction(async (parsed, cancellationToken) =>
            {
                var selected = source.Load(parsed, console);
                if (!selected.ReportAndCheck(console)) return ExitCodes.InvalidInput;
                var mode = OutputModes.For(console, parsed.GetValue(json));
                return await BatchSession.RunAsync(console, parsed, account, selected, async (accounts, settings) =>
                {
                    var provisioners = accounts.Clients.ToDictionary(c => c, c => Provisioners.Create(c, settings, parsed.GetValue(timeout) ?? CommonOptions.DefaultTimeout,
                        parsed.GetValue(drift) switch { "update" => DriftPolicy.UpdateInPlace, "recreate" => DriftPolicy.Recreate, _ => DriftPolicy.Fail },
                        parsed.GetValue(existingNodes) switch { "reboot" => ExistingNodes.Reboot, "reimage" => ExistingNodes.Reimage, _ => ExistingNodes.Leave },
                        selected.Source));
                    var results = await LiveTable.RunAsync(console, mode, selected.Pools.Select(p => p.Id), progress =>
                        Task.WhenAll(selected.Pools.Select(p =>
                        {
                            var client = accounts.ClientFor(p);
                            return ApplyAsync(client, accounts.AccountFor(p), provisioners[client], p, progress, cancellationToken);
                        }))).ConfigureAwait(false);
                    Print(console, mode, results);
                    return results.Select(r => r.ExitCode).DefaultIfEmpty(ExitCodes.Done).Max();
                }, cancellationToken, settings => HasEverySecret(console, selected, settings)).ConfigureAwait(false);
            });
            return command;
        }

        /// <summary>Every secret the pools name has a value: otherwise apply refuses before anything is sent, naming each one.</summary>
        private static bool HasEverySecret(CliConsole console, SelectedPools selected, CliSettings settings)
        {
            var missing = selected.Pools.SelectMany(p => PoolRequestBuilder.FindMissingSettings(p, settings.Get)).ToList();
            foreach (var setting in missing) console.Error.WriteLine("error: " + Provisioners.Describe(setting));
            if (missing.Count > 0) console.Error.WriteLine("Nothing was sent.");
            return missing.Count == 0;
        }

        private static async Task<ApplyResult> ApplyAsync(
            BatchClient client, AccountChoice account, PoolProvisioner provisioner, PoolDefinition definition, IProgress<PoolProgress> progress, CancellationToken cancellationToken)
        {
            var target = definition.AutoScale is null
                ? (definition.EffectiveNodeCount + definition.EffectiveLowPriorityNodeCount).ToString(CultureInfo.InvariantCulture)
                : "autoscale";
            IReadOnlyDictionary<string, int> last = new Dictionary<string, int>();
            var adapter = Provisioners.Show(progress, target, row => last = row.Nodes);
            var id = definition.Id;
            try
            {
                await provisioner.ApplyAsync(definition, adapter, cancellationToken).ConfigureAwait(false);
                var nodes = PoolViews.CountByState(await PoolViews.GetNodesAsync(client, id, cancellationToken).ConfigureAwait(false));
                return new ApplyResult(id, "ready", nodes, ExitCodes.Done, $"ready: {PoolViews.Summary(nodes)}");
            }
            catch (Exception e) when (CliErrors.Classify(e) is { PoolErrorCode: { } code } failure)
            {
                // One pool's failure ends that pool only: its row and result say why, and the other pools go on.
                var outcome = e is PoolDriftException ? "drift" : failure.ExitCode == ExitCodes.InvalidInput ? "invalid" : "failed";
                var (status, shown, message) = e switch
                {
                    StartTaskFailedException => ("failed", FirstLine(e.Message), FirstLine(e.Message)),
                    PoolDriftException drift => ("drift", "differs from its definition", Provisioners.Describe(drift.Plan)),
                    TimeoutException => ("timeout", "timed out", e.Message),
                    RequestFailedException request => ("failed", CliErrors.FirstLine(e), CliErrors.Describe(request, new BatchTarget(id, null, account))),
                    _ => ("failed", e.Message, e.Message),
                };
                Report(progress, id, status, last, target, shown);
                return new ApplyResult(id, outcome, last, failure.ExitCode, message)
                {
                    ErrorCode = code,
                    NodeId = (e as StartTaskFailedException)?.NodeId,
                    StartTaskExitCode = (e as StartTaskFailedException)?.ExitCode,
                    StderrTail = (e as StartTaskFailedException)?.StderrTail,
                    FailedStep = (e as StartTaskFailedException)?.FailedStep,
                    Declaration = (e as StartTaskFailedException)?.Declaration,
                    Plan = (e as PoolDriftException)?.Plan,
                };
            }
        }

        private static void Report(IProgress<PoolProgress> progress, string id, string status, IReadOnlyDictionary<string, int> nodes, string target, string message) =>
            progress.Report(new PoolProgress(id, status, nodes, target, status + ": " + message));

        private static string FirstLine(string text) => text.Split('\n')[0];

        private static void Print(CliConsole console, OutputMode mode, IReadOnlyList<ApplyResult> results)
        {
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject { ["pools"] = JsonOutput.Array(results.Select(r => (JsonNode)r.ToJson())) });
                return;
            }
            foreach (var result in results)
            {
                var line = $"{result.Id}: {result.Message}";
                if (result.ExitCode == ExitCodes.Done) console.Output.WriteLine(line);
                else console.Error.WriteLine("error: " + line);
                if (result.StderrTail is { Length: > 0 } tail)
                {
                    console.Error.WriteLine($"  last lines of {BatchClient.StartTaskStdErrPath} on node '{result.NodeId}':");
                    foreach (var stderrLine in tail.TrimEnd('\n').Split('\n')) console.Error.WriteLine("    " + stderrLine);
                }
            }
        }

        /// <summary>How one pool's apply ended.</summary>
        private sealed record ApplyResult(string Id, string Outcome, IReadOnlyDictionary<string, int> Nodes, int ExitCode, string Message)
        {
            public string? ErrorCode { get; init; }

            public string? NodeId { get; init; }

            public int? StartTaskExitCode { get; init; }

            public string? StderrTail { get; init; }

            /// <summary>The step the failed node announced last, and the declaration behind it (see docs/pools.md, "Step markers").</summary>
            public string? FailedStep { get; init; }

            public string? Declaration { get; init; }

            public PoolPlan? Plan { get; init; }

            public JsonObject ToJson() => new()
            {
                ["id"] = Id,
                ["outcome"] = Outcome,
                ["nodeCounts"] = JsonOutput.Counts(Nodes),
                ["error"] = ErrorCode is null ? null : new JsonObject
                {
                    ["code"] = ErrorCode,
                    ["message"] = Message,
                    ["nodeId"] = NodeId,
                    ["exitCode"] = StartTaskExitCode,
                    ["stderrTail"] = StderrTail,
                    ["failedStep"] = FailedStep,
                    ["declaration"] = Declaration,
                },
                ["plan"] = Plan is null ? null : PlanCommand.ToJson(Plan),
            };
        }
    }
}
