using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Generator.Tests;

public class PoolGeneratorTests
{
    [Fact]
    public void The_seed_pool_generates_its_baseline()
    {
        var (_, generated) = GeneratorHarness.Run(Samples.Redwood);

        Baseline.AssertMatches("Contoso.Pools.RedwoodPool.g.cs", generated["Contoso.Pools.RedwoodPool.g.cs"]);
        Baseline.AssertMatches("ClusterlessHpc.PoolRegistry.g.cs", generated["ClusterlessHpc.PoolRegistry.g.cs"]);
    }

    [Fact]
    public void The_generated_definition_and_script_agree_with_the_runtime()
    {
        var (output, _) = GeneratorHarness.Run(Samples.Redwood, Samples.Nested);
        var assembly = GeneratorHarness.Load(output);

        var type = assembly.GetType("Contoso.Pools.RedwoodPool")!;
        var definition = (PoolDefinition)type.GetProperty("Definition")!.GetValue(null)!;
        var script = (string)type.GetField("StartupScript")!.GetRawConstantValue()!;

        var expected = new PoolDefinition
        {
            Id = "redwood",
            VmSize = "Standard_E8s_v3",
            NodeCount = 2,
            Julia = new JuliaDefinition("1.5.2"),
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers"), new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Develop = true }],
        };
        Assert.Equal(expected, definition);
        Assert.Equal(StartupScriptRenderer.Render(definition), script);
    }

    [Fact]
    public void The_step_timeout_reaches_the_definition_and_the_scripts_limit()
    {
        var (output, _) = GeneratorHarness.Run("""
            using ClusterlessHpc;
            [BatchPool("slow")]
            [Julia("1.10.5")]
            [StartTask(MaxRetryCount = 1, StepTimeoutMinutes = 90)]
            public partial class SlowPool;
            """);
        var type = GeneratorHarness.Load(output).GetType("SlowPool")!;

        var definition = (PoolDefinition)type.GetProperty("Definition")!.GetValue(null)!;
        var script = (string)type.GetField("StartupScript")!.GetRawConstantValue()!;

        Assert.Equal(90, definition.StartTaskStepTimeoutMinutes);
        Assert.Contains("\nreadonly step_timeout_seconds=5400\n", script);
        Assert.Equal(StartupScriptRenderer.Render(definition), script);
    }

    [Fact]
    public void A_partial_record_pool_is_generated_as_a_class_pool_is()
    {
        // The analyzer checks record classes (they are classes); the generator must give them their members too.
        var (output, generated) = GeneratorHarness.Run("""
            using ClusterlessHpc;
            namespace Records;
            [BatchPool("plain-record", NodeCount = 2)]
            public partial record PlainRecord;
            [BatchPool("record-class")]
            public partial record class RecordClass(int Size);
            """);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("partial record PlainRecord : global::ClusterlessHpc.IDeclaredPool", generated["Records.PlainRecord.g.cs"]);
        var pools = PoolRegistry.FromAssembly(GeneratorHarness.Load(output));
        Assert.Equal(["plain-record", "record-class"], pools.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, pools.Single(p => p.Id == "plain-record").NodeCount);
    }

    [Fact]
    public void The_registry_lists_every_valid_pool_of_the_assembly()
    {
        var (output, _) = GeneratorHarness.Run(Samples.Redwood, Samples.Nested, """
            using ClusterlessHpc;
            [BatchPool("bad id")]
            public partial class Broken;
            """);

        var pools = PoolRegistry.FromAssembly(GeneratorHarness.Load(output));

        Assert.Equal(["small", "redwood"], pools.Select(p => p.Id));
        Assert.Equal(3, pools[0].LowPriorityNodeCount);
        Assert.Equal(0, pools[0].EffectiveNodeCount);
    }

    [Theory]
    [InlineData("[BatchPool(\"bad id\")] public partial class P;")]
    [InlineData("[BatchPool(\"ok\")] public class P;")]
    [InlineData("[BatchPool(\"ok\")] public partial class P<T>;")]
    [InlineData("[BatchPool(\"ok\")][Julia(\"1.10\")] public partial class P;")]
    [InlineData("[BatchPool(\"ok\")][JuliaPackage(\"A.jl\")] public partial class P;")]
    [InlineData("[BatchPool(\"ok\")][JuliaPackage(\"A\", Develop = true)] public partial class P;")]
    [InlineData("public class Outer { [BatchPool(\"ok\")] public partial class P; }")]
    public void An_invalid_pool_generates_nothing(string declaration)
    {
        var (_, generated) = GeneratorHarness.Run("using ClusterlessHpc;\n" + declaration);

        Assert.Empty(generated);
    }

    [Fact]
    public void A_class_without_the_attribute_generates_nothing()
    {
        var (_, generated) = GeneratorHarness.Run(Samples.Unrelated);
        Assert.Empty(generated);
    }
}
