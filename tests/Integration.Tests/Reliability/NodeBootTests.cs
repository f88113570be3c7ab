using ClusterlessHpc.Reliability.Boot;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// The seed page's template and the generated script for the same pool, run by executed start tasks with a stand-in julia
/// on a loopback mirror (the short version of <c>Benchmarks -- boot</c>; the adaptations are listed in docs/reliability.md).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NodeBootTests
{
    [Fact]
    public async Task The_seed_launches_Julia_six_times_at_every_boot_and_the_generated_script_once_at_the_first_and_never_again()
    {
        var (seed, generated) = await NodeBootComparison.RunAsync(TimeSpan.FromMilliseconds(100), releaseMegabytes: 1, nodes: 1,
            cancellationToken: TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(seed.Summary() + "\n" + generated.Summary());

        Assert.All(seed.Nodes.Concat(generated.Nodes), n => Assert.True(n.BothSucceeded, n.ToString()));
        Assert.Equal((6, 6), (seed.LaunchesPerJoin, seed.LaunchesPerReboot));
        Assert.Equal(2, seed.JuliaDownloads);
        Assert.Contains("Pkg.add(\"LinearMaps\")", seed.LastJuliaArguments);

        Assert.Equal((1, 0), (generated.LaunchesPerJoin, generated.LaunchesPerReboot));
        Assert.Equal(1, generated.JuliaDownloads);
        Assert.Contains("PackageSpec(url = \"https://github.com/microsoft/AzureClusterlessHPC.jl\")", generated.LastJuliaArguments);
        foreach (var package in SeedTemplate.UserPackages) Assert.Contains($"import {package}\n", generated.LastJuliaArguments);
        Assert.True(generated.SecondBoot < generated.FirstBoot, generated.Summary());
        Assert.True(generated.SecondBoot < seed.SecondBoot, generated.Summary());
    }

    [Fact]
    public void The_seed_template_is_adapted_only_in_its_paths()
    {
        var adapted = SeedTemplate.Adapted();

        Assert.DoesNotContain("/mnt/batch", adapted);
        var changed = SeedTemplate.Script.Split('\n').Zip(adapted.Split('\n')).Where(l => l.First != l.Second).ToList();
        Assert.Equal(
        [
            ("ln -s /mnt/batch/tasks/startup/wd/julia-1.5.2/bin/julia /usr/local/bin/julia",
             "ln -s $AZ_BATCH_TASK_WORKING_DIR/julia-1.5.2/bin/julia $AZ_BATCH_NODE_ROOT_DIR/usr/local/bin/julia"),
            ("chmod -R 777 /mnt/batch/tasks/startup/wd/.julia", "chmod -R 777 $AZ_BATCH_TASK_WORKING_DIR/.julia"),
        ], changed);
        Assert.Equal(6, adapted.Split('\n').Count(l => l.StartsWith("julia -e", StringComparison.Ordinal)));
    }
}
