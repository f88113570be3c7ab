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
    public void A_pinned_manifest_is_baked_from_the_definitions_texts_and_instantiated_with_the_scripts_program()
    {
        var pool = SamplePools.Pinned;
        var script = StartupScriptRenderer.Render(pool);
        var dockerfile = DockerfileRenderer.Render(pool);

        const string environment = "/opt/clusterlesshpc/depot/environments/v1.10";
        Assert.StartsWith("# syntax=docker/dockerfile:1\n# Image for Batch pool pinned,", dockerfile);
        // The texts byte for byte (the sample's holds a quote, a dollar, a backslash and backquotes), where the script puts them.
        var files = Heredocs(dockerfile);
        Assert.Equal([environment + "/Project.toml", environment + "/Manifest.toml"], files.Keys);
        Assert.Equal(pool.JuliaManifest!.Project, files[environment + "/Project.toml"]);
        Assert.Equal(pool.JuliaManifest.Manifest, files[environment + "/Manifest.toml"]);
        Assert.Contains("/environments/v\"'1.10'\n", script);
        // Instantiated, resolving nothing, by the script's own program, with the environment as the active project.
        var run = JsonSerializer.Deserialize<string[]>(dockerfile.Split('\n').Single(l => l.StartsWith("RUN [", StringComparison.Ordinal))["RUN ".Length..])!;
        Assert.Equal(["/usr/bin/env", "JULIA_DEPOT_PATH=/opt/clusterlesshpc/depot:/opt/clusterlesshpc/julia/local/share/julia:/opt/clusterlesshpc/julia/share/julia",
            "JULIA_PROJECT=" + environment, "/opt/clusterlesshpc/julia/bin/julia", "--startup-file=no", "--history-file=no", "-e"], run[..^1]);
        Assert.Equal(ScriptProgram(script), run[^1]);
        Assert.Contains("Pkg.instantiate()", run[^1]);
        Assert.DoesNotContain("Pkg.add(", dockerfile);
        // The files come before the program that reads them, after the julia it runs.
        Assert.True(dockerfile.IndexOf("COPY <<", StringComparison.Ordinal) > dockerfile.IndexOf("tar -xzf", StringComparison.Ordinal));
        Assert.True(dockerfile.IndexOf("RUN [", StringComparison.Ordinal) > dockerfile.LastIndexOf("COPY <<", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heredoc_ends_at_a_delimiter_no_line_of_the_text_is_and_ends_with_a_line_break()
    {
        var pool = SamplePools.Pinned with
        {
            JuliaManifest = SamplePools.Pinned.JuliaManifest! with { Manifest = "julia_version = \"1.10.5\"\nCHPC_MANIFEST\nCHPC_MANIFEST_2\nlast = 1", Project = "" },
        };

        var files = Heredocs(DockerfileRenderer.Render(pool));

        Assert.Equal("julia_version = \"1.10.5\"\nCHPC_MANIFEST\nCHPC_MANIFEST_2\nlast = 1\n", files["/opt/clusterlesshpc/depot/environments/v1.10/Manifest.toml"]);
        Assert.Equal("", files["/opt/clusterlesshpc/depot/environments/v1.10/Project.toml"]);
    }

    [Theory]
    [MemberData(nameof(JuliaPools))]
    public void Without_a_manifest_nothing_is_copied_and_no_syntax_is_asked_for(string name)
    {
        var dockerfile = DockerfileRenderer.Render(SamplePools.ByName(name));

        Assert.StartsWith("# Image for Batch pool ", dockerfile);
        Assert.DoesNotContain("COPY", dockerfile);
        Assert.DoesNotContain("JULIA_PROJECT", dockerfile);
    }

    /// <summary>
    /// The files a Dockerfile's <c>COPY &lt;&lt;'DELIMITER' PATH</c> instructions write, read as BuildKit reads them: the
    /// lines up to the one that is the delimiter, each with its line break.
    /// </summary>
    private static Dictionary<string, string> Heredocs(string dockerfile)
    {
        var files = new Dictionary<string, string>();
        var lines = dockerfile.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Regex.Match(lines[i], @"^COPY <<'([A-Z0-9_]+)' (\S+)$") is not { Success: true } copy) continue;
            var text = new System.Text.StringBuilder();
            for (i++; lines[i] != copy.Groups[1].Value; i++) text.Append(lines[i]).Append('\n');
            files.Add(copy.Groups[2].Value, text.ToString());
        }
        return files;
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
