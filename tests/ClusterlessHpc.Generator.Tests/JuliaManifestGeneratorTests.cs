using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>[JuliaManifest]: the generator reads the manifest and its project from the additional files and ships their texts.</summary>
public class JuliaManifestGeneratorTests
{
    private const string Pool = """
        using ClusterlessHpc;
        [BatchPool("pinned")]
        [Julia("1.10.5")]
        [JuliaPackage("IterativeSolvers")]
        [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
        [JuliaManifest("julia/Manifest.toml")]
        public partial class PinnedPool;
        """;

    [Fact]
    public void A_format_2_manifest_and_its_project_reach_the_definition_and_the_script_instantiates_them()
    {
        var (definition, script) = Generate(JuliaManifests.InJuliaFolder(JuliaManifests.Format2));

        Assert.Equal(new JuliaManifestDefinition("julia/Manifest.toml") { Manifest = JuliaManifests.Format2, Project = JuliaManifests.Project }, definition.JuliaManifest);
        Assert.Equal(StartupScriptRenderer.Render(definition), script);
        Assert.Contains("Pkg.instantiate()", script);
        Assert.DoesNotContain("Pkg.add(", script);
        Assert.DoesNotContain("Pkg.develop(", script);
        Assert.Contains("git-tree-sha1 = \"59545b0a2b27208b0650df0a46b8e3019f85055b\"", script);
        Assert.Contains("/environments/v\"'1.10'", script);
    }

    [Fact]
    public void The_generated_dockerfile_bakes_the_same_manifest_and_project()
    {
        var (output, _) = GeneratorHarness.RunWithFiles(JuliaManifests.ProjectDir, JuliaManifests.InJuliaFolder(JuliaManifests.Format2), Pool);
        var type = GeneratorHarness.Load(output).GetType("PinnedPool")!;
        var dockerfile = (string)type.GetField("Dockerfile")!.GetRawConstantValue()!;

        Assert.Equal(DockerfileRenderer.Render(Definition(output)), dockerfile);
        Assert.Contains("COPY <<'CHPC_MANIFEST' /opt/clusterlesshpc/depot/environments/v1.10/Manifest.toml\n" + JuliaManifests.Format2, dockerfile);
        Assert.Contains("COPY <<'CHPC_PROJECT' /opt/clusterlesshpc/depot/environments/v1.10/Project.toml\n" + JuliaManifests.Project, dockerfile);
        Assert.DoesNotContain("Pkg.add(", dockerfile);
    }

    [Fact]
    public void A_format_1_manifest_is_generated_too()
    {
        var (definition, script) = Generate(JuliaManifests.InJuliaFolder(JuliaManifests.Format1), julia: "1.5.2");

        Assert.Equal(JuliaManifests.Format1, definition.JuliaManifest!.Manifest);
        Assert.Contains("Pkg.instantiate()", script);
    }

    [Fact]
    public void Without_a_project_folder_the_one_file_whose_path_ends_with_the_declared_path_is_used()
    {
        var (output, _) = GeneratorHarness.RunWithFiles(null, JuliaManifests.InJuliaFolder(JuliaManifests.Format2), Pool);
        var definition = Definition(output);

        Assert.Equal(JuliaManifests.Format2, definition.JuliaManifest!.Manifest);
    }

    [Fact]
    public void The_manifests_text_is_in_the_hash_and_its_path_is_not()
    {
        var (atJulia, scriptAtJulia) = Generate(JuliaManifests.InJuliaFolder(JuliaManifests.Format2));
        var (atEnv, scriptAtEnv) = Generate(JuliaManifests.InJuliaFolder(JuliaManifests.Format2, folder: "env"), path: "env/Manifest.toml");
        var changed = JuliaManifests.Format2.Replace("0.9.4", "0.9.5", StringComparison.Ordinal);
        var (changedManifest, _) = Generate(JuliaManifests.InJuliaFolder(changed));

        Assert.Equal("env/Manifest.toml", atEnv.JuliaManifest!.Path);
        Assert.Equal(scriptAtJulia, scriptAtEnv);
        Assert.Equal(StartupScriptRenderer.DefinitionHash(atJulia), StartupScriptRenderer.DefinitionHash(atEnv));
        Assert.NotEqual(StartupScriptRenderer.DefinitionHash(atJulia), StartupScriptRenderer.DefinitionHash(changedManifest));
    }

    [Fact]
    public void A_pool_whose_manifest_is_missing_or_broken_generates_nothing()
    {
        var (_, missing) = GeneratorHarness.RunWithFiles(JuliaManifests.ProjectDir, new Dictionary<string, string>(), Pool);
        var broken = JuliaManifests.InJuliaFolder(JuliaManifests.Format2.Replace("version = \"0.9.4\"", "version = 0.9.4", StringComparison.Ordinal));
        var (_, unreadable) = GeneratorHarness.RunWithFiles(JuliaManifests.ProjectDir, broken, Pool);

        Assert.DoesNotContain("PinnedPool.g.cs", missing.Keys);
        Assert.DoesNotContain("PinnedPool.g.cs", unreadable.Keys);
    }

    private static (PoolDefinition Definition, string Script) Generate(Dictionary<string, string> files, string julia = "1.10.5", string path = "julia/Manifest.toml")
    {
        var source = Pool.Replace("1.10.5", julia, StringComparison.Ordinal).Replace("julia/Manifest.toml", path, StringComparison.Ordinal);
        var (output, generated) = GeneratorHarness.RunWithFiles(JuliaManifests.ProjectDir, files, source);
        Assert.Contains("PinnedPool.g.cs", generated.Keys);
        var type = GeneratorHarness.Load(output).GetType("PinnedPool")!;
        return ((PoolDefinition)type.GetProperty("Definition")!.GetValue(null)!, (string)type.GetField("StartupScript")!.GetRawConstantValue()!);
    }

    private static PoolDefinition Definition(Microsoft.CodeAnalysis.Compilation output) =>
        (PoolDefinition)GeneratorHarness.Load(output).GetType("PinnedPool")!.GetProperty("Definition")!.GetValue(null)!;
}
