using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Cli.Tests;

public class ImportStartupScriptTests
{
    private const string Parameters = """{ "_POOL_ID": "redwood", "_POOL_VM_SIZE": "Standard_E8s_v3", "_NODE_COUNT_PER_POOL": "2" }""";

    [Fact]
    public async Task The_scripts_julia_packages_and_other_lines_become_attributes_that_build_into_the_same_pool()
    {
        using var files = new TempFiles();
        var canary = files.PathOf("canary");
        var script = files.Write("pool_startup_script.sh", $$"""
            #!/bin/bash
            sudo bash
            wget "https://julialang-s3.julialang.org/bin/linux/x64/1.10/julia-1.10.5-linux-x86_64.tar.gz"
            tar -xvzf julia-1.10.5-linux-x86_64.tar.gz
            apt-get install -y libfftw3-dev
            julia -e 'using Pkg; Pkg.add(["IterativeSolvers", "FFTW"])'
            julia -e "using Pkg; Pkg.develop(PackageSpec(url=\"https://github.com/slimgroup/JOLI.jl\"))"
            echo "it's \"quoted\" \\ and $(date) ; touch {{canary}}" > /dev/null
            julia -e 'using Pkg; Pkg.add("X$(run(`touch {{canary}}`))")'
            echo 'unterminated
            """);
        var output = files.PathOf("Pools");

        var result = await new CliEnvironment().RunAsync("import", files.Write("parameters.json", Parameters), "--startup-script", script, "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(canary));
        var source = File.ReadAllText(Path.Combine(output, "Redwood1.cs"));
        Assert.Contains("// Julia, packages and startup steps from pool_startup_script.sh.", source);
        Assert.Contains("[Julia(\"1.10.5\")]", source);
        Assert.Contains("[JuliaPackage(\"IterativeSolvers\")]\n[JuliaPackage(\"FFTW\")]\n[JuliaPackage(\"JOLI\", Url = \"https://github.com/slimgroup/JOLI.jl\", Develop = true)]", source.ReplaceLineEndings("\n"));
        Assert.Contains("[StartupStep(\"apt-get install -y libfftw3-dev\")]", source);
        Assert.DoesNotContain("Julia and packages:", result.Stdout);

        // Each line the import could not use is named on standard error, by file and line.
        Assert.Contains("pool_startup_script.sh(2): note: the template's fixed lines (lines 2, 3, 4:", result.Stderr);
        Assert.Contains("pool_startup_script.sh(5): warning: 'apt-get install -y libfftw3-dev' becomes [StartupStep] 1, run before the Julia packages", result.Stderr);
        Assert.Contains("pool_startup_script.sh(8): warning: ", result.Stderr);
        Assert.Contains("pool_startup_script.sh(9): warning: ", result.Stderr);
        Assert.Contains("pool_startup_script.sh(10): warning: 'echo 'unterminated' is not imported: a single quote is not closed", result.Stderr);

        var generated = Assert.Single(PoolRegistry.FromAssembly(PoolCompiler.Load(source)));
        var expected = LegacyImport.Load(files.PathOf("parameters.json"), options: LegacyStartupScript.Load(script).ToOptions()).Definitions[0];
        Assert.Equal(expected, generated);
        Assert.Equal(
            [
                "apt-get install -y libfftw3-dev",
                $"echo \"it's \\\"quoted\\\" \\\\ and $(date) ; touch {canary}\" > /dev/null",
                $"julia -e 'using Pkg; Pkg.add(\"X$(run(`touch {canary}`))\")'",
            ],
            generated.StartupSteps.Select(s => s.Bash));
        Assert.Equal([false, true, true], generated.StartupSteps.Select(s => s.AfterPackages));
    }

    [Fact]
    public async Task A_startup_script_that_cannot_be_read_exits_1_naming_it()
    {
        using var files = new TempFiles();
        var parameters = files.Write("parameters.json", Parameters);

        var missing = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", parameters, "--startup-script", "absent.sh");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"error: {files.PathOf("absent.sh")}: the file does not exist\n", missing.Stderr);
        Assert.Empty(Directory.GetFiles(files.Folder, "*.cs"));
    }

    [Fact]
    public async Task Packages_without_a_julia_download_are_the_validators_error_on_the_scripts_line()
    {
        using var files = new TempFiles();
        var script = files.Write("setup.sh", "julia -e 'using Pkg; Pkg.add(\"IterativeSolvers\")'\n");

        var result = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", files.Write("parameters.json", Parameters), "--startup-script", script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{script}(1): error CHPC0112: ", result.Stderr);
        Assert.True(File.Exists(files.PathOf("Redwood1.cs")));
    }
}
