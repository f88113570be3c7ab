using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>A pinned pool's script run for real in a scratch node: the manifest and project land byte for byte where Pkg.instantiate reads them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PinnedManifestScriptTests : IDisposable
{
    private readonly NodeSandbox _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public void The_manifest_and_project_are_written_as_declared_and_instantiated_in_one_julia_process()
    {
        _node.AddStandInJulia();
        var pool = SamplePools.Pinned;

        var run = _node.Run(StartupScriptRenderer.Render(pool));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var environment = Path.Combine(_node.SharedDir, "clusterlesshpc", "depot", "environments", "v1.10");
        Assert.Equal(pool.JuliaManifest!.Manifest, File.ReadAllText(Path.Combine(environment, "Manifest.toml")));
        Assert.Equal(pool.JuliaManifest.Project, File.ReadAllText(Path.Combine(environment, "Project.toml")));
        Assert.Equal(1, _node.JuliaLaunches);
        Assert.Contains("Pkg.instantiate()", _node.LastProgram);
        Assert.DoesNotContain("Pkg.add", _node.LastProgram);
        Assert.Contains("import Example", _node.LastProgram);
        Assert.Contains("##[chpc step 1/3] download Julia 1.10.5\n", run.Stdout);
    }
}
