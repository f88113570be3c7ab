using System.Text.Json;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// The autoscale simulation evaluates formulas as <c>chpc formula eval</c> does: at every evaluation of a simulation, the
/// command run on what that evaluation saw (written as a metrics file) gives the same results line, targets and error.
/// </summary>
public class SimulationFormulaEvalAgreementTests
{
    // The HASTE pool's formula (from the corpus): it reads $ActiveTasks by count and by window, and its own target.
    private const string Haste = "$samples = $ActiveTasks.GetSamplePercent(TimeInterval_Minute * 15);\n$tasks = $samples < 70 ? max(0, $ActiveTasks.GetSample(1)) : \nmax( $ActiveTasks.GetSample(1), avg($ActiveTasks.GetSample(TimeInterval_Minute * 15)));\n$targetVMs = $tasks > 0 ? $tasks : max(0, $TargetDedicatedNodes / 2);\ncappedPoolSize = 3;\n$TargetDedicatedNodes = max(1, min($targetVMs, cappedPoolSize));\n$NodeDeallocationOption = taskcompletion;\n";

    // Reads time and the low-priority variables too; val() of an empty window fails, as at creation.
    private const string Spot = "$TargetLowPriorityNodes = min(4, val($PendingTasks.GetSample(TimeInterval_Minute * 2, TimeInterval_Minute), 0) + (time().minute > 30 ? 1 : 0));\n$TargetDedicatedNodes = $CurrentLowPriorityNodes > 2 ? 1 : 0;\n";

    // Fails while there is no sample (at creation), so failures are compared too.
    private const string LatestPending = "$TargetDedicatedNodes = max($PendingTasks.GetSample(1));";

    [Theory]
    [InlineData(Haste, "burst:5", false)]
    [InlineData(Spot, "steady:0.5", true)]
    [InlineData(LatestPending, "steady:2", true)]
    public void At_every_evaluation_the_simulation_gives_what_chpc_formula_eval_gives_on_the_same_samples(string formula, string workload, bool failsAtCreation)
    {
        var result = new AutoScaleSimulation(formula, SimulationWorkload.Parse(workload, TimeSpan.FromMinutes(7)))
        {
            Duration = TimeSpan.FromHours(2),
        }.Run();
        using var files = new TempFiles();
        var formulaFile = files.Write("pool.formula", formula);
        Assert.Equal(25, result.Evaluations.Count);
        Assert.Contains(result.Evaluations, e => e.SampleCount > 100);
        var failures = 0;

        foreach (var evaluation in result.Evaluations)
        {
            var metrics = files.Write("metrics.json", evaluation.ToMetricsJson());
            var (exit, stdout, stderr) = CliRun.Run(null, "formula", "eval", formulaFile, "--metrics", metrics, "--json");
            var at = $"at {evaluation.Offset} (exit {exit}, {stderr})";
            using var answer = JsonDocument.Parse(stdout);
            var root = answer.RootElement;
            var outcome = evaluation.Outcome;

            Assert.True(outcome.Results == root.GetProperty("results").GetString(), at + ": " + outcome.Results + " vs " + root.GetProperty("results").GetString());
            if (outcome.Error is { } error)
            {
                failures++;
                Assert.Equal(2, exit);
                Assert.Equal(error.Code, root.GetProperty("error").GetProperty("code").GetString());
            }
            else
            {
                Assert.True(exit == 0, at);
                Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
                Assert.Equal(outcome.TargetDedicatedNodes, root.GetProperty("targetDedicatedNodes").GetInt32());
                Assert.Equal(outcome.TargetLowPriorityNodes, root.GetProperty("targetLowPriorityNodes").GetInt32());
                Assert.Equal(outcome.NodeDeallocationOption!.Value.Value, root.GetProperty("nodeDeallocationOption").GetString());
            }
        }
        Assert.Equal(failsAtCreation, result.Evaluations[0].Outcome.Error is not null);
        Assert.True(failures < result.Evaluations.Count / 2, $"{failures} of {result.Evaluations.Count} evaluations failed");
    }
}
