using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// AzureClusterlessHPC.jl's own files (../shared/seed): every example's parameters.json imports into classes that build,
/// and plans against the emulator; with the credentials template, offline. Reported as not run where the files are absent.
/// </summary>
public class LegacyExamplesTests(EmulatorFixture emulator)
{
    public static TheoryData<string> Examples => SeedFiles.ParameterFiles();

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_imports_with_the_seed_startup_script_into_classes_that_build_and_generate_its_pools(string example)
    {
        SharedReferenceData.Require();
        using var files = new TempFiles();
        var parameters = Path.Combine(SeedFiles.LegacyExamples, example);
        var script = files.Write("pool_startup_script.sh", SeedFiles.StartupScript(SeedFiles.PageExampleLines()));
        var output = files.PathOf("Pools");

        var result = await new CliEnvironment().RunAsync("import", parameters, "--credentials", SeedFiles.CredentialsTemplate, "--startup-script", script, "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(": error ", result.Stderr);
        Assert.Contains("pool_startup_script.sh(", result.Stderr);
        var sources = Directory.GetFiles(output, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            Assert.Contains("[Julia(\"1.5.2\")]", source);
            Assert.Contains("[JuliaPackage(\"JOLI\", Url = \"https://github.com/slimgroup/JOLI.jl\", Develop = true)]", source);
        });

        var generated = PoolRegistry.FromAssembly(PoolCompiler.Load(sources)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var expected = LegacyImport.Load(parameters, SeedFiles.CredentialsTemplate, LegacyStartupScript.Load(script).ToOptions()).Definitions;
        Assert.Equal(expected.OrderBy(p => p.Id, StringComparer.Ordinal), generated);
        Assert.All(generated, pool => Assert.False(Rules.PoolValidator.HasErrors(Rules.PoolValidator.Validate(pool))));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_imports_without_a_script_saying_julia_and_packages_must_be_declared(string example)
    {
        SharedReferenceData.Require();
        using var files = new TempFiles();
        var output = files.PathOf("Pools");

        var result = await new CliEnvironment().RunAsync("import", Path.Combine(SeedFiles.LegacyExamples, example), "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Julia and packages: AzureClusterlessHPC.jl kept them in the pool startup script", result.Stdout);
        Assert.Contains("--startup-script pool_startup_script.sh", result.Stdout);
        var sources = Directory.GetFiles(output, "*.cs").Select(File.ReadAllText).ToArray();
        Assert.All(sources, source => Assert.Contains("// so this pool installs no Julia. Declare them here with [Julia(\"1.10.5\")] and [JuliaPackage(\"Name\")]", source));
        Assert.NotEmpty(PoolRegistry.FromAssembly(PoolCompiler.Load(sources)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_plans_against_the_emulator(string example)
    {
        SharedReferenceData.Require();
        var parameters = Path.Combine(SeedFiles.LegacyExamples, example);

        var result = await emulator.ChpcAsync("plan", "--parameters", parameters);

        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = LegacyImport.Load(parameters).Definitions.Select(p => p.Id);
        Assert.Equal(string.Concat(ids.Select(id => $"{id}: create\n")), result.Stdout);
    }

    [Fact]
    public async Task Plan_and_apply_read_the_startup_script_too()
    {
        SharedReferenceData.Require();
        using var files = new TempFiles();
        var script = files.Write("pool_startup_script.sh", SeedFiles.StartupScript(SeedFiles.PageExampleLines()));
        var parameters = Path.Combine(SeedFiles.LegacyExamples, "examples_container_parameters.json");

        var result = await emulator.ChpcAsync("plan", "--parameters", parameters, "--startup-script", script);

        Assert.True(result.ExitCode == 0, result.ToString());
        // Without blob storage the plan says each node installs the script's packages on its own.
        Assert.StartsWith("BatchPoolContainer_1: create\n  packages: each node resolves and precompiles the ", result.Stdout);
        Assert.Contains("on its own (inline delivery without blob storage", result.Stdout);
        // The script's Julia reaches the pool: a container pool with [Julia] gets the warning, on the download's line.
        Assert.Matches(@"pool_startup_script\.sh\(\d+\): warning CHPC0043: Pool 'BatchPoolContainer_1' runs its tasks in containers", result.Stderr);
        Assert.Contains("pool_startup_script.sh(", result.Stderr);
        Assert.Equal(3, (await new CliEnvironment().RunAsync("plan", "--assembly", "x.dll", "--startup-script", script)).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task With_the_credentials_template_each_example_is_validated_offline_and_its_placeholder_account_is_reported_not_contacted(string example)
    {
        SharedReferenceData.Require();
        var parameters = Path.Combine(SeedFiles.LegacyExamples, example);

        // No account options: were the placeholder account used, its made-up host would be looked up and the plan fail.
        var result = await new CliEnvironment().RunAsync("plan", "--parameters", parameters, "--credentials", SeedFiles.CredentialsTemplate);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("credentials.json, entry 1: warning: the entry is still the package's credentials template", result.Stderr);
        Assert.DoesNotContain("Batch account:", result.Stderr);
        foreach (var id in LegacyImport.Load(parameters).Definitions.Select(p => p.Id))
        {
            Assert.Contains($"{id}: validated offline, not planned: it goes to account 'batchaccountname', the placeholder of the credentials template (credentials.json, entry 1), which is not contacted\n", result.Stdout);
        }
    }

    [Fact]
    public async Task Apply_refuses_pools_in_the_placeholder_account_and_sends_nothing()
    {
        SharedReferenceData.Require();

        var result = await emulator.ChpcAsync("apply", "--parameters", Path.Combine(SeedFiles.LegacyExamples, "examples_batch_parameters.json"),
            "--credentials", SeedFiles.CredentialsTemplate);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: pool 'BatchPool_1' goes to account 'batchaccountname', the placeholder of the credentials template (credentials.json, entry 1)", result.Stderr);
        Assert.Contains("Nothing was sent.", result.Stderr);
        Assert.DoesNotContain("Batch account:", result.Stderr);
    }
}
