using ClusterlessHpc.Provisioning;
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

        Assert.Equal(
            ["download Julia 1.10.5", "startup step 1", "add IterativeSolvers, LinearMaps", "add Tools", "develop JOLI", "load IterativeSolvers, LinearMaps, Tools, JOLI", "startup step 2"],
            plan.Select(s => s.Name));
        Assert.Equal(["JuliaPackage[0].Attribute", "JuliaPackage[1].Attribute"], plan[2].Targets);
        var positions = plan.Select(s => script.IndexOf(s.Marker, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal("##[chpc step 5/7] develop JOLI", plan[4].Marker);
        // Markers carry names only: no URL, so no credential or SAS a mirror's address might hold.
        Assert.DoesNotContain(plan, s => s.Name.Contains("secret", StringComparison.Ordinal) || s.Name.Contains("://", StringComparison.Ordinal));
    }

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
