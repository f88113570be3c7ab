using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ClusterlessHpc.Rules;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>Wires <c>chpc formula simulate</c>: its options, each checked as it is parsed; the work is in FormulaSimulate.</summary>
    internal static class FormulaSimulateCommand
    {
        public static Command Create(CliConsole console)
        {
            var file = FormulaCommands.FileArgument();
            var workload = new Option<string>("--workload")
            {
                Description = "The tasks: a CSV or JSON file (arrival_s,duration_s,slots or minute,count), or burst:N, steady:R (a minute) or diurnal:P (peak a minute at 14:00 UTC).",
                HelpName = "W",
                Required = true,
            };
            var duration = CommonOptions.Duration("--duration", "How long to simulate from the pool's creation (default 24h).", TimeSpan.FromMinutes(1), TimeSpan.FromDays(366));
            var interval = CommonOptions.Duration("--interval",
                $"The evaluation interval, {ServiceLimits.MinEvaluationIntervalMinutes}m to {ServiceLimits.MaxEvaluationIntervalMinutes / 60}h (default 5m).",
                ServiceLimits.MinEvaluationInterval, ServiceLimits.MaxEvaluationInterval);
            var vmSize = new Option<string?>("--vm-size") { Description = $"The VM size, for its price (default {PoolDefinition.DefaultVmSize}).", HelpName = "SIZE" };
            var slots = CommonOptions.Count("--slots", "Task slots per node (default 1).", minimum: ServiceLimits.MinTaskSlotsPerNode, maximum: ServiceLimits.MaxTaskSlotsPerNode);
            var boot = CommonOptions.Duration("--boot", "From a node's allocation to its first task (default 4m).", TimeSpan.Zero, TimeSpan.FromHours(24));
            var startNodes = CommonOptions.Count("--start-nodes", "Idle nodes the pool has when autoscale is enabled (default 0).", maximum: AutoScaleSimulation.NodeQuota);
            var lowPriority = new Option<bool>("--low-priority") { Description = "A Spot pool: the start nodes are low-priority and priced as Spot." };
            var preemption = new Option<double?>("--preemption")
            {
                Description = "Preemptions per low-priority node per hour, on average (default 0).",
                HelpName = "RATE",
                CustomParser = result => NonNegative<double>(result, "--preemption", "a rate such as 0.05 (preemptions per node-hour)", double.TryParse),
            };
            var seed = new Option<int?>("--seed")
            {
                Description = "The seed of the preemption draws (default 0).",
                HelpName = "N",
                CustomParser = result =>
                {
                    var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                    if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
                    result.AddError($"--seed '{text}' must be a whole number.");
                    return null;
                },
            };
            var taskDuration = CommonOptions.Duration("--task-duration", "How long generated tasks and minute,count rows last (default 10m).", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
            var region = new Option<string?>("--region") { Description = "The region whose price to use, such as westeurope.", HelpName = "REGION" };
            var prices = new Option<string?>("--prices") { Description = "A price table of the shipped table's shape (docs/autoscale.md) to use instead.", HelpName = "FILE" };
            var price = new Option<decimal?>("--price")
            {
                Description = "One price for every node, USD per node-hour; overrides the tables.",
                HelpName = "USD_PER_NODE_HOUR",
                CustomParser = result => NonNegative<decimal>(result, "--price", "a price in US dollars such as 0.126", decimal.TryParse),
            };
            var json = CommonOptions.Json();
            var svg = new Option<string?>("--svg") { Description = "Also write the chart as an SVG image to FILE.", HelpName = "FILE" };
            var versus = new Option<string?>("--vs") { Description = "A second formula to run on the same workload, shown beside the first.", HelpName = "OTHER_FORMULA" };

            var command = new Command("simulate", "Replay a workload through a pool with the formula on virtual time: a chart of nodes and pending tasks, and the makespan, queue waits, node-hours and cost.")
            {
                file, workload, duration, interval, vmSize, slots, boot, startNodes, lowPriority, preemption, seed, taskDuration, region, prices, price, json, svg, versus,
            };
            command.SetAction(parsed => FormulaSimulate.Run(console, new SimulateSettings
            {
                Formula = parsed.GetRequiredValue(file),
                Workload = parsed.GetRequiredValue(workload),
                Duration = parsed.GetValue(duration) ?? TimeSpan.FromHours(24),
                Interval = parsed.GetValue(interval) ?? TimeSpan.FromMinutes(5),
                VmSize = parsed.GetValue(vmSize) ?? PoolDefinition.DefaultVmSize,
                Slots = parsed.GetValue(slots) ?? 1,
                Boot = parsed.GetValue(boot) ?? TimeSpan.FromMinutes(4),
                StartNodes = parsed.GetValue(startNodes) ?? 0,
                LowPriority = parsed.GetValue(lowPriority),
                Preemption = parsed.GetValue(preemption) ?? 0,
                Seed = parsed.GetValue(seed) ?? 0,
                TaskDuration = parsed.GetValue(taskDuration) ?? SimulationWorkload.DefaultTaskDuration,
                Region = parsed.GetValue(region),
                PricesFile = parsed.GetValue(prices),
                Price = parsed.GetValue(price),
                Json = parsed.GetValue(json),
                Svg = parsed.GetValue(svg),
                Versus = parsed.GetValue(versus),
            }));
            return command;
        }

        private delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

        private static T? NonNegative<T>(ArgumentResult result, string name, string what, TryParse<T> parse) where T : struct
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            // A number too large for its type parses as infinity (double), which no rate or price is.
            if (parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && (value is not double number || double.IsFinite(number))) return value;
            result.AddError($"{name} '{text}' is not {what}.");
            return null;
        }
    }
}
