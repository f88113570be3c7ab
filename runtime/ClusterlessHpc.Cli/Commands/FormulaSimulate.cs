using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Cli.Output.Charts;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>What <c>chpc formula simulate</c> was asked to do (the parser has checked each value).</summary>
    internal sealed record SimulateSettings
    {
        public required string Formula { get; init; }
        public required string Workload { get; init; }
        public TimeSpan Duration { get; init; } = TimeSpan.FromHours(24);
        public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);
        public string VmSize { get; init; } = PoolDefinition.DefaultVmSize;
        public int Slots { get; init; } = 1;
        public TimeSpan Boot { get; init; } = TimeSpan.FromMinutes(4);
        public int StartNodes { get; init; }
        public bool LowPriority { get; init; }
        public double Preemption { get; init; }
        public int Seed { get; init; }
        public TimeSpan TaskDuration { get; init; } = SimulationWorkload.DefaultTaskDuration;
        public string? Region { get; init; }
        public string? PricesFile { get; init; }
        public decimal? Price { get; init; }
        public bool Json { get; init; }
        public string? Svg { get; init; }
        public string? Versus { get; init; }
    }

    /// <summary>
    /// <c>chpc formula simulate FORMULA --workload W [...]</c>: replays the workload through a pool with the formula on
    /// virtual time and shows a chart of nodes and pending tasks and the summary (or, with <c>--json</c>, the
    /// simulation's JSON); <c>--vs</c> runs a second formula on the same workload beside it. Exit 1 for input that cannot
    /// be used (a formula with errors, a bad workload or price file), 2 when an evaluation of the formula failed.
    /// </summary>
    internal static class FormulaSimulate
    {
        public static int Run(CliConsole console, SimulateSettings settings)
        {
            if (settings.Formula == "-" && settings.Versus == "-")
            {
                console.Error.WriteLine("error: FORMULA and --vs cannot both be read from standard input.");
                return ExitCodes.Usage;
            }
            var formulas = new List<(string Name, string Text)>();
            foreach (var file in settings.Versus is null ? [settings.Formula] : new[] { settings.Formula, settings.Versus })
            {
                if (!FormulaInput.TryRead(console, file, out var name, out var text)) return ExitCodes.InvalidInput;
                var parsed = AutoScaleFormula.Parse(text);
                // Warnings go to standard error, so --json's standard output is only the document.
                FormulaCheck.Print(console.Error, name, parsed.Diagnostics);
                if (parsed.Formula is null) return ExitCodes.InvalidInput;
                formulas.Add((name, text));
            }

            var prices = SimulationPrices.Resolve(console, settings.VmSize, settings.Region, settings.PricesFile, settings.Price, out var priceError);
            if (prices is null)
            {
                console.Error.WriteLine("error: " + priceError);
                return ExitCodes.InvalidInput;
            }

            SimulationWorkload workload;
            try
            {
                workload = ReadWorkload(console, settings.Workload, settings.TaskDuration);
            }
            catch (SimulationWorkloadException exception)
            {
                console.Error.WriteLine($"error: --workload {exception.Message}");
                return ExitCodes.InvalidInput;
            }

            var results = new List<AutoScaleSimulationResult>();
            foreach (var (name, text) in formulas)
            {
                var simulation = new AutoScaleSimulation(text, workload)
                {
                    Duration = settings.Duration,
                    EvaluationInterval = settings.Interval,
                    VmSize = settings.VmSize,
                    TaskSlotsPerNode = settings.Slots,
                    BootTime = settings.Boot,
                    StartNodes = settings.StartNodes,
                    LowPriority = settings.LowPriority,
                    PreemptionsPerNodeHour = settings.Preemption,
                    Seed = settings.Seed,
                    DedicatedPricePerNodeHour = prices.Dedicated,
                    SpotPricePerNodeHour = prices.Spot,
                };
                try
                {
                    results.Add(simulation.Run());
                }
                catch (ArgumentException exception)
                {
                    console.Error.WriteLine($"error: {name}: {exception.Message}");
                    return ExitCodes.InvalidInput;
                }
            }

            var names = DisplayNames(formulas.Select(f => f.Name).ToList());
            var title = Invariant($"{string.Join(" vs ", names)}: {workload.Description} on {settings.VmSize}, {DurationText.Format(settings.Duration)}");
            var chart = new ChartData(title, settings.Duration.TotalSeconds, results.Select((r, i) => SimulationViews.Panel(names[i], r)).ToList());
            if (settings.Svg is { } svg && !WriteSvg(console, svg, chart)) return ExitCodes.InvalidInput;

            if (settings.Json)
            {
                foreach (var note in prices.Notes) console.Error.WriteLine(note);
                WriteJson(console, results);
            }
            else
            {
                WriteText(console, chart, names, results, prices);
                if (settings.Svg is { } written) console.Output.WriteLine($"chart: {written}");
            }
            return ReportFailedEvaluations(console, names, results);
        }

        /// <summary>The formulas' file names, short enough for a title and a column; their paths when the names are the same.</summary>
        private static List<string> DisplayNames(IReadOnlyList<string> names)
        {
            var files = names.Select(name => Path.GetFileName(name) is { Length: > 0 } file ? file : name).ToList();
            return files.Distinct(StringComparer.Ordinal).Count() == files.Count ? files : names.ToList();
        }

        /// <summary>A file (relative to the working folder) read as such, else a generator such as burst:100.</summary>
        private static SimulationWorkload ReadWorkload(CliConsole console, string spec, TimeSpan taskDuration)
        {
            var path = console.FullPath(spec);
            if (!File.Exists(path)) return SimulationWorkload.Parse(spec, taskDuration);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new SimulationWorkloadException(spec, null, "cannot be read: " + exception.Message);
            }
            return SimulationWorkload.Read(text, spec, taskDuration);
        }

        private static bool WriteSvg(CliConsole console, string file, ChartData chart)
        {
            try
            {
                File.WriteAllText(console.FullPath(file), SvgChart.Render(chart));
                return true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: --svg {file}: cannot be written: {exception.Message}");
                return false;
            }
        }

        /// <summary>The engine's document; for two formulas, an array of the two, in the order given.</summary>
        private static void WriteJson(CliConsole console, IReadOnlyList<AutoScaleSimulationResult> results)
        {
            if (results.Count == 1)
            {
                console.Output.WriteLine(results[0].ToJson(indented: true));
                return;
            }
            JsonOutput.Write(console, JsonOutput.Array(results.Select(r => JsonNode.Parse(r.ToJson()))));
        }

        private static void WriteText(CliConsole console, ChartData chart, IReadOnlyList<string> names, IReadOnlyList<AutoScaleSimulationResult> results, SimulationPrices prices)
        {
            console.Output.WriteLine(chart.Title);
            console.Output.WriteLine();
            foreach (var line in TextChart.Render(chart)) console.Output.WriteLine(line);
            var headers = names;
            if (OutputModes.For(console, json: false) == OutputMode.Rich)
            {
                TableWriter.Write(console, OutputMode.Rich, ["", .. headers], SimulationViews.SummaryRows(results));
            }
            else
            {
                // Aligned columns under the formulas' names as written (TableWriter's plain headers are capitals).
                IReadOnlyList<IReadOnlyList<string>> rows = [["", .. headers], .. SimulationViews.SummaryRows(results)];
                var widths = Enumerable.Range(0, rows[0].Count).Select(i => rows.Max(r => r[i].Length)).ToArray();
                foreach (var row in rows) console.Output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            }
            foreach (var note in prices.Notes) console.Output.WriteLine(note);
        }

        /// <summary>Exit 2 when an evaluation failed: the formula would fail the same way on the service, and its targets would stay.</summary>
        private static int ReportFailedEvaluations(CliConsole console, IReadOnlyList<string> names, IReadOnlyList<AutoScaleSimulationResult> results)
        {
            var failed = false;
            for (var i = 0; i < results.Count; i++)
            {
                var evaluations = results[i].Evaluations;
                var first = evaluations.FirstOrDefault(e => e.Outcome.Error is not null);
                if (first is null) continue;
                failed = true;
                var count = evaluations.Count(e => e.Outcome.Error is not null);
                var error = first.Outcome.Error!;
                console.Error.WriteLine(Invariant($"error: {names[i]}: {count} of {evaluations.Count} evaluations failed, the first at {ChartScale.TimeLabel(first.Offset.TotalSeconds)}: {error.Code}: {error.Message}"));
            }
            return failed ? ExitCodes.OperationFailed : ExitCodes.Done;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
