using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc logs POOL NODE [--stderr-only] [--tail N] [--json]</c>: the start task's <c>startup/stdout.txt</c> and
    /// <c>startup/stderr.txt</c>, read through the node files API. A file the node does not have (yet) is said so, not an error;
    /// so is output that is empty because the emulator simulated the start task (it marks such a node's files).
    /// </summary>
    internal static class LogsCommand
    {
        /// <summary>The name of the argument that holds a node id.</summary>
        public const string NodeArgumentName = "NODE";

        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var node = new Argument<string>(NodeArgumentName) { Description = "The node id (chpc nodes POOL lists them)." };
            UsageErrors.RejectEmptyOrOptionLikeValues(node);
            var stderrOnly = new Option<bool>("--stderr-only") { Description = "Only the start task's standard error." };
            var tail = CommonOptions.Count("--tail", "Only the last N lines of each file.");
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("logs", "Print a node's start task output: startup/stdout.txt and startup/stderr.txt.") { pool, node, stderrOnly, tail, json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, _) => RunAsync(console, client, parsed.GetRequiredValue(pool), parsed.GetRequiredValue(node), parsed.GetValue(stderrOnly),
                    parsed.GetValue(tail), parsed.GetValue(json), cancellationToken), cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(
            CliConsole console, BatchClient client, string poolId, string nodeId, bool stderrOnly, int? tail, bool json, CancellationToken cancellationToken)
        {
            // Fails with PoolNotFound or NodeNotFound before any file is read.
            await client.GetNodeAsync(poolId, nodeId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var paths = stderrOnly ? new[] { BatchClient.StartTaskStdErrPath } : new[] { BatchClient.StartTaskStdOutPath, BatchClient.StartTaskStdErrPath };
            var files = new List<(string Path, string? Text)>();
            var simulated = false;
            foreach (var path in paths)
            {
                var file = await ReadAsync(client, poolId, nodeId, path, cancellationToken).ConfigureAwait(false);
                simulated |= file.Simulated;
                files.Add((path, file.Text is null || tail is null ? file.Text : Tail(file.Text, tail.Value)));
            }

            if (json)
            {
                var document = new JsonObject { ["poolId"] = poolId, ["nodeId"] = nodeId };
                foreach (var (path, text) in files) document[path == BatchClient.StartTaskStdOutPath ? "stdout" : "stderr"] = text;
                if (simulated) document["startTaskSimulated"] = true;
                JsonOutput.Write(console, document);
                return ExitCodes.Done;
            }

            foreach (var (path, text) in files)
            {
                if (files.Count > 1) console.Output.WriteLine($"==> {path} <==");
                if (text is null)
                {
                    console.Error.WriteLine($"{path}: not on node '{nodeId}' (its start task has not run yet)");
                    continue;
                }
                if (text.Length == 0) console.Error.WriteLine($"{path}: empty");
                console.Output.Write(text);
                if (text.Length > 0 && !text.EndsWith('\n')) console.Output.WriteLine();
            }
            if (simulated && files.Any(f => f.Text is { Length: 0 }))
            {
                // Once, however many files are empty.
                console.Error.WriteLine($"note: node '{nodeId}' is on an emulator that simulates start tasks, so they write no output. {EmulatorNotices.SimulatedStartTasks}");
            }
            return ExitCodes.Done;
        }

        /// <summary>
        /// The file's text, or null when the node has no such file; and whether the emulator marked it as a simulated
        /// node's (<see cref="EmulatorNotices.StartTaskHeader"/>), whose start task ran nothing.
        /// </summary>
        public static async Task<(string? Text, bool Simulated)> ReadAsync(BatchClient client, string poolId, string nodeId, string path, CancellationToken cancellationToken)
        {
            try
            {
                var response = await client.GetNodeFileAsync(poolId, nodeId, path, cancellationToken: cancellationToken).ConfigureAwait(false);
                var simulated = response.GetRawResponse().Headers.TryGetValue(EmulatorNotices.StartTaskHeader, out var value) &&
                                value == EmulatorNotices.SimulatedStartTaskValue;
                return (response.Value.ToString(), simulated);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "FileNotFound")
            {
                return (null, false);
            }
        }

        /// <summary>The last <paramref name="lines"/> lines of <paramref name="text"/>, a final line break kept.</summary>
        public static string Tail(string text, int lines)
        {
            if (lines == 0) return "";
            var all = text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
            var kept = string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
            return text.EndsWith('\n') ? kept + "\n" : kept;
        }
    }
}
