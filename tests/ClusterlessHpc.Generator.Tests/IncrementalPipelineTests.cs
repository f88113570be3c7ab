extern alias generator;
using ClusterlessHpc.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = generator::ClusterlessHpc.Generator.TrackingNames;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>
/// The generator keeps a pool's model without binding while nothing it depends on changed, and makes it again as
/// soon as something did, in its own file or another: every incremental run here ends with exactly the files a fresh
/// run over the same compilation generates.
/// </summary>
public class IncrementalPipelineTests
{
    [Fact]
    public void A_keystroke_in_one_pools_formula_binds_that_pool_and_no_other()
    {
        var compilation = GeneratorHarness.Compile(Enumerable.Range(0, 6).Select(BenchmarkPools.Source).ToArray());
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.ElementAt(3);
        var digit = tree.ToString().IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(digit, 1, "9")));
        driver = driver.RunGenerators(edited);

        // The keys are made again for every run (they are cheap: no binding) and five compare equal; the models behind
        // them are Cached, not Unchanged: the other five pools were not bound again to find their models equal.
        var keys = Reasons(driver, TrackingNames.PoolDeclarations).ToList();
        Assert.True(keys.Count == 6 && keys.Count(r => r == IncrementalStepRunReason.Unchanged) == 5, string.Join(", ", keys));
        var models = Reasons(driver, TrackingNames.PoolModels).ToList();
        Assert.True(models.Count == 6 && models.Count(r => r == IncrementalStepRunReason.Cached) == 5, string.Join(", ", models));
        Assert.Single(models, r => r == IncrementalStepRunReason.Modified);
        Assert.Contains("maxNumberofVMs = 19;", Generated(driver)["Bench.Pool3.g.cs"]);
        AssertSameAsFreshRun(driver, edited);
    }

    [Fact]
    public void A_keystroke_compares_the_options_and_references_once_and_a_changed_reference_is_seen()
    {
        var compilation = GeneratorHarness.Compile(Enumerable.Range(0, 6).Select(BenchmarkPools.Source).ToArray());
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        // One comparison for the run, which keeps the earlier value: every declaration's key then finds the same object.
        var tree = compilation.SyntaxTrees.ElementAt(3);
        var digit = tree.ToString().IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(digit, 1, "9")));
        driver = driver.RunGenerators(edited);
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(driver, TrackingNames.CompilationInputs));

        // A reference added (or gone) is a new value, and every declaration is bound again against it.
        var library = CSharpCompilation.Create("Extra", [CSharpSyntaxTree.ParseText("namespace Extra; public static class Nothing { }")],
            edited.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();
        var referenced = edited.AddReferences(library);
        driver = driver.RunGenerators(referenced);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(driver, TrackingNames.CompilationInputs));
        Assert.All(Reasons(driver, TrackingNames.PoolDeclarations), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        AssertSameAsFreshRun(driver, referenced);
    }

    [Fact]
    public void A_constant_changed_in_another_file_reaches_the_pool_that_reads_it()
    {
        const string pool = """
            using ClusterlessHpc;
            namespace Contoso;
            [BatchPool("redwood", VmSize = Sizes.Large)]
            public partial class Redwood;
            """;
        const string sizes = """
            namespace Contoso;
            internal static class Sizes
            {
                public const string Large = "Standard_E8s_v3";
                public static string Describe() => "a method body another file cannot read: " + Large;
            }
            """;
        var compilation = GeneratorHarness.Compile(pool, sizes);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("VmSize = \"Standard_E8s_v3\"", Generated(driver)["Contoso.Redwood.g.cs"]);

        // A method body's edit leaves the pool cached...
        var bodyEdit = Edit(compilation, 1, sizes.Replace("cannot read", "can never read"));
        driver = driver.RunGenerators(bodyEdit);
        Assert.All(Reasons(driver, TrackingNames.PoolModels), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        // ...the constant's value does not.
        var constantEdit = Edit(bodyEdit, 1, sizes.Replace("\"Standard_E8s_v3\"", "\"Standard_E16s_v3\""));
        driver = driver.RunGenerators(constantEdit);
        Assert.Contains("VmSize = \"Standard_E16s_v3\"", Generated(driver)["Contoso.Redwood.g.cs"]);
        AssertSameAsFreshRun(driver, constantEdit);
    }

    [Fact]
    public void Attributes_on_a_partial_declaration_in_another_file_reach_the_pool()
    {
        const string pool = """
            using ClusterlessHpc;
            namespace Contoso;
            [BatchPool("redwood")]
            public partial class Redwood;
            """;
        const string julia = """
            using ClusterlessHpc;
            namespace Contoso;
            [Julia("1.10.5")]
            public partial class Redwood;
            """;
        var compilation = GeneratorHarness.Compile(pool, julia);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("new global::ClusterlessHpc.JuliaDefinition(\"1.10.5\")", Generated(driver)["Contoso.Redwood.g.cs"]);

        var versionEdit = Edit(compilation, 1, julia.Replace("1.10.5", "1.11.2"));
        driver = driver.RunGenerators(versionEdit);
        Assert.Contains("new global::ClusterlessHpc.JuliaDefinition(\"1.11.2\")", Generated(driver)["Contoso.Redwood.g.cs"]);
        AssertSameAsFreshRun(driver, versionEdit);

        var packageAdded = Edit(versionEdit, 1, julia.Replace("1.10.5", "1.11.2").Replace("[Julia(", "[JuliaPackage(\"JSON\")]\n[Julia("));
        driver = driver.RunGenerators(packageAdded);
        Assert.Contains("new global::ClusterlessHpc.JuliaPackageDefinition(\"JSON\")", Generated(driver)["Contoso.Redwood.g.cs"]);
        AssertSameAsFreshRun(driver, packageAdded);
    }

    [Fact]
    public void A_global_using_added_in_another_file_makes_a_class_a_pool()
    {
        const string pool = """
            namespace Contoso;
            [BatchPool("redwood")]
            public partial class Redwood;
            """;
        var compilation = GeneratorHarness.Compile(pool, "namespace Contoso;\n");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Empty(Generated(driver));

        var withUsing = Edit(compilation, 1, "global using ClusterlessHpc;\nnamespace Contoso;\n");
        driver = driver.RunGenerators(withUsing);
        Assert.Contains("Contoso.Redwood.g.cs", Generated(driver).Keys);
        AssertSameAsFreshRun(driver, withUsing);
    }

    [Fact]
    public void A_constant_changed_in_a_referenced_project_reaches_the_pool()
    {
        static MetadataReference Library(string size) => CSharpCompilation.Create("Shared",
            [CSharpSyntaxTree.ParseText($"namespace Shared; public static class Sizes {{ public const string Large = \"{size}\"; }}")],
            GeneratorHarness.Compile().References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();

        const string pool = """
            using ClusterlessHpc;
            namespace Contoso;
            [BatchPool("redwood", VmSize = Shared.Sizes.Large)]
            public partial class Redwood;
            """;
        var first = Library("Standard_E8s_v3");
        var compilation = GeneratorHarness.Compile(pool).AddReferences(first);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("VmSize = \"Standard_E8s_v3\"", Generated(driver)["Contoso.Redwood.g.cs"]);

        var changed = compilation.ReplaceReference(first, Library("Standard_E16s_v3"));
        driver = driver.RunGenerators(changed);
        Assert.Contains("VmSize = \"Standard_E16s_v3\"", Generated(driver)["Contoso.Redwood.g.cs"]);
        AssertSameAsFreshRun(driver, changed);
    }

    [Fact]
    public void A_pool_declared_twice_with_BatchPool_is_generated_once()
    {
        // The compiler reports the duplicate attribute; the generator must not add the same file twice meanwhile.
        const string first = "using ClusterlessHpc;\nnamespace Contoso;\n[BatchPool(\"redwood\")]\npublic partial class Redwood;\n";
        const string second = "using ClusterlessHpc;\nnamespace Contoso;\n[BatchPool(\"sequoia\")]\npublic partial class Redwood;\n";
        var driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(first, second));
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Single(result.GeneratedSources, s => s.HintName == "Contoso.Redwood.g.cs");
    }

    [Fact]
    public void The_cached_declarations_do_not_keep_an_earlier_compilation_alive()
    {
        var (driver, first) = RunOnceAndEditOnePool();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(first.TryGetTarget(out _), "the driver's state still holds the first compilation");
        GC.KeepAlive(driver);
    }

    // Apart, so that no local of the test's own frame holds the first compilation.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (GeneratorDriver Driver, WeakReference<Compilation> First) RunOnceAndEditOnePool()
    {
        var compilation = GeneratorHarness.Compile(Enumerable.Range(0, 3).Select(BenchmarkPools.Source).ToArray());
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.ElementAt(1);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("maxNumberofVMs = ", StringComparison.Ordinal) + 18, 1, "9")));
        return (driver.RunGenerators(edited), new WeakReference<Compilation>(compilation));
    }

    private static Compilation Edit(Compilation compilation, int index, string text)
    {
        var tree = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static Dictionary<string, string> Generated(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertSameAsFreshRun(GeneratorDriver driver, Compilation compilation)
    {
        var fresh = Generated(GeneratorHarness.CreateDriver().RunGenerators(compilation));
        var incremental = Generated(driver);
        Assert.Equal(fresh.Keys.Order(), incremental.Keys.Order());
        foreach (var (name, text) in fresh) Assert.Equal(text, incremental[name]);
    }
}
