namespace ClusterlessHpc.Cli.Tests;

/// <summary><c>--assembly</c>: the pools a built assembly declares, found through its generated registry.</summary>
public class AssemblyPoolsTests(EmulatorFixture emulator)
{
    /// <summary>A built pool assembly, compiled once per test run; its pool ids are unique to the run.</summary>
    private static readonly Lazy<(string Path, string Prefix)> Sample = new(() =>
    {
        var prefix = EmulatorFixture.UniqueId("asm");
        var folder = Directory.CreateTempSubdirectory("chpc-cli-assembly-").FullName;
        var path = Path.Combine(folder, "SamplePools.dll");
        PoolCompiler.EmitTo(path, $$"""
            using ClusterlessHpc;

            namespace Sample;

            [BatchPool("{{prefix}}-small", VmSize = "Standard_D2s_v5", NodeCount = 1)]
            public partial class SmallPool;

            [BatchPool("{{prefix}}-wide", VmSize = "Standard_D4s_v5", NodeCount = 2)]
            [Julia("1.10.5")]
            public partial class WidePool;
            """);
        return (path, prefix);
    });

    [Fact]
    public async Task Plan_apply_and_status_of_an_assemblys_pools()
    {
        var (assembly, prefix) = Sample.Value;

        var plan = await emulator.ChpcAsync("plan", "--assembly", assembly);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{prefix}-small: create\n{prefix}-wide: create\n", plan.Stdout);

        var apply = await emulator.ChpcAsync("apply", "--assembly", assembly, "--pool", prefix.ToUpperInvariant() + "-SMALL", "--json");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var pool = Assert.Single(apply.Json().GetProperty("pools").EnumerateArray());
        Assert.Equal((prefix + "-small", "ready"), (pool.GetProperty("id").GetString(), pool.GetProperty("outcome").GetString()));

        var after = await emulator.ChpcAsync("plan", "--assembly", assembly);
        Assert.Equal($"{prefix}-small: no change\n{prefix}-wide: create\n", after.Stdout);

        var status = await emulator.ChpcAsync("status", prefix + "-small");
        Assert.Matches($@"\n{prefix}-small\s+active\s+steady\s+standard_d2s_v5\s+1/1\s+0/0\s+fixed\s+1 idle\s+-\n$", status.Stdout);
    }

    [Fact]
    public async Task A_pool_the_assembly_does_not_declare_is_invalid_input()
    {
        var (assembly, prefix) = Sample.Value;
        var result = await emulator.ChpcAsync("plan", "--assembly", assembly, "--pool", "redwood");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: SamplePools.dll has no pool 'redwood'; its pools: {prefix}-small, {prefix}-wide.", result.Stderr);
    }

    [Fact]
    public async Task A_missing_file_or_an_assembly_without_pools_is_invalid_input()
    {
        using var files = new TempFiles();
        var missing = await emulator.ChpcAsync("plan", "--assembly", files.PathOf("Nothing.dll"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such file; build the project first", missing.Stderr);

        var noPools = await emulator.ChpcAsync("plan", "--assembly", typeof(AssemblyPoolsTests).Assembly.Location);
        Assert.Equal(1, noPools.ExitCode);
        Assert.Contains("declares no pools", noPools.Stderr);

        var notAssembly = await emulator.ChpcAsync("plan", "--assembly", files.Write("text.dll", "not an assembly"));
        Assert.Equal(1, notAssembly.ExitCode);
        Assert.Contains("is not a .NET assembly", notAssembly.Stderr);
    }
}
