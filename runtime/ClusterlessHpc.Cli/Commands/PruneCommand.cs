using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Cli.Pools;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc prune (--assembly PATH | --parameters FILE) [--yes] [--completed-jobs-age D] [--json]</c>: lists, in the
    /// default account and each configured <c>ClusterlessHpc:Batch:Accounts:&lt;name&gt;</c>, what the declarations left
    /// behind (<see cref="PoolProvisioner.FindLeftoversAsync"/>): the pools that name them as owner but that they no longer
    /// declare, and their jobs on those pools or completed long ago, with nodes and age. Deletes them only with
    /// <c>--yes</c>, waiting until they are gone. Pools and jobs of other owners, or of none, are never touched.
    /// </summary>
    internal static class PruneCommand
    {
        private static readonly string[] Headers = ["Account", "Kind", "Id", "Pool", "Nodes", "Age", "Reason"];

        public static Command Create(CliConsole console)
        {
            var source = new PoolSourceOptions();
            var yes = new Option<bool>("--yes") { Description = "Delete what is listed, and wait until it is gone (without it, prune only lists)." };
            var age = CommonOptions.Duration("--completed-jobs-age",
                $"A completed job of the owner is left behind when it ended longer ago than this: 12h, 7d, or minutes (default {PoolProvisioner.DefaultCompletedJobAge.TotalDays:0}d).",
                allowZero: true);
            var timeout = CommonOptions.Timeout();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("prune", "List the pools and jobs the declarations left behind (their owner, no longer declared), in every configured account; delete them with --yes.")
            {
                yes, age, timeout, json,
            };
            source.AddTo(command, poolFilter: false);
            account.AddTo(command);
            command.SetAction(async (parsed, cancellationToken) =>
            {
                var selected = source.Load(parsed, console);
                // Diagnostics are the declarations' business, not the sweep's: every pool they name is kept, valid or not.
                foreach (var message in selected.Messages) console.Error.WriteLine(message);
                var mode = OutputModes.For(console, parsed.GetValue(json));
                var delete = parsed.GetValue(yes);
                try
                {
                    var settings = CliSettings.Load(console, selected.ImpliedConfiguration);
                    await using var accounts = await PoolAccounts.OpenEveryAccountAsync(console, parsed, account, settings, cancellationToken).ConfigureAwait(false);
                    var found = new List<(AccountChoice Account, PoolProvisioner Provisioner, PoolLeftovers Leftovers)>();
                    foreach (var each in accounts.EveryAccount)
                    {
                        var provisioner = Provisioners.Create(accounts.ClientFor(each), settings, parsed.GetValue(timeout) ?? CommonOptions.DefaultTimeout);
                        var leftovers = await provisioner.FindLeftoversAsync(selected.Source, selected.Pools, parsed.GetValue(age), cancellationToken).ConfigureAwait(false);
                        found.Add((accounts.AccountFor(each), provisioner, leftovers));
                    }
                    Print(console, mode, selected.Source, found.Select(f => (f.Account, f.Leftovers)).ToList(), delete);
                    var pools = found.Sum(f => f.Leftovers.Pools.Count);
                    var jobs = found.Sum(f => f.Leftovers.Jobs.Count);
                    if (pools + jobs == 0) return ExitCodes.Done;
                    if (!delete)
                    {
                        if (mode != OutputMode.Json) console.Error.WriteLine($"Nothing was deleted: run again with --yes to delete these {pools} pool(s) and {jobs} job(s).");
                        return ExitCodes.Done;
                    }
                    await Task.WhenAll(found.Select(f => f.Provisioner.DeleteLeftoversAsync(f.Leftovers, cancellationToken))).ConfigureAwait(false);
                    if (mode != OutputMode.Json) console.Error.WriteLine($"Deleted {pools} pool(s) and {jobs} job(s) left behind by {selected.Source}.");
                    return ExitCodes.Done;
                }
                catch (Exception e) when (CliErrors.TryReport(console, e, out var exitCode, new BatchTarget(null, null, null)))
                {
                    return exitCode;
                }
            });
            return command;
        }

        private static void Print(CliConsole console, OutputMode mode, string source, IReadOnlyList<(AccountChoice Account, PoolLeftovers Leftovers)> found, bool deleting)
        {
            var now = DateTimeOffset.UtcNow;
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["source"] = source,
                    ["deleted"] = deleting,
                    ["accounts"] = JsonOutput.Array(found.Select(f => (JsonNode)new JsonObject
                    {
                        ["account"] = Name(f.Account),
                        ["pools"] = JsonOutput.Array(f.Leftovers.Pools.Select(p => (JsonNode)new JsonObject
                        {
                            ["id"] = p.PoolId,
                            ["currentDedicatedNodes"] = p.DedicatedNodes,
                            ["currentLowPriorityNodes"] = p.LowPriorityNodes,
                            ["creationTime"] = p.CreationTime?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                            ["ageSeconds"] = p.Age(now)?.TotalSeconds,
                        })),
                        ["jobs"] = JsonOutput.Array(f.Leftovers.Jobs.Select(j => (JsonNode)new JsonObject
                        {
                            ["id"] = j.JobId,
                            ["poolId"] = j.PoolId,
                            ["state"] = j.State?.ToString(),
                            ["creationTime"] = j.CreationTime?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                            ["ageSeconds"] = j.Age(now)?.TotalSeconds,
                            ["reason"] = j.Reason,
                        })),
                    })),
                });
                return;
            }
            var rows = new List<IReadOnlyList<string>>();
            foreach (var (account, leftovers) in found)
            {
                rows.AddRange(leftovers.Pools.Select(p => (IReadOnlyList<string>)
                [
                    Name(account), "pool", p.PoolId, "-", $"{p.DedicatedNodes} dedicated, {p.LowPriorityNodes} low-priority", Age(p.Age(now)),
                    $"owned by {source}, no longer declared",
                ]));
                rows.AddRange(leftovers.Jobs.Select(j => (IReadOnlyList<string>)
                [
                    Name(account), "job", j.JobId, j.PoolId ?? "-", "-", Age(j.Age(now)), j.Reason,
                ]));
            }
            if (rows.Count == 0)
            {
                console.Output.WriteLine($"Nothing left behind by {source} in {found.Count} account(s).");
                return;
            }
            TableWriter.Write(console, mode, Headers, rows);
        }

        private static string Name(AccountChoice account) => account.IsEmulator ? "emulator" : account.Name ?? account.Endpoint?.Host ?? "?";

        private static string Age(TimeSpan? age) => age is { } value ? DurationText.Format(value) : "?";
    }
}
