extern alias generator;
using ClusterlessHpc.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = generator::ClusterlessHpc.Generator.TrackingNames;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>Where each attribute was written: recorded in an implementation output, outside the definition, its script and its hash.</summary>
public class DeclarationSiteTests
{
    private const string Pools = """
        using ClusterlessHpc;

        namespace Contoso.Sites;

        [BatchPool("sited")]
        [Julia("1.10.5")]
        [JuliaPackage("IterativeSolvers")]
        [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
        [StartupStep("echo short")]
        public partial class SitedPool;
        """;

    [Fact]
    public void Each_attribute_is_registered_with_its_path_from_the_project_line_and_column()
    {
        var (output, generated) = GeneratorHarness.RunWithFiles(JuliaManifests.ProjectDir, new Dictionary<string, string>(),
            GeneratorHarness.CompileAt(($"{JuliaManifests.ProjectDir}/Pools/Pools.cs", Pools)));
        Assert.Contains("ClusterlessHpc.DeclarationSites.g.cs", generated.Keys);

        var definition = (PoolDefinition)GeneratorHarness.Load(output).GetType("Contoso.Sites.SitedPool")!.GetProperty("Definition")!.GetValue(null)!;
        var sites = DeclarationSites.Of(definition).ToDictionary(s => s.Target, s => s.ToString());

        Assert.Equal("Pools/Pools.cs(5,2): [BatchPool(\"sited\")]", sites["BatchPool.Attribute"]);
        Assert.Equal("Pools/Pools.cs(6,2): [Julia(\"1.10.5\")]", sites["Julia.Attribute"]);
        Assert.Equal("Pools/Pools.cs(7,2): [JuliaPackage(\"IterativeSolvers\")]", sites["JuliaPackage[0].Attribute"]);
        Assert.Equal("Pools/Pools.cs(8,2): [JuliaPackage(\"JOLI\", ...)]", sites["JuliaPackage[1].Attribute"]);
        Assert.Equal("Pools/Pools.cs(9,2): [StartupStep(...)]", sites["StartupStep[0].Attribute"]);
    }

    [Fact]
    public void Moving_a_declaration_changes_no_model_no_generated_class_and_no_hash_only_its_sites()
    {
        var compilation = GeneratorHarness.CompileAt(("/src/Pools.cs", Pools));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var tree = compilation.SyntaxTrees.Single();
        var moved = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Pools.Replace("namespace Contoso.Sites;\n", "namespace Contoso.Sites;\n\n// The pool moved three lines down.\n\n", StringComparison.Ordinal),
            (CSharpParseOptions)tree.Options, tree.FilePath));
        var result = driver.RunGenerators(moved).GetRunResult().Results.Single();
        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        Assert.All(result.TrackedSteps[TrackingNames.PoolModels].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Equal(before["Contoso.Sites.SitedPool.g.cs"], after["Contoso.Sites.SitedPool.g.cs"]);
        Assert.NotEqual(before["ClusterlessHpc.DeclarationSites.g.cs"], after["ClusterlessHpc.DeclarationSites.g.cs"]);
        Assert.Contains("\"Pools.cs\", 11, 2, \"[JuliaPackage(\\\"JOLI\\\", ...)]\"", after["ClusterlessHpc.DeclarationSites.g.cs"]);
    }

    [Fact]
    public void The_sites_are_an_implementation_output_the_ide_does_not_run()
    {
        var (_, generated) = GeneratorHarness.RunWithFiles(null, new Dictionary<string, string>(),
            GeneratorHarness.CompileAt(("/src/Pools.cs", Pools)), disabled: IncrementalGeneratorOutputKind.Implementation);

        Assert.Contains("Contoso.Sites.SitedPool.g.cs", generated.Keys);
        Assert.DoesNotContain("ClusterlessHpc.DeclarationSites.g.cs", generated.Keys);
    }

    [Fact]
    public void A_pool_built_in_code_has_no_sites()
    {
        Assert.Empty(DeclarationSites.Of(new PoolDefinition { Id = "built-in-code-" + Guid.NewGuid().ToString("N")[..8] }));
        Assert.NotNull(StartupScriptRenderer.Render(new PoolDefinition { Id = "x" }));
    }
}
