using System;
using System.IO;
using System.Text.Json.Nodes;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.Cli.Output;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc formula eval FILE [--metrics M.json] [--now T] [--targets D,L]</c>: the results line on standard output;
    /// an evaluation error also prints <c>error CODE: Line L, Col C: ...</c> on standard error and exits 2.
    /// </summary>
    internal static class FormulaEval
    {
        public static int Run(CliConsole console, string file, string? metricsFile, DateTimeOffset? now, (int Dedicated, int LowPriority)? targets, bool json = false)
        {
            if (!FormulaInput.TryRead(console, file, out var name, out var text)) return ExitCodes.InvalidInput;
            var parsed = AutoScaleFormula.Parse(text);
            // Diagnostics go to standard error, so standard output holds only the results line.
            FormulaCheck.Print(console.Error, name, parsed.Diagnostics);
            if (parsed.Formula is null) return ExitCodes.InvalidInput;

            AutoScaleContext context;
            try
            {
                context = metricsFile is null
                    ? new AutoScaleContext { Now = now ?? DateTimeOffset.UtcNow }
                    : AutoScaleMetrics.Load(File.ReadAllText(metricsFile), now);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                console.Error.WriteLine($"error: {metricsFile}: {exception.Message}");
                return ExitCodes.InvalidInput;
            }
            if (now is { } time) context = context with { Now = time };
            if (targets is { } pool)
            {
                context = context with { TargetDedicatedNodes = pool.Dedicated, TargetLowPriorityNodes = pool.LowPriority };
                if (metricsFile is null) context = context with { CurrentDedicatedNodes = pool.Dedicated, CurrentLowPriorityNodes = pool.LowPriority };
            }

            var evaluation = parsed.Formula.Evaluate(context);
            if (json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["results"] = evaluation.Results,
                    ["targetDedicatedNodes"] = evaluation.TargetDedicatedNodes,
                    ["targetLowPriorityNodes"] = evaluation.TargetLowPriorityNodes,
                    ["nodeDeallocationOption"] = evaluation.NodeDeallocationOption,
                    ["error"] = evaluation.Error is { } failure ? new JsonObject { ["code"] = failure.Code, ["message"] = failure.Detail } : null,
                });
            }
            else
            {
                console.Output.WriteLine(evaluation.Results);
            }
            if (evaluation.Error is { } error)
            {
                console.Error.WriteLine($"error {error.Code}: {error.Detail}");
                return ExitCodes.OperationFailed;
            }
            return ExitCodes.Done;
        }
    }
}
