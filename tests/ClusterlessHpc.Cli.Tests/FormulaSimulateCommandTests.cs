using System.Globalization;
using System.Text.Json;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// <c>chpc formula simulate</c>: the chart and summary in a terminal, --json, --svg, --vs, prices and their sources,
/// and clear errors for bad flags (exit 3), bad input (exit 1) and a formula whose evaluations fail (exit 2).
/// </summary>
public class FormulaSimulateCommandTests
{
    // The seed page's formula, and the same with its sample window moved past the service's one-minute delay.
    internal const string Seed = """
        startingNumberOfVMs = 1;
        maxNumberofVMs = 10;
        pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(30 * TimeInterval_Second);
        pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(30 * TimeInterval_Second));
        $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
        $NodeDeallocationOption = taskcompletion;
        """;

    internal const string Lookback = """
        startingNumberOfVMs = 1;
        maxNumberofVMs = 10;
        pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(3 * TimeInterval_Minute, 1 * TimeInterval_Minute);
        pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(3 * TimeInterval_Minute, 1 * TimeInterval_Minute));
        $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
        $NodeDeallocationOption = taskcompletion;
        """;

    private const string Prices = """
        vm_size,region,kind,usd_per_node_hour,date,source
        Standard_E4s_v3,westeurope,pay-as-you-go,0.30,2026-12-01,https://example.test/payg
        Standard_E4s_v3,westeurope,spot,0.06,2026-12-02,https://example.test/spot
        Standard_E4s_v3,eastus,pay-as-you-go,0.25,2026-12-01,https://example.test/payg-east
        """;

