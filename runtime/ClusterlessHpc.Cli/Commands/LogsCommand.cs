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

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc logs POOL NODE [--stderr-only] [--tail N] [--json]</c>: the start task's <c>startup/stdout.txt</c> and
    /// <c>startup/stderr.txt</c>, read through the node files API. A file the node does not have (yet) is said so, not an error.
    /// </summary>
    internal static class LogsCommand
    {
        /// <summary>The name of the argument that holds a node id.</summary>
        public const string NodeArgumentName = "NODE";

        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var node = new Argument<string>(NodeArgumentName) { Description = "The node id (chpc nodes POOL lists them)." };
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
            foreach (var path in paths)
            {
                var text = await ReadAsync(client, poolId, nodeId, path, cancellationToken).ConfigureAwait(false);
                files.Add((path, text is null || tail is null ? text : Tail(text, tail.Value)));
            }

            if (json)
            {
                var document = new JsonObject { ["poolId"] = poolId, ["nodeId"] = nodeId };
                foreach (var (path, text) in files) document[path == BatchClient.StartTaskStdOutPath ? "stdout" : "stderr"] = text;
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
            return ExitCodes.Done;
        }

        /// <summary>The file's text, or null when the node has no such file.</summary>
        public static async Task<string?> ReadAsync(BatchClient client, string poolId, string nodeId, string path, CancellationToken cancellationToken)
        {
            try
            {
                return (await client.GetNodeFileAsync(poolId, nodeId, path, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ToString();
            }
            catch (RequestFailedException e) when (e.ErrorCode == "FileNotFound")
            {
                return null;
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
