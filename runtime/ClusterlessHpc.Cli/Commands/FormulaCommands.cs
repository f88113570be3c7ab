using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>Wires <c>chpc formula check</c>, <c>eval</c> and <c>simulate</c>; the work is in FormulaCheck, FormulaEval and FormulaSimulate.</summary>
    internal static class FormulaCommands
    {
        public static Command Create(CliConsole console)
        {
            var formula = new Command("formula", "Check, evaluate and simulate Azure Batch autoscale formulas offline.");
            formula.Subcommands.Add(Check(console));
            formula.Subcommands.Add(Eval(console));
            formula.Subcommands.Add(FormulaSimulateCommand.Create(console));
            return formula;
        }

        internal static Argument<string> FileArgument() => new("FILE") { Description = "The formula file, or - to read standard input." };

        private static Command Check(CliConsole console)
        {
            var file = FileArgument();
            var json = CommonOptions.Json();
            var command = new Command("check", "Print each diagnostic as FILE(line,col): error|warning CHPCnnnn: message; exit 1 on any error.") { file, json };
            command.SetAction(parsed => FormulaCheck.Run(console, parsed.GetRequiredValue(file), parsed.GetValue(json)));
            return command;
        }

        private static Command Eval(CliConsole console)
        {
            var file = FileArgument();
            var metrics = new Option<string?>("--metrics") { Description = "The metrics JSON: time, pool counts and samples (docs/autoscale.md).", HelpName = "METRICS.json" };
            var now = new Option<DateTimeOffset?>("--now")
            {
                Description = "The evaluation time, ISO 8601 (default: the metrics file's, else the clock).",
                HelpName = "ISO-8601",
                CustomParser = ParseNow,
            };
            var targets = new Option<(int Dedicated, int LowPriority)?>("--targets")
            {
                Description = "The pool's current targets, dedicated and low-priority.",
                HelpName = "D,L",
                CustomParser = ParseTargets,
            };
            var json = CommonOptions.Json();
            var command = new Command("eval", "Evaluate a formula and print the service's results line; exit 2 when the evaluation fails.") { file, metrics, now, targets, json };
            command.SetAction(parsed => FormulaEval.Run(console, parsed.GetRequiredValue(file), parsed.GetValue(metrics), parsed.GetValue(now), parsed.GetValue(targets), parsed.GetValue(json)));
            return command;
        }

        private static DateTimeOffset? ParseNow(ArgumentResult result)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)) return time;
            result.AddError($"--now '{text}' is not an ISO 8601 time such as 2024-05-06T12:00:00Z.");
            return null;
        }

        private static (int, int)? ParseTargets(ArgumentResult result)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            var parts = text.Split(',');
            if (parts.Length == 2 &&
                int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var dedicated) &&
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lowPriority))
            {
                return (dedicated, lowPriority);
            }
            result.AddError($"--targets '{text}' must be two node counts, dedicated and low-priority, such as 2,0.");
            return null;
        }
    }
}
