extern alias generator;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>
/// <c>[SimulationExpectation]</c>: listed beside the pool (never in its definition, script, hash or drift), registered for
/// the build's check with the attribute's place, and checked by the analyzer as written (it never simulates).
/// </summary>
public class SimulationExpectationTests
{
    private const string Formula = "$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));";

    private static string Pool(string expectations) => $$"""
        using ClusterlessHpc;

        namespace Contoso.Expect;

        [BatchPool("expect", VmSize = "Standard_E4s_v3")]
        [AutoScale("{{Formula}}")]
        {{expectations}}
        public partial class ExpectPool;
        """;

    [Fact]
    public void The_generated_class_lists_each_expectation_with_its_values_and_registers_it_with_its_place()
    {
        var source = Pool("""
            [SimulationExpectation("burst:200", MaxMakespan = "01:30:00", MaxCostUsd = 25, PricePerNodeHour = 0.096)]
            [SimulationExpectation("workloads/nightly.csv", Name = "nightly", MaxMakespan = "8h", Duration = "2d", TaskDuration = "90s", SpotPricePerNodeHour = 0.02, MaxCostUsd = 40)]
            """);
        var (output, generated) = GeneratorHarness.RunWithFiles(JuliaManifests.ProjectDir, new Dictionary<string, string>(),
            GeneratorHarness.CompileAt(($"{JuliaManifests.ProjectDir}/Pools.cs", source)));
        Assert.Contains("ClusterlessHpc.SimulationExpectations.g.cs", generated.Keys);

        var type = GeneratorHarness.Load(output).GetType("Contoso.Expect.ExpectPool")!;
        var listed = (IReadOnlyList<SimulationExpectation>)type.GetProperty("SimulationExpectations")!.GetValue(null)!;
        Assert.Equal(
            [
                new SimulationExpectation("burst:200", "burst:200") { MaxMakespan = TimeSpan.FromMinutes(90), MaxCostUsd = 25m, PricePerNodeHour = 0.096m },
                new SimulationExpectation("nightly", "workloads/nightly.csv")
                {
                    MaxMakespan = TimeSpan.FromHours(8), MaxCostUsd = 40m, SpotPricePerNodeHour = 0.02m,
                    Duration = TimeSpan.FromDays(2), TaskDuration = TimeSpan.FromSeconds(90),
                },
            ],
            listed);

        var definition = (PoolDefinition)type.GetProperty("Definition")!.GetValue(null)!;
        Assert.Same(listed, SimulationExpectations.Of(definition));
        var sites = DeclarationSites.Of(definition).ToDictionary(s => s.Target, s => s.ToString());
        Assert.Equal("Pools.cs(7,2): [SimulationExpectation(\"burst:200\", ...)]", sites["SimulationExpectation[0].Attribute"]);
        Assert.Equal("Pools.cs(8,2): [SimulationExpectation(\"workloads/nightly.csv\", ...)]", sites["SimulationExpectation[1].Attribute"]);
    }

    [Fact]
    public void Expectations_change_no_definition_script_hash_or_drift()
    {
        var without = Generate(Pool(""));
        var with = Generate(Pool("""[SimulationExpectation("burst:200", MaxMakespan = "01:30:00")]"""));
        var changed = Generate(Pool("""[SimulationExpectation("steady:3", MaxCostUsd = 2, PricePerNodeHour = 0.5)]"""));

        foreach (var other in new[] { with, changed })
        {
            Assert.Equal(without.Definition, other.Definition);
            Assert.Equal(without.Definition.GetHashCode(), other.Definition.GetHashCode());
            Assert.Equal(without.Script, other.Script);
            Assert.Equal(StartupScriptRenderer.DefinitionHash(without.Definition), StartupScriptRenderer.DefinitionHash(other.Definition));
        }
        Assert.NotEqual(with.Expectations, changed.Expectations);
        Assert.Empty(without.Expectations);
    }

