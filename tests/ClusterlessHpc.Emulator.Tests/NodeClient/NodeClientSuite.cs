using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClusterlessHpc.Emulator.Tests.NodeClient
{
    /// <summary>One case of the Node client suite as it reported it: its checks' failures and the bodies to validate.</summary>
    public sealed record NodeClientCase(string Name, bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<(string Definition, JsonNode Body)> Bodies);

    /// <summary>
    /// Microsoft's Node Batch client suite (tests/NodeClient/BatchServiceClientSuite.cjs, with @azure/batch installed by
    /// .ci/run under .tools/node-client): its case names, and one run of it against an endpoint.
    /// </summary>
    internal static partial class NodeClientSuite
    {
        public static string Script { get; } = Path.Combine(RepositoryRoot.Path, "tests", "NodeClient", "BatchServiceClientSuite.cjs");

        /// <summary>The npm prefix .ci/run installs the pinned client into (from tests/NodeClient's package files).</summary>
        public static string Prefix { get; } = Path.Combine(RepositoryRoot.Path, ".tools", "node-client");

        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

        [GeneratedRegex(@"^test\('((?:[^'\\]|\\.)+)',", RegexOptions.Multiline)]
        private static partial Regex CaseDeclaration();

        /// <summary>The cases the script declares, read from its source so that listing them needs no Node.</summary>
        public static IReadOnlyList<string> CaseNames() =>
            CaseDeclaration().Matches(File.ReadAllText(Script)).Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();

        /// <summary>Runs every case in order against <paramref name="endpoint"/>; a missing Node or client is an error, never a skip.</summary>
        public static async Task<(IReadOnlyDictionary<string, NodeClientCase> Cases, string Log)> RunAsync(
            Uri endpoint, string account, string key, string? apiVersion)
        {
            var installed = Path.Combine(Prefix, "node_modules", "@azure", "batch", "package.json");
            if (!File.Exists(installed))
            {
                throw new InvalidOperationException(
                    $"@azure/batch is not installed at {Prefix}: run .ci/run, or copy tests/NodeClient/package*.json there and run npm ci --prefix {Prefix}.");
            }
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Script);
            start.Environment["BATCH_URL"] = endpoint.ToString();
            start.Environment["BATCH_ACCOUNT"] = account;
            start.Environment["BATCH_KEY"] = key;
            start.Environment["NODE_CLIENT_PREFIX"] = Prefix;
            if (apiVersion is not null) start.Environment["BATCH_API_VERSION"] = apiVersion;

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("The Node client suite needs node (Node.js 20) on PATH: " + e.Message, e);
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(Limit);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"The Node client suite did not finish within {Limit}. So far:\n{await stdout}\n{await stderr}");
                }
                var log = $"exit code {process.ExitCode}\n{await stderr}";
                var cases = new Dictionary<string, NodeClientCase>();
                foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var json = JsonNode.Parse(line)!.AsObject();
                    var name = json["case"]!.GetValue<string>();
                    cases[name] = new NodeClientCase(
                        name,
                        json["passed"]!.GetValue<bool>(),
                        json["failures"]!.AsArray().Select(f => f!.GetValue<string>()).ToList(),
                        json["bodies"]!.AsArray().Select(b => (b!["definition"]!.GetValue<string>(), b["body"]!.DeepClone())).ToList());
                }
                return (cases, log);
            }
        }
    }
}
