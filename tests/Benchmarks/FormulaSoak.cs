using System.Diagnostics;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.Tests.AutoScale;

namespace ClusterlessHpc.Benchmarks;

/// <summary>
/// The robustness soak: many fuzzed inputs through parse, bind and (when they compile) evaluation. Fails on any
/// exception; reports the slowest input (goal: under 100 ms).
/// </summary>
internal static class FormulaSoak
{
    public static int Run(int count, int seed, TextWriter output)
    {
        var fuzzer = new FormulaFuzzer(seed, FormulaSamples.Corpus());
        var context = FormulaSamples.Week();
        var clock = new Stopwatch();
        var total = Stopwatch.StartNew();
        long slowestTicks = 0;
        string slowest = "";
        int compiled = 0, failedEvaluations = 0, exceptions = 0;
        for (var i = 0; i < count; i++)
        {
            var text = fuzzer.Next();
            clock.Restart();
            try
            {
                var parsed = AutoScaleFormula.Parse(text);
                if (parsed.Formula is not null)
                {
                    compiled++;
                    if (!parsed.Formula.Evaluate(context).Succeeded) failedEvaluations++;
                }
            }
            catch (Exception exception)
            {
                exceptions++;
                output.WriteLine($"exception on input {i}: {exception.GetType().Name}: {exception.Message}\n  input: {Escape(text)}");
            }
            clock.Stop();
            if (clock.ElapsedTicks > slowestTicks)
            {
                slowestTicks = clock.ElapsedTicks;
                slowest = text;
            }
        }
        total.Stop();
        var slowestMs = slowestTicks * 1000.0 / Stopwatch.Frequency;
        output.WriteLine($"soak: {count:N0} inputs (seed {seed}) in {total.Elapsed.TotalSeconds:F1} s: {compiled:N0} compiled " +
            $"({failedEvaluations:N0} of them failed evaluation), {count - compiled:N0} rejected, {exceptions} exceptions");
        // Timed again, warm, to tell a slow input from a pause of the machine (GC, another process) during its first run.
        var again = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            clock.Restart();
            var parsed = AutoScaleFormula.Parse(slowest);
            parsed.Formula?.Evaluate(context);
            clock.Stop();
            again = Math.Min(again, clock.ElapsedTicks * 1000.0 / Stopwatch.Frequency);
        }
        output.WriteLine($"slowest input: {slowestMs:F3} ms (goal < 100 ms; {again:F3} ms when run again), {slowest.Length} characters: {Escape(slowest)}");
        return exceptions == 0 && slowestMs < 100 ? 0 : 1;
    }

    private static string Escape(string text)
    {
        var shown = text.Length > 200 ? text[..200] + "..." : text;
        return System.Text.Json.JsonSerializer.Serialize(shown);
    }
}
