using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>The Dockerfile installs exactly what the startup script installs: the same release and the same Julia program.</summary>
public class DockerfileRendererTests
{
    public static TheoryData<string> JuliaPools => new(nameof(SamplePools.Seed), nameof(SamplePools.Arm), nameof(SamplePools.JuliaOnly));

    [Theory]
    [MemberData(nameof(JuliaPools))]
    public void The_dockerfile_downloads_the_same_release_and_runs_the_same_julia_program_as_the_script(string name)
    {
        var pool = SamplePools.ByName(name);
        var script = StartupScriptRenderer.Render(pool);
        var dockerfile = DockerfileRenderer.Render(pool);

        Assert.Equal(Urls(script), Urls(dockerfile));
        Assert.Single(Urls(script));
        Assert.Equal(ScriptProgram(script), DockerfileProgram(dockerfile));
    }

    [Fact]
    public void Checksum_package_server_and_architecture_follow_the_definition()
    {
        var sha = new string('b', 64);
        var pool = SamplePools.Arm with { Julia = new JuliaDefinition("1.11.0-rc2") { Sha256 = sha, PkgServer = "https://pkg.example.org" } };

        var dockerfile = DockerfileRenderer.Render(pool);

        Assert.Contains("FROM --platform=linux/arm64 ", dockerfile);
        Assert.Contains($"printf '%s  %s\\n' '{sha}' /tmp/julia.tar.gz | sha256sum --check --quiet -", dockerfile);
        Assert.Contains("ENV JULIA_PKG_SERVER=\"https://pkg.example.org\"", dockerfile);
        Assert.Contains("export JULIA_PKG_SERVER='https://pkg.example.org'", StartupScriptRenderer.Render(pool));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_image_runs_julia_through_the_nodes_launcher_with_a_writable_depot_in_front_of_the_baked_one()
    {
        var pool = SamplePools.Seed with { Julia = new JuliaDefinition("1.10.5") { PkgServer = "https://pkg.example.org" } };
        var dockerfile = DockerfileRenderer.Render(pool);
        using var scratch = new NodeSandbox();
        var launcher = Path.Combine(scratch.Root, "launcher");
        var write = dockerfile.Split('\n').Single(l => l.StartsWith("RUN printf", StringComparison.Ordinal))["RUN ".Length..]
            .Replace(DockerfileRenderer.Launcher, launcher, StringComparison.Ordinal);

        Assert.Equal(0, ProcessRunner.Run("sh", ["-c", write]).ExitCode);
        var text = File.ReadAllText(launcher);
        Assert.Equal(JuliaLauncher.ForPaths(DockerfileRenderer.JuliaHome, DockerfileRenderer.Depot, "https://pkg.example.org"), text);
        // Run it with a stand-in in the real julia's place: the user's depot, the baked one, then Julia's bundled ones.
        var standIn = Path.Combine(scratch.Root, "julia");
        File.WriteAllText(standIn, "#!/bin/bash\nprintf '%s\\n%s\\n' \"$JULIA_DEPOT_PATH\" \"$JULIA_PKG_SERVER\"\n");
        File.SetUnixFileMode(standIn, (UnixFileMode)Convert.ToInt32("755", 8));
        File.WriteAllText(launcher, text.Replace($"julia='{DockerfileRenderer.JuliaHome}/bin/julia'", $"julia='{standIn}'", StringComparison.Ordinal));
        var run = ProcessRunner.Run("bash", [launcher], environment: new Dictionary<string, string> { ["HOME"] = "/home/task" });
        Assert.Equal(
            "/home/task/.julia:/opt/clusterlesshpc/depot:/opt/clusterlesshpc/julia/local/share/julia:/opt/clusterlesshpc/julia/share/julia\nhttps://pkg.example.org\n",
            run.Stdout);
        // The packages are baked by the real julia into the baked depot, not through the launcher into root's own.
        Assert.Contains("RUN [\"/usr/bin/env\", \"JULIA_DEPOT_PATH=/opt/clusterlesshpc/depot:/opt/clusterlesshpc/julia/local/share/julia:/opt/clusterlesshpc/julia/share/julia\", \"/opt/clusterlesshpc/julia/bin/julia\"", dockerfile);
        Assert.DoesNotContain("ENV PATH", dockerfile);
    }

    [Fact]
    public void Pools_without_downloaded_julia_have_no_dockerfile()
    {
        Assert.False(DockerfileRenderer.CanRender(SamplePools.NoJulia));
        Assert.False(DockerfileRenderer.CanRender(SamplePools.Seed with
        {
            Image = new CustomImageDefinition("/SharedGalleries/g/Images/i") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/opt/depot" },
        }));
    }

    private static string[] Urls(string text) => Regex.Matches(text, @"'(https://[^']+\.tar\.gz)'").Select(m => m.Groups[1].Value).Distinct().ToArray();

    /// <summary>The script's Julia program less its step markers, which announce the node's steps and install nothing.</summary>
    private static string? ScriptProgram(string script)
    {
        // The install that resolves comes last: before it, the script's branches for a published depot and a published manifest.
        var match = Regex.Matches(script, @"--history-file=no -e '((?:[^']|'\\'')*)'").LastOrDefault();
        return match is not null
            ? string.Join("\n", match.Groups[1].Value.Replace("'\\''", "'").Split('\n').Where(l => !l.StartsWith("println(\"##[chpc step ", StringComparison.Ordinal)))
            : null;
    }

    private static string? DockerfileProgram(string dockerfile)
    {
        var run = dockerfile.Split('\n').SingleOrDefault(l => l.StartsWith("RUN [", StringComparison.Ordinal));
        return run is null ? null : JsonSerializer.Deserialize<string[]>(run["RUN ".Length..])![^1];
    }
}
