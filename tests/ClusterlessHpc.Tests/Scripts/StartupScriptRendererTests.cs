using System.Text.RegularExpressions;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

public class StartupScriptRendererTests
{
    [Theory]
    [MemberData(nameof(SamplePools.Names), MemberType = typeof(SamplePools))]
    public void Every_rendered_script_passes_bash_n_and_shellcheck(string pool)
    {
        var script = StartupScriptRenderer.Render(SamplePools.ByName(pool));

        var bash = ProcessRunner.Run("bash", ["-n"], stdin: script);
        Assert.True(bash.ExitCode == 0, bash.Stderr);

        var shellcheck = ProcessRunner.Run("shellcheck", ["--shell=bash", "--severity=style", "-"], stdin: script);
        Assert.True(shellcheck.ExitCode == 0, shellcheck.Stdout + shellcheck.Stderr);
    }

    [Fact]
    public void Registered_packages_are_added_in_one_call_and_unregistered_ones_developed_in_the_same_process()
    {
        var script = StartupScriptRenderer.Render(SamplePools.Seed);

        // One Julia process in each of the three ways a node installs (the published depot, the published manifest, or
        // resolving), exactly one of which runs; SharedInstallTests counts the launches of executed nodes.
        Assert.Equal(3, Regex.Matches(script, "--startup-file=no").Count);
        Assert.Single(Regex.Matches(script, @"Pkg\.add\("));
        Assert.Contains("Pkg.add([PackageSpec(name = \"IterativeSolvers\")])", script);
        Assert.Contains("Pkg.develop([PackageSpec(url = \"https://github.com/slimgroup/JOLI.jl\")])", script);
        var develop = script.IndexOf("Pkg.develop", StringComparison.Ordinal);
        Assert.True(script.LastIndexOf("import IterativeSolvers", StringComparison.Ordinal) > develop);
        Assert.True(script.LastIndexOf("import JOLI", StringComparison.Ordinal) > develop);
    }

    [Fact]
    public void The_julia_download_matches_the_vm_sizes_architecture()
    {
        Assert.Contains("https://julialang-s3.julialang.org/bin/linux/x64/1.5/julia-1.5.2-linux-x86_64.tar.gz", StartupScriptRenderer.Render(SamplePools.Seed));
        Assert.Contains("https://julialang-s3.julialang.org/bin/linux/aarch64/1.11/julia-1.11.0-rc2-linux-aarch64.tar.gz", StartupScriptRenderer.Render(SamplePools.Arm));
    }

    [Theory]
    [MemberData(nameof(SamplePools.Names), MemberType = typeof(SamplePools))]
    public void Scripts_are_strict_need_no_sudo_and_make_nothing_world_writable(string pool)
    {
        var script = StartupScriptRenderer.Render(SamplePools.ByName(pool));

        Assert.StartsWith("#!/bin/bash\n", script);
        Assert.Contains("\nset -euo pipefail\n", script);
        Assert.Contains("\numask 022\n", script);
        Assert.DoesNotContain("sudo", script);
        Assert.DoesNotMatch(@"chmod\s+(-R\s+)?[0-7]?7[0-7]7", script);
        Assert.DoesNotContain("/mnt/batch", script);
        Assert.DoesNotContain("$HOME/", script.Replace("\\${HOME", ""));
    }

    [Fact]
    public void Rendering_is_deterministic_and_the_hash_follows_the_definition()
    {
        Assert.Equal(StartupScriptRenderer.Render(SamplePools.Seed), StartupScriptRenderer.Render(SamplePools.Seed));
        var other = new PoolDefinition { Id = "redwood", VmSize = "Standard_E8s_v3", NodeCount = 2, Julia = new JuliaDefinition("1.5.3"), JuliaPackages = SamplePools.Seed.JuliaPackages };
        Assert.NotEqual(StartupScriptRenderer.DefinitionHash(SamplePools.Seed), StartupScriptRenderer.DefinitionHash(other));
        Assert.Contains($"readonly definition_hash='{StartupScriptRenderer.DefinitionHash(SamplePools.Seed)}'", StartupScriptRenderer.Render(SamplePools.Seed));
    }

    [Fact]
    public void An_invalid_definition_is_refused_instead_of_rendered()
    {
        var invalid = new PoolDefinition { Id = "x", Julia = new JuliaDefinition("1.10"), JuliaPackages = [new JuliaPackageDefinition("Evil; run(`rm -rf /`)")] };
        var error = Assert.Throws<ArgumentException>(() => StartupScriptRenderer.Render(invalid));
        Assert.Contains("CHPC0101", error.Message);
        Assert.Contains("CHPC0102", error.Message);
    }
}