    [Fact]
    public void A_pool_with_an_invalid_expectation_lists_none()
    {
        var (_, generated) = GeneratorHarness.RunWithFiles(null, new Dictionary<string, string>(),
            GeneratorHarness.Compile(Pool("""[SimulationExpectation("burst:lots", MaxMakespan = "1h")]""")));
        Assert.Contains("Contoso.Expect.ExpectPool.g.cs", generated.Keys);
        Assert.DoesNotContain("SimulationExpectations", generated["Contoso.Expect.ExpectPool.g.cs"]);
        Assert.DoesNotContain("ClusterlessHpc.SimulationExpectations.g.cs", generated.Keys);
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        { "CHPC1048", """[SimulationExpectation({|#0:"burst:lots"|}, MaxMakespan = "1h")]""" },
        { "CHPC1048", """[SimulationExpectation({|#0:" "|}, MaxMakespan = "1h")]""" },
        { "CHPC1049", """[SimulationExpectation({|#0:"workloads/missing.csv"|}, MaxMakespan = "1h")]""" },
        { "CHPC1050", """[SimulationExpectation("burst:5", MaxMakespan = {|#0:"an hour"|})]""" },
        { "CHPC1050", """[SimulationExpectation("burst:5", MaxMakespan = "1h", Duration = {|#0:"400d"|})]""" },
        { "CHPC1050", """[SimulationExpectation("burst:5", MaxMakespan = "1h", TaskDuration = {|#0:"-00:10:00"|})]""" },
        { "CHPC1051", """[SimulationExpectation("burst:5", MaxCostUsd = 10, PricePerNodeHour = {|#0:-0.1|})]""" },
        { "CHPC1052", """[SimulationExpectation("burst:5", MaxCostUsd = {|#0:10|})]""" },
        { "CHPC1053", """[{|#0:SimulationExpectation("burst:5", PricePerNodeHour = 0.1)|}]""" },
        { "CHPC1055", """[SimulationExpectation("burst:5", MaxMakespan = "1h")][SimulationExpectation({|#0:"burst:5"|}, MaxMakespan = "2h")]""" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public Task Each_mistake_is_reported_at_the_argument_that_holds_it(string id, string expectation) =>
        AnalyzerTest.VerifyAsync(Pool(expectation), Expected(id).WithLocation(0));

    [Fact]
    public Task An_expectation_on_a_fixed_size_pool_is_reported_at_the_attribute() =>
        AnalyzerTest.VerifyAsync("""
            using ClusterlessHpc;
            [BatchPool("fixed", NodeCount = 2)]
            [{|#0:SimulationExpectation("burst:5", MaxMakespan = "1h")|}]
            public partial class FixedPool;
            """, Expected("CHPC1054").WithLocation(0));

    [Fact]
    public Task A_workload_file_among_the_projects_files_and_named_expectations_are_accepted()
    {
        var test = AnalyzerTest.Create(Pool("""
            [SimulationExpectation("workloads/nightly.csv", MaxMakespan = "1h")]
            [SimulationExpectation("burst:5", Name = "small", MaxMakespan = "1h")]
            [SimulationExpectation("burst:5", Name = "small-cheap", MaxCostUsd = 1, SpotPricePerNodeHour = 0.01)]
            """));
        test.TestState.AdditionalFiles.Add(($"{JuliaManifests.ProjectDir}/workloads/nightly.csv", "minute,count\n0,5\n"));
        return test.RunAsync();
    }

    /// <summary>
    /// A formula that never adds a node cannot finish any workload: only a simulation shows that, and the analyzer does
    /// not simulate, so the expectation it could never meet passes the build's compile (the build's check reports it).
    /// </summary>
    [Fact]
    public Task The_analyzer_never_simulates_an_expectation_the_formula_can_never_meet_is_not_a_compile_error() =>
        AnalyzerTest.VerifyAsync("""
            using ClusterlessHpc;
            [BatchPool("idle")]
            [AutoScale("$TargetDedicatedNodes = 0;")]
            [SimulationExpectation("burst:100", MaxMakespan = "00:01:00")]
            public partial class IdlePool;
            """);

    private static (PoolDefinition Definition, string Script, IReadOnlyList<SimulationExpectation> Expectations) Generate(string source)
    {
        var (output, _) = GeneratorHarness.RunWithFiles(null, new Dictionary<string, string>(), GeneratorHarness.Compile(source));
        var type = GeneratorHarness.Load(output).GetType("Contoso.Expect.ExpectPool")!;
        var definition = (PoolDefinition)type.GetProperty("Definition")!.GetValue(null)!;
        var script = (string)type.GetField("StartupScript")!.GetValue(null)!;
        var listed = type.GetProperty("SimulationExpectations")?.GetValue(null) as IReadOnlyList<SimulationExpectation> ?? [];
        return (definition, script, listed);
    }

    private static DiagnosticResult Expected(string id) =>
        new(id, DiagnosticCatalogue.All.Single(r => r.Id == id).Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
}