    [Theory]
    [InlineData("--interval", "1m", "--interval '1m' must be from 5 min to 168 h.")]
    [InlineData("--duration", "soon", "--duration 'soon' is not a duration such as 90s, 20m or 2h.")]
    [InlineData("--slots", "0", "--slots '0' must be a whole number from 1 to 256.")]
    [InlineData("--start-nodes", "-2", "--start-nodes '-2' must be a whole number from 0 to 10000.")]
    [InlineData("--preemption", "-0.5", "--preemption '-0.5' is not a rate such as 0.05 (preemptions per node-hour).")]
    [InlineData("--price", "$1", "--price '$1' is not a price in US dollars such as 0.126.")]
    [InlineData("--seed", "x", "--seed 'x' must be a whole number.")]
    [InlineData("--task-duration", "0s", "--task-duration '0s' is not a duration such as 90s, 20m or 2h.")]
    public void A_bad_flag_is_a_usage_error_naming_the_flag_and_value(string flag, string value, string message)
    {
        using var files = new TempFiles();
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "simulate", files.Write("f.formula", Lookback), "--workload", "burst:10", flag, value);
        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error: " + message + "\n", stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'chpc formula simulate --help' for usage.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workload_is_required()
    {
        var (exit, _, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-");
        Assert.Equal(3, exit);
        Assert.Contains("--workload", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_price_file_names_the_file_line_and_value()
    {
        using var files = new TempFiles();
        var prices = files.Write("prices.csv", "vm_size,region,kind,usd_per_node_hour,date,source\n# a note\nStandard_E4s_v3,westeurope,pay-as-you-go,cheap,2026-12-01,x\n");
        var (exit, stdout, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:10", "--prices", prices);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        // The formula's own warning (its average can be fractional) comes first.
        Assert.EndsWith($"\nerror: {prices}(3): usd_per_node_hour 'cheap' is not a price in US dollars such as 0.148.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_table_with_the_size_in_two_regions_needs_region()
    {
        using var files = new TempFiles();
        var prices = files.Write("prices.csv", Prices);
        var (exit, _, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:10", "--vm-size", "Standard_E4s_v3", "--prices", prices);
        Assert.Equal(1, exit);
        Assert.EndsWith($"\nerror: {prices} prices Standard_E4s_v3 in westeurope, eastus: choose one with --region.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_workload_is_named_with_the_flag()
    {
        using var files = new TempFiles();
        var workload = files.Write("tasks.csv", "arrival_s,duration_s,slots\n0,600,1\nsoon,600,1\n");
        var (exit, stdout, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", workload);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"\nerror: --workload {workload}(3): ", stderr, StringComparison.Ordinal);
        Assert.Contains("soon", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:lots");
        Assert.Equal(1, exit);
        Assert.Contains("\nerror: --workload burst:lots", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_with_errors_is_not_simulated()
    {
        var (exit, stdout, stderr) = CliRun.Run("$TargetDedicatedNodes = time() + 5;", "formula", "simulate", "-", "--workload", "burst:10");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("<stdin>(1,", stderr, StringComparison.Ordinal);
        Assert.Contains(": error CHPC", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_chart_the_summary_and_the_price_it_used()
    {
        using var files = new TempFiles();
        var formula = files.Write("lookback.formula", Lookback);
        var prices = files.Write("prices.csv", Prices);
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "simulate", formula, "--workload", "burst:100", "--duration", "4h", "--slots", "4",
            "--vm-size", "Standard_E4s_v3", "--prices", prices, "--region", "westeurope");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("lookback.formula: burst:100 on Standard_E4s_v3, 4 h\n", stdout, StringComparison.Ordinal);
        Assert.Contains("nodes (█ current, · target above it)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("^ evaluation\n", stdout, StringComparison.Ordinal);
        foreach (var row in new[] { "tasks", "makespan", "queue wait p50", "queue wait p95", "queue wait max", "node-hours", "idle node-hours", "evaluations", "resizes", "preemptions", "cost" })
        {
            Assert.Contains("\n" + row, stdout, StringComparison.Ordinal);
        }
        Assert.Matches(@"\ntasks +100 of 100 completed\n", stdout);
        Assert.Contains("\nprice: dedicated nodes $0.3000 per node-hour (Standard_E4s_v3, westeurope, pay-as-you-go, read 2026-12-01 from https://example.test/payg)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\nprice: low-priority nodes $0.0600 per node-hour (Standard_E4s_v3, westeurope, Spot, a snapshot of a variable price, read 2026-12-02 from https://example.test/spot)\n", stdout, StringComparison.Ordinal);

        // The cost is the node-hours at the dedicated price (the formula asks only for dedicated nodes).
        var nodeHours = double.Parse(Row(stdout, "node-hours"), CultureInfo.InvariantCulture);
        var cost = decimal.Parse(Row(stdout, "cost").TrimStart('$'), CultureInfo.InvariantCulture);
        Assert.True(nodeHours > 0);
        // Node-hours print with two decimals, so the product may differ from the cost by their rounding.
        Assert.InRange(cost, (decimal)nodeHours * 0.30m - 0.01m, (decimal)nodeHours * 0.30m + 0.01m);
    }

    [Fact]
    public void Price_overrides_the_tables()
    {
        var (exit, stdout, _) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:20", "--duration", "2h", "--price", "1.5");
        Assert.Equal(0, exit);
        Assert.Contains("\nprice: $1.5000 per node-hour for every node, from --price\n", stdout, StringComparison.Ordinal);
        var nodeHours = double.Parse(Row(stdout, "node-hours"), CultureInfo.InvariantCulture);
        var cost = decimal.Parse(Row(stdout, "cost").TrimStart('$'), CultureInfo.InvariantCulture);
        Assert.InRange(cost, (decimal)nodeHours * 1.5m - 0.01m, (decimal)nodeHours * 1.5m + 0.01m);
    }

    [Fact]
    public void Json_writes_the_simulations_document_only()
    {
        var (exit, stdout, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:30", "--duration", "2h", "--price", "0.2", "--json");
        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Contains("price: $0.2000 per node-hour for every node, from --price\n", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nodes (█", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Vs_runs_both_formulas_on_the_same_workload_side_by_side_and_in_one_svg()
    {
        using var files = new TempFiles();
        var seed = files.Write("seed.formula", Seed);
        var lookback = files.Write("lookback.formula", Lookback);
        var svg = files.PathOf("chart.svg");
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "simulate", seed, "--vs", lookback, "--workload", "burst:200", "--duration", "12h", "--slots", "4", "--price", "0.25", "--svg", svg);
        // The seed formula's 30-second window never holds a sample, so it keeps one node: 50 rounds of 10 minutes, done in 12 h.
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("seed.formula vs lookback.formula: burst:200", stdout, StringComparison.Ordinal);
        // The summary has a column per formula, under its file name.
        var header = stdout.Split('\n').Single(l => l.StartsWith(" ", StringComparison.Ordinal) && l.TrimStart().StartsWith("seed.formula", StringComparison.Ordinal));
        Assert.Matches(@"^ +seed\.formula +lookback\.formula$", header);
        Assert.Matches(@"\ntasks +200 of 200 completed +200 of 200 completed\n", stdout);
        Assert.Equal(2, stdout.Split('\n').Count(l => l.StartsWith("nodes (", StringComparison.Ordinal)));
        Assert.Contains($"chart: {svg}\n", stdout, StringComparison.Ordinal);

        var text = File.ReadAllText(svg);
        Assert.Contains(">seed.formula<", text, StringComparison.Ordinal);
        Assert.Contains(">lookback.formula<", text, StringComparison.Ordinal);
        var png = SvgChartTests.Render(text, "vs");
        Assert.True(png.Count(Output.Charts.SvgChart.Colour(Output.Charts.ChartSeriesKind.CurrentNodes)) > 300);
    }

    [Fact]
    public void A_failing_evaluation_exits_2_and_says_when_and_why()
    {
        // No sample exists at the first evaluation, so asking for 100% of them fails there.
        const string formula = "$TargetDedicatedNodes = max($RunningTasks.GetSample(10 * TimeInterval_Second, 0 * TimeInterval_Second, 100));";
        var (exit, stdout, stderr) = CliRun.Run(formula, "formula", "simulate", "-", "--workload", "burst:5", "--duration", "30m");
        Assert.Equal(2, exit);
        Assert.Contains("\nevaluations", stdout, StringComparison.Ordinal);
        Assert.Contains("error: <stdin>: ", stderr, StringComparison.Ordinal);
        Assert.Contains("evaluations failed, the first at 0:00: InsufficientSampleData: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_priority_nodes_are_priced_at_the_spot_row()
    {
        using var files = new TempFiles();
        var prices = files.Write("prices.csv", Prices);
        const string spotFormula = "$TargetLowPriorityNodes = min(5, $PendingTasks.GetSample(1));\n$TargetDedicatedNodes = 0;";
        var (exit, stdout, stderr) = CliRun.Run(spotFormula, "formula", "simulate", "-", "--workload", "burst:40", "--duration", "3h",
            "--vm-size", "Standard_E4s_v3", "--prices", prices, "--region", "westeurope", "--low-priority");
        Assert.True(exit == 0, stderr + stdout);
        // node-hours row: "N (D dedicated, L low-priority)"; all of them low-priority, at the Spot price.
        var line = stdout.Split('\n').First(l => l.StartsWith("node-hours ", StringComparison.Ordinal));
        Assert.Matches(@"\(0\.00 dedicated, [0-9.]+ low-priority\)$", line);
        var nodeHours = decimal.Parse(Row(stdout, "node-hours"), CultureInfo.InvariantCulture);
        var cost = decimal.Parse(Row(stdout, "cost").TrimStart('$'), CultureInfo.InvariantCulture);
        Assert.True(nodeHours > 0);
        Assert.InRange(cost, nodeHours * 0.06m - 0.01m, nodeHours * 0.06m + 0.01m);
    }

    [Fact]
    public void A_size_the_table_does_not_price_runs_without_a_cost_and_says_why()
    {
        using var files = new TempFiles();
        var prices = files.Write("prices.csv", Prices);
        var (exit, stdout, _) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:10", "--duration", "2h", "--vm-size", "Standard_D4s_v5", "--prices", prices);
        Assert.Equal(0, exit);
        Assert.Matches(@"\ncost +n/a \(no price\)\n", stdout);
        Assert.Contains($"\nprice: {prices} has no price for Standard_D4s_v5; no cost is computed (give --price USD_PER_NODE_HOUR or --prices FILE)\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_price_the_default_size_is_priced_from_the_shipped_table_in_its_one_region()
    {
        var (exit, stdout, stderr) = CliRun.Run(Lookback, "formula", "simulate", "-", "--workload", "burst:10", "--duration", "2h");
        Assert.True(exit == 0, stderr);
        // No --region: the shipped table prices the catalogue's default in westeurope only.
        var dedicated = VmPriceTable.Default.Find(PoolDefinition.DefaultVmSize, "westeurope");
        var spot = VmPriceTable.Default.Find(PoolDefinition.DefaultVmSize, "westeurope", VmPriceKind.Spot);
        Assert.NotNull(dedicated);
        Assert.NotNull(spot);
        Assert.Contains($"\nprice: dedicated nodes {dedicated}\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"\nprice: low-priority nodes {spot}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Spot, a snapshot of a variable price, read ", stdout, StringComparison.Ordinal);

        var nodeHours = decimal.Parse(Row(stdout, "node-hours"), CultureInfo.InvariantCulture);
        var cost = decimal.Parse(Row(stdout, "cost").TrimStart('$'), CultureInfo.InvariantCulture);
        Assert.True(nodeHours > 0);
        Assert.InRange(cost, nodeHours * dedicated.UsdPerNodeHour - 0.01m, nodeHours * dedicated.UsdPerNodeHour + 0.01m);
    }

    [Fact]
    public void Json_with_vs_is_an_array_of_the_two_documents()
    {
        using var files = new TempFiles();
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "simulate", files.Write("a.formula", Seed), "--vs", files.Write("b.formula", Lookback), "--workload", "burst:20", "--duration", "3h", "--json");
        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(2, document.RootElement.GetArrayLength());
        Assert.All(document.RootElement.EnumerateArray(), item => Assert.Equal(JsonValueKind.Object, item.ValueKind));
    }

    /// <summary>The first number of a summary row in plain output: "node-hours   12.34 (...)" gives "12.34".</summary>
    private static string Row(string stdout, string name)
    {
        var line = stdout.Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line[name.Length..].Trim().Split(' ')[0];
    }
}
