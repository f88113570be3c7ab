using BenchmarkDotNet.Attributes;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.AutoScale.Language;

namespace ClusterlessHpc.Benchmarks;

/// <summary>
/// Goals: parse and bind the documentation's longest example in at most 20 µs; evaluate a formula over a week of
/// 30-second samples of three metrics in at most 1 ms. docs/autoscale.md ("Performance") records the figures.
/// </summary>
[MemoryDiagnoser]
public class FormulaBenchmarks
{
    private string _longest = "";
    private AutoScaleFormula _week = null!;
    private AutoScaleFormula _weekListing = null!;
    private AutoScaleContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _longest = FormulaSamples.LongestDocumentationExample;
        _week = AutoScaleFormula.Parse(FormulaSamples.WeekFormula).Formula ?? throw new InvalidOperationException("the week formula does not compile");
        _weekListing = AutoScaleFormula.Parse(FormulaSamples.WeekFormulaListingSamples).Formula ?? throw new InvalidOperationException("the listing formula does not compile");
        _context = FormulaSamples.Week();
        foreach (var formula in new[] { _week, _weekListing })
        {
            var evaluation = formula.Evaluate(_context);
            if (!evaluation.Succeeded) throw new InvalidOperationException("the week formula fails: " + evaluation);
        }
    }

    // Returned as object: the analysis is internal, and a benchmark method is public.
    [Benchmark(Description = "Parse and bind the longest docs example")]
    public object ParseAndBindLongestExample() => FormulaChecker.Analyze(_longest);

    [Benchmark(Description = "Evaluate over a week of samples of 3 metrics")]
    public AutoScaleEvaluation EvaluateWeekOfSamples() => _week.Evaluate(_context);

    // No goal: shows what printing a week-long vector in the results string costs.
    [Benchmark(Description = "Evaluate, listing a week of samples in the results")]
    public AutoScaleEvaluation EvaluateWeekListingSamples() => _weekListing.Evaluate(_context);
}
