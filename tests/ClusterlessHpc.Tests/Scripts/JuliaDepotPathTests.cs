using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// The JULIA_DEPOT_PATH the install and the launcher write, read as each Julia version reads it (Julia cannot run
/// here, so <see cref="ReadAs"/> follows Julia's own rules): the user's depot (launcher only), the pool's, then Julia's
/// bundled depots, for 1.0, 1.5, 1.10 and 1.11 alike.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JuliaDepotPathTests : IDisposable
{
    private readonly NodeSandbox _node = new();

    public void Dispose() => _node.Dispose();

    public static TheoryData<string> Versions => new("1.0.5", "1.5.2", "1.10.5", "1.11.0");

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_install_and_the_launcher_give_every_version_the_pools_depot_then_the_bundled_ones(string version)
    {
        _node.AddStandInJulia();
        var pool = new PoolDefinition { Id = "depots", Julia = new JuliaDefinition(version), JuliaPackages = [new JuliaPackageDefinition("Example")] };
        var run = _node.Run(StartupScriptRenderer.Render(pool));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var julia = Path.Combine(_node.SharedDir, "clusterlesshpc", $"julia-{version}");
        var depot = Path.Combine(_node.SharedDir, "clusterlesshpc", "depot");
        var home = Path.Combine(_node.Root, "task-user");
        string[] bundled = [julia + "/local/share/julia", julia + "/share/julia"];

        var launched = ProcessRunner.Run("bash", [Path.Combine(_node.SharedDir, "clusterlesshpc", "bin", "julia"), "-e", "1"],
            environment: new Dictionary<string, string> { ["HOME"] = home, ["AZ_BATCH_NODE_SHARED_DIR"] = _node.SharedDir });
        Assert.True(launched.ExitCode == 0, launched.Stderr);
        var written = File.ReadAllLines(_node.DepotLog);

        Assert.Equal([depot, .. bundled], ReadAs(version, written[0], "/root", julia));
        Assert.Equal([home + "/.julia", depot, .. bundled], ReadAs(version, written[1], home, julia));
        // Written out in full, the value means the same to every version: no entry is left for Julia to expand.
        Assert.All(written, value => Assert.DoesNotContain("", value.Split(':')));
    }

    [Fact]
    public void The_rules_followed_here_tell_the_versions_apart_where_an_entry_is_empty()
    {
        // What "append Julia's defaults" would have written: each version reads it differently.
        const string value = "/pool/depot:";

        Assert.Equal(["/pool/depot", ""], ReadAs("1.0.5", value, "/home/u", "/julia"));
        Assert.Equal(["/pool/depot", "/home/u/.julia", "/julia/local/share/julia", "/julia/share/julia"], ReadAs("1.10.5", value, "/home/u", "/julia"));
        Assert.Equal(["/pool/depot", "/julia/local/share/julia", "/julia/share/julia"], ReadAs("1.11.0", value, "/home/u", "/julia"));
    }

    /// <summary>
    /// DEPOT_PATH as Julia <paramref name="version"/> builds it from <paramref name="value"/>: 1.0 and 1.1 split on ':'
    /// and keep each entry as it is; 1.2 to 1.10 replace an empty entry by the whole default (the user's depot and the
    /// bundled ones) and skip repeats; 1.11 and later replace a trailing empty entry by the bundled depots only and any
    /// other empty entry by the user's depot.
    /// </summary>
    private static List<string> ReadAs(string version, string value, string home, string juliaHome)
    {
        var parts = version.Split('.');
        var (major, minor) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var entries = value.Split(':');
        string[] user = [home + "/.julia"];
        string[] bundled = [juliaHome + "/local/share/julia", juliaHome + "/share/julia"];
        if (major == 1 && minor < 2) return [.. entries];

        var depots = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            IEnumerable<string> add = entries[i].Length > 0 ? [entries[i]]
                : minor < 11 ? [.. user, .. bundled]
                : i == entries.Length - 1 ? bundled : user;
            foreach (var depot in add)
            {
                if (!depots.Contains(depot)) depots.Add(depot);
            }
        }
        return depots;
    }
}
