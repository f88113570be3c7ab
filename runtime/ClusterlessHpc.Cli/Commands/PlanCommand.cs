using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Cli.Pools;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc plan (--assembly PATH | --parameters FILE) [--pool ID] [--json]</c>: what apply would do for each pool:
    /// create it, nothing, or each drifted property with what is expected, what is there, and whether Batch changes it in place.
    /// A plan sends no secret, so a pool whose secret setting has no value is still planned, with that setting reported
    /// as its problem (exit 1 once every pool is planned).
    /// </summary>
    internal static class PlanCommand
    {
        public static Command Create(CliConsole console)
        {
            var source = new PoolSourceOptions();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("plan", "Show what apply would do: create, no change, or each property that differs from the definition.") { json };
            source.AddTo(command);
            account.AddTo(command);
            command.SetAction(async (parsed, cancellationToken) =>
            {
                var selected = source.Load(parsed, console);
                // Pools in a placeholder account were validated above; they are reported, and nothing is sent for them.
                if (!selected.ReportAndCheck(console, offlineAllowed: true)) return ExitCodes.InvalidInput;
                if (selected.Reachable.Count == 0) return Print(console, selected, [], parsed.GetValue(json));
                return await BatchSession.RunAsync(console, parsed, account, selected with { Pools = selected.Reachable },
                    (accounts, settings) => RunAsync(console, accounts, settings, selected, parsed.GetValue(json), cancellationToken), cancellationToken).ConfigureAwait(false);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, PoolAccounts accounts, CliSettings settings, SelectedPools selected, bool json, CancellationToken cancellationToken)
        {
            var provisioners = accounts.Clients.ToDictionary(c => c, c => Provisioners.Create(c, settings, CommonOptions.DefaultTimeout));
            var plans = new List<PoolPlan>();
            foreach (var definition in selected.Reachable)
            {
                plans.Add(await provisioners[accounts.ClientFor(definition)].PlanAsync(definition, cancellationToken).ConfigureAwait(false));
            }
            return Print(console, selected, plans, json);
        }

        private static int Print(CliConsole console, SelectedPools selected, List<PoolPlan> plans, bool json)
        {
            var exitCode = plans.Any(p => p.MissingSettings.Count > 0 || p.CreateRefused) ? ExitCodes.InvalidInput : ExitCodes.Done;
            if (json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["pools"] = JsonOutput.Array(plans.Select(p => (JsonNode)ToJson(p)).Concat(selected.Offline.Select(o => (JsonNode)new JsonObject
                    {
                        ["id"] = o.Pool.Id,
                        ["action"] = "validatedOffline",
                        ["account"] = o.Account,
                        ["reason"] = o.Reason,
                    }))),
                });
                return exitCode;
            }
            foreach (var offline in selected.Offline)
            {
                console.Output.WriteLine($"{offline.Pool.Id}: validated offline, not planned: it {offline.Reason}, which is not contacted");
            }
            foreach (var plan in plans)
            {
                console.Output.WriteLine(plan.Action switch
                {
                    PoolPlanAction.Create => $"{plan.PoolId}: create",
                    PoolPlanAction.NoChange => $"{plan.PoolId}: no change",
                    _ => $"{plan.PoolId}: differs ({(plan.CanUpdateInPlace ? "Batch can update it in place" : "it must be recreated")})",
                });
                foreach (var difference in plan.Differences)
                {
                    console.Output.WriteLine($"  {difference.Property}: expected {difference.Expected}, actual {difference.Actual}" +
                                             (difference.UpdatableInPlace ? " (in place)" : " (needs a new pool)"));
                }
                if (plan.ChangesStartTask) console.Output.WriteLine("  existing nodes get the new start task only when rebooted or reimaged");
                if (plan.PackageInstall is { } install) console.Output.WriteLine("  " + install);
                foreach (var missing in plan.MissingSettings) console.Error.WriteLine("error: " + Provisioners.Describe(missing));
                if (plan.Retirement is { } retirement)
                {
                    console.Error.WriteLine(plan.CreateRefused
                        ? $"error: pool '{plan.PoolId}': {retirement}; apply refuses to create the pool"
                        : $"warning: pool '{plan.PoolId}': {retirement}");
                }
            }
            return exitCode;
        }

        public static JsonObject ToJson(PoolPlan plan) => new()
        {
            ["id"] = plan.PoolId,
            ["action"] = plan.Action switch { PoolPlanAction.Create => "create", PoolPlanAction.NoChange => "noChange", _ => "drift" },
            ["canUpdateInPlace"] = plan.CanUpdateInPlace,
            ["changesStartTask"] = plan.ChangesStartTask,
            ["packageInstall"] = plan.PackageInstall,
            ["differences"] = JsonOutput.Array(plan.Differences.Select(d => (JsonNode)new JsonObject
            {
                ["property"] = d.Property,
                ["expected"] = d.Expected,
                ["actual"] = d.Actual,
                ["updatableInPlace"] = d.UpdatableInPlace,
            })),
            ["retirement"] = plan.Retirement is not { } retirement ? null : new JsonObject
            {
                ["nodeAgent"] = retirement.NodeAgent,
                ["retiresOn"] = retirement.RetiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["daysLeft"] = retirement.DaysLeft,
                ["replacement"] = retirement.Replacement,
                ["createRefused"] = plan.CreateRefused,
            },
            ["missingSettings"] = JsonOutput.Array(plan.MissingSettings.Select(m => (JsonNode)new JsonObject
            {
                ["key"] = m.SettingKey,
                ["usedFor"] = m.UsedFor,
            })),
        };
    }
}
