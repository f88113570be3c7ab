using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>Custom images bring their own Julia: the script checks it and installs packages into the image's depot.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CustomImageScriptTests : IDisposable
{
    private const string Gallery = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/gal/images/julia";
    private readonly NodeSandbox _node = new();

    public void Dispose() => _node.Dispose();

    private PoolDefinition Pool(string depot) => new()
    {
        Id = "custom",
        Image = new CustomImageDefinition(Gallery) { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = depot },
        Julia = new JuliaDefinition("1.10.5"),
        JuliaPackages = [new JuliaPackageDefinition("Example")],
    };

    [Fact]
    public void The_images_julia_installs_the_packages_into_the_declared_depot_and_nothing_is_downloaded()
    {
        var depot = Path.Combine(_node.Root, "image-depot");
        _node.AddImageJulia("1.10.5");

        var run = _node.Run(StartupScriptRenderer.Render(Pool(depot)));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        // The image's julia is tools/julia: its bundled depots are beside tools, in the sandbox's root.
        var bundled = $"{_node.Root}/local/share/julia:{_node.Root}/share/julia";
        Assert.Equal($"launch 4 {depot}:{bundled}", File.ReadAllText(_node.JuliaLog).Trim());
        Assert.DoesNotContain("downloading", run.Stdout);
        Assert.Contains($"depots={depot}:{bundled}\n", File.ReadAllText(Path.Combine(_node.SharedDir, "clusterlesshpc", "bin", "julia")));
    }

    [Fact]
    public void A_julia_of_another_version_on_the_image_fails_with_both_versions()
    {
        _node.AddImageJulia("1.9.4");

        var run = _node.Run(StartupScriptRenderer.Render(Pool("/opt/depot")));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("julia version 1.9.4", run.Stderr);
        Assert.Contains("Julia 1.10.5", run.Stderr);
    }

    [Fact]
    public void A_custom_image_without_julia_declared_installs_nothing()
    {
        var pool = new PoolDefinition { Id = "bare", Image = new CustomImageDefinition(Gallery) { NodeAgentSku = "batch.node.ubuntu 24.04" } };

        var script = StartupScriptRenderer.Render(pool);
        var run = _node.Run(script);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("julia", script.Replace("clusterlesshpc", ""), StringComparison.OrdinalIgnoreCase);
    }
}
