using ClusterlessHpc.Provisioning;
using System.Text.RegularExpressions;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>The steps a script announces: in the script's order, names only, and read back only when they are this plan's.</summary>
public class StartupStepPlanTests
{
    private static readonly PoolDefinition Pool = new()
    {
        Id = "steps",
        Julia = new JuliaDefinition("1.10.5") { Mirror = "https://user:secret@mirror.example.org/julia?sig=abc" },
        JuliaPackages =
        [
            new JuliaPackageDefinition("IterativeSolvers"),
            new JuliaPackageDefinition("LinearMaps") { Version = "3" },
            new JuliaPackageDefinition("Tools") { Url = "https://example.org/Tools.jl", Rev = "v1" },
            new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Develop = true },
        ],
        StartupSteps = [new StartupStepDefinition("echo before"), new StartupStepDefinition("echo after") { AfterPackages = true }],
    };

    [Fact]
    public void Each_step_is_announced_once_in_the_scripts_order_by_index_and_name()
    {
        var script = StartupScriptRenderer.Render(Pool);
        var plan = StartupStepPlan.Of(Pool);

        // The pool downloads its Julia, so it shares its install: the published manifest's step stands in for the three package groups.
        Assert.Equal(
            ["download Julia 1.10.5", "startup step 1", "add IterativeSolvers, LinearMaps", "instantiate the published manifest", "add Tools", "develop JOLI",
             "load IterativeSolvers, LinearMaps, Tools, JOLI", "startup step 2"],
            plan.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 3, 4, 5, 6, 7], plan.Select(s => s.Index));
        Assert.All(plan, s => Assert.Equal(7, s.Total));
        Assert.Equal(["JuliaPackage[0].Attribute", "JuliaPackage[1].Attribute"], plan[2].Targets);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"JuliaPackage[{i}].Attribute"), plan[3].Targets);
        Assert.Equal("##[chpc step 5/7] develop JOLI", plan[5].Marker);
        // Markers carry names only: no URL, so no credential or SAS a mirror's address might hold.
        Assert.DoesNotContain(plan, s => s.Name.Contains("secret", StringComparison.Ordinal) || s.Name.Contains("://", StringComparison.Ordinal));

        // Whichever way the node installs, it announces the steps before the packages, then its way's steps, then the rest, in order.
        var prefix = new[] { plan[0].Marker, plan[1].Marker };
        var suffix = new[] { plan[6].Marker, plan[7].Marker };
        var ways = Ways(script);
        Assert.Equal([plan[6].Marker], ways[0]);
        Assert.Equal([plan[3].Marker, plan[6].Marker], ways[1]);
        Assert.Equal([plan[2].Marker, plan[4].Marker, plan[5].Marker, plan[6].Marker], ways[2]);
        var positions = prefix.Concat(suffix.Skip(1)).Select(m => script.IndexOf(m, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void A_pool_without_a_shared_install_has_no_alternative_step()
    {
        var custom = Pool with { Julia = new JuliaDefinition("1.10.5"), Image = new CustomImageDefinition("/SharedGalleries/g/Images/i") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/opt/depot" } };
        var plan = StartupStepPlan.Of(custom);
        // The image's step name has an apostrophe, which the script's quoting writes as '\''.
        var script = StartupScriptRenderer.Render(custom).Replace("'\\''", "'", StringComparison.Ordinal);

        Assert.Equal(Enumerable.Range(1, 7), plan.Select(s => s.Index));
        Assert.DoesNotContain(plan, s => s.Kind == StartupStepKind.PublishedManifest);
        var positions = plan.Select(s => script.IndexOf(s.Marker, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void A_pinned_pool_that_shares_its_install_announces_the_pinned_step_or_only_the_load_after_unpacking_a_depot()
    {
        var pinned = Pool with
        {
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")],
            StartupSteps = [],
            JuliaManifest = new JuliaManifestDefinition("julia/Manifest.toml")
            {
                Manifest = "julia_version = \"1.10.5\"\nmanifest_format = \"2.0\"\n\n[[deps.IterativeSolvers]]\nuuid = \"42fd0dbc-a981-5370-80f2-aaf504508153\"\nversion = \"0.9.4\"\n",
                Project = "[deps]\nIterativeSolvers = \"42fd0dbc-a981-5370-80f2-aaf504508153\"\n",
            },
        };
        var plan = StartupStepPlan.Of(pinned);
        var script = StartupScriptRenderer.Render(pinned);

        Assert.Equal(["##[chpc step 1/3] download Julia 1.10.5", "##[chpc step 2/3] instantiate the pinned manifest", "##[chpc step 3/3] load IterativeSolvers"],
            plan.Select(s => s.Marker));
        var ways = Ways(script);
        Assert.Equal(2, ways.Count);
        Assert.Equal([plan[2].Marker], ways[0]);
        Assert.Equal([plan[1].Marker, plan[2].Marker], ways[1]);
        // The pinned pool neither fetches nor instantiates a published manifest: its own is already the same on every node.
        Assert.Contains("restore_depot", script, StringComparison.Ordinal);
        Assert.DoesNotContain("CHPC_CACHE_MANIFEST_URL:-}\" \"$work/Manifest.toml\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("CHPC_DEVELOP_COMMITS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_on_the_published_manifest_is_traced_to_the_package_its_error_names()
    {
        var stdout = "##[chpc step 1/7] download Julia 1.10.5\n##[chpc step 2/7] startup step 1\n##[chpc step 3/7] instantiate the published manifest\n";

        var point = ClusterlessHpc.Provisioning.StartTaskFailureTrace.Find(Pool, stdout, "ERROR: could not download Tools at v1");

        Assert.Equal("instantiate the published manifest", point!.Step.Name);
        Assert.Equal("[JuliaPackage(\"Tools\", ...)]", point.Declaration);
        var loaded = ClusterlessHpc.Provisioning.StartTaskFailureTrace.Find(Pool, "##[chpc step 1/7] download Julia 1.10.5\n##[chpc step 6/7] load IterativeSolvers, LinearMaps, Tools, JOLI\n",
            "ERROR: LoadError: InitError: LinearMaps failed");
        Assert.Equal("[JuliaPackage(\"LinearMaps\", ...)]", loaded!.Declaration);
    }

    /// <summary>The markers each Julia program of the script prints, in the script's order (depot, published manifest, resolve).</summary>
    private static List<List<string>> Ways(string script) =>
        Regex.Matches(script, @"--history-file=no -e '((?:[^']|'\\'')*)'")
            .Select(m => Regex.Matches(m.Groups[1].Value, @"^println\(""(##\[chpc step [^""]*)""\)", RegexOptions.Multiline).Select(x => x.Groups[1].Value).ToList())
            .ToList();

    [Fact]
    public void Output_that_only_looks_like_a_marker_is_not_taken_for_one()
    {
        var plan = StartupStepPlan.Of(Pool);
        var stdout = "##[chpc step 1/7] download Julia 1.10.5\n##[chpc step 5/7] develop JOLI\n" +
                     "##[chpc step 6/7] a user's echo that copies the format\n##[chpc step 2/9] startup step 1\nmore output\n";

        Assert.Equal("develop JOLI", StartupStepPlan.LastAnnounced(plan, stdout)!.Name);
        Assert.Null(StartupStepPlan.LastAnnounced(plan, "no markers at all\n"));
    }

    [Fact]
    public void The_public_reader_finds_the_last_marker_line()
    {
        Assert.Equal(new StartupStepMarker(5, 7, "develop JOLI"), StartupStepMarker.LastIn("x\r\n##[chpc step 1/7] download Julia 1.10.5\r\n##[chpc step 5/7] develop JOLI\r\nPkg output\r\n"));
        Assert.Equal("5/7 develop JOLI", StartupStepMarker.LastIn("##[chpc step 5/7] develop JOLI")!.ToString());
        Assert.Null(StartupStepMarker.LastIn("##[chpc step 8/7] too far\n##[chpc step x/7] no number\n  ##[chpc step 1/7] indented"));
        Assert.Null(StartupStepMarker.LastIn(null));
    }

    [Fact]
    public void A_pool_without_julia_or_steps_announces_nothing()
    {
        var script = StartupScriptRenderer.Render(new PoolDefinition { Id = "bare" });

        Assert.Empty(StartupStepPlan.Of(new PoolDefinition { Id = "bare" }));
        Assert.DoesNotContain("step_marker", script);
    }
}
