using System.IO.Compression;

namespace ClusterlessHpc.Integration.Tests;

/// <summary>
/// Packs the packages and builds a fresh project against them from a local folder feed, with a unique version
/// and a private package cache so that no stale copy is ever used.
/// </summary>
public sealed class PackagingTests : IClassFixture<PackagingTests.PackedFeed>
{
    private readonly PackedFeed _feed;

    public PackagingTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void The_runtime_package_carries_the_generator_and_analyzer_and_the_emulator_has_its_own()
    {
        using var runtime = ZipFile.OpenRead(Path.Combine(_feed.Folder, $"ClusterlessHpc.{_feed.Version}.nupkg"));
        var entries = runtime.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/ClusterlessHpc.Generator.dll", entries);
        Assert.Contains("lib/net10.0/ClusterlessHpc.dll", entries);
        Assert.Contains("build/ClusterlessHpc.props", entries);

        using var emulator = ZipFile.OpenRead(Path.Combine(_feed.Folder, $"ClusterlessHpc.Emulator.{_feed.Version}.nupkg"));
        Assert.Contains("lib/net10.0/ClusterlessHpc.Emulator.dll", emulator.Entries.Select(e => e.FullName));
        using var model = ZipFile.OpenRead(Path.Combine(_feed.Folder, $"ClusterlessHpc.Simulation.{_feed.Version}.nupkg"));
        Assert.Contains("lib/net10.0/ClusterlessHpc.Simulation.dll", model.Entries.Select(e => e.FullName));
        // The build's check of simulation expectations: its targets, and the checker they run in a process of its own.
        Assert.Contains("build/ClusterlessHpc.Simulation.targets", model.Entries.Select(e => e.FullName));
        Assert.Contains("tools/checker/ClusterlessHpc.Simulation.Checker.dll", model.Entries.Select(e => e.FullName));
        Assert.Contains("tools/checker/ClusterlessHpc.Simulation.Checker.runtimeconfig.json", model.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void Every_package_carries_a_readme_and_the_runtime_package_every_diagnostics_page()
    {
        foreach (var id in new[] { "ClusterlessHpc", "ClusterlessHpc.Simulation", "ClusterlessHpc.Emulator", "ClusterlessHpc.Cli" })
        {
            using var package = ZipFile.OpenRead(Path.Combine(_feed.Folder, $"{id}.{_feed.Version}.nupkg"));
            var nuspec = package.Entries.Single(e => e.FullName == id + ".nuspec");
            using var reader = new StreamReader(nuspec.Open());
            Assert.Contains("<readme>README.md</readme>", reader.ReadToEnd());
            var readme = package.GetEntry("README.md");
            Assert.True(readme is { Length: > 200 }, $"{id} has no readme");
        }

        using var runtime = ZipFile.OpenRead(Path.Combine(_feed.Folder, $"ClusterlessHpc.{_feed.Version}.nupkg"));
        foreach (var rule in ClusterlessHpc.Diagnostics.DiagnosticCatalogue.All)
        {
            Assert.True(runtime.GetEntry(rule.DocsPage) is { Length: > 0 }, $"{rule.DocsPage} is not in the package");
        }
    }

    [Fact]
    public void The_readmes_hosting_example_runs_as_written_against_the_packed_packages()
    {
        // The block after the marker, exactly as the README shows it: a user who follows it alone must get a pool.
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var marker = readme.IndexOf("<!-- hosting-example", StringComparison.Ordinal);
        Assert.True(marker >= 0, "the README has no hosting example");
        var start = readme.IndexOf("```csharp\n", marker, StringComparison.Ordinal) + "```csharp\n".Length;
        var program = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var project = _feed.CreateConsumer("ClusterlessHpc.Emulator", "Microsoft.Extensions.Hosting");
        File.WriteAllText(Path.Combine(project, "Program.cs"), program);
        // No Batch endpoint may leak in from the machine running the tests.
        var run = _feed.Dotnet(project, new Dictionary<string, string> { ["ClusterlessHpc__Batch__Endpoint"] = "" }, "run", "--project", project);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("redwood: Ready", run.Stdout);
    }

    [Fact]
    public void A_fresh_project_gets_the_generated_definition_and_a_chpc_diagnostic()
    {
        var project = _feed.CreateConsumer();
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using ClusterlessHpc;

            System.Console.WriteLine($"{RedwoodPool.Definition.Id} {RedwoodPool.Definition.JuliaPackages.Count} {RedwoodPool.StartupScript.Length > 0}");

            [BatchPool("redwood", VmSize = "Standard_E8s_v3")]
            [Julia("1.10.5")]
            [JuliaPackage("IterativeSolvers")]
            [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
            public partial class RedwoodPool;
            """);

        var run = _feed.Dotnet(project, "run", "--project", project);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("redwood 2 True", run.Stdout);

        File.WriteAllText(Path.Combine(project, "Broken.cs"), """
            using ClusterlessHpc;
            [BatchPool("bad id")]
            public partial class BrokenPool;
            """);
        var build = _feed.Dotnet(project, "build", project);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Broken.cs(2,12): error CHPC0002: Pool id 'bad id' is invalid", build.Stdout);
    }

    [Fact]
    public void A_manifest_in_the_projects_julia_folder_is_read_by_the_real_build_and_its_sites_registered()
    {
        var project = _feed.CreateConsumer();
        Directory.CreateDirectory(Path.Combine(project, "julia"));
        const string manifest = "julia_version = \"1.10.5\"\nmanifest_format = \"2.0\"\n\n[[deps.Example]]\nuuid = \"7876af07-990d-54b4-ab0e-23690620f79a\"\nversion = \"0.5.5\"\n";
        File.WriteAllText(Path.Combine(project, "julia", "Manifest.toml"), manifest);
        File.WriteAllText(Path.Combine(project, "julia", "Project.toml"), "[deps]\nExample = \"7876af07-990d-54b4-ab0e-23690620f79a\"\n");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using ClusterlessHpc;

            var pinned = PinnedPool.Definition.JuliaManifest!;
            var site = System.Linq.Enumerable.Single(DeclarationSites.Of(PinnedPool.Definition), s => s.Target == "JuliaManifest.Attribute");
            System.Console.WriteLine($"{pinned.Path} {pinned.Manifest!.Length} {site}");

            [BatchPool("pinned")]
            [Julia("1.10.5")]
            [JuliaPackage("Example")]
            [JuliaManifest("julia/Manifest.toml")]
            public partial class PinnedPool;
            """);

        var run = _feed.Dotnet(project, "run", "--project", project);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"julia/Manifest.toml {manifest.Length} Program.cs(10,2): [JuliaManifest(\"julia/Manifest.toml\")]", run.Stdout);

        File.WriteAllText(Path.Combine(project, "julia", "Manifest.toml"), manifest.Replace("1.10.5", "1.9.4", StringComparison.Ordinal));
        var build = _feed.Dotnet(project, "build", project);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(10,16): error CHPC0073", build.Stdout);
    }

    [Fact]
    public void Editorconfig_severities_reach_the_real_build()
    {
        var project = _feed.CreateConsumer();
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using ClusterlessHpc;
            System.Console.WriteLine(EmptyPool.Definition.Id);

            [BatchPool("empty", NodeCount = 0)]
            public partial class EmptyPool;
            """);
        var warned = _feed.Dotnet(project, "build", project);
        Assert.True(warned.ExitCode == 0, warned.Stdout + warned.Stderr);
        Assert.Contains("warning CHPC0007", warned.Stdout);

        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CHPC0007.severity = error\n");
        var failed = _feed.Dotnet(project, "build", project, "--no-incremental");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error CHPC0007", failed.Stdout);
    }

    /// <summary>
    /// The opt-in check of [SimulationExpectation]s after build, as a user gets it from the packed packages: off by default;
    /// with <c>error</c> an exceeded expectation fails the build at its attribute's line; with <c>warn</c> it is a warning,
    /// reported again by a build that changed nothing without simulating again; and once the bound is met, the build passes.
    /// </summary>
    [Fact]
    public void An_exceeded_simulation_expectation_fails_or_warns_the_build_at_its_attribute_only_when_asked()
    {
        var project = _feed.CreateConsumer("ClusterlessHpc.Simulation");
        const string pools = """
            using ClusterlessHpc;

            System.Console.WriteLine(OverPool.Definition.Id);

            // One node for 30 ten-minute tasks takes 5 h 4 min; ten nodes take 24 min.
            [BatchPool("over", VmSize = "Standard_E4s_v3")]
            [AutoScale("$TargetDedicatedNodes = 1;")]
            [SimulationExpectation("burst:30", MaxMakespan = "01:00:00", MaxCostUsd = 25, PricePerNodeHour = 0.252)]
            public partial class OverPool;

            [BatchPool("within", VmSize = "Standard_E4s_v3")]
            [AutoScale("$TargetDedicatedNodes = $PendingTasks.GetSamplePercent(180 * TimeInterval_Second) < 70 ? 10 : min(10, avg($PendingTasks.GetSample(180 * TimeInterval_Second))); $NodeDeallocationOption = taskcompletion;")]
            [SimulationExpectation("burst:30", Name = "burst", MaxMakespan = "01:00:00")]
            public partial class WithinPool;
            """;
        File.WriteAllText(Path.Combine(project, "Program.cs"), pools);
        var file = Path.Combine(project, "Program.cs");
        var exceeded = $"{file}(8,2): error CHPC1056: Pool 'over', expectation 'burst:30': simulated makespan 05:04:00 exceeds the expected 01:00:00";

        var off = _feed.Dotnet(project, "build", project);
        Assert.True(off.ExitCode == 0, off.Stdout + off.Stderr);
        Assert.DoesNotContain("CHPC1056", off.Stdout);

        var failed = _feed.Dotnet(project, "build", project, "-p:ClusterlessHpcCheckExpectations=error");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains(exceeded, failed.Stdout);
        Assert.DoesNotContain(failed.Stdout.Split('\n'), line => line.Contains("CHPC10", StringComparison.Ordinal) && line.Contains("'within'", StringComparison.Ordinal));

        var warned = _feed.Dotnet(project, "build", project, "-p:ClusterlessHpcCheckExpectations=warn");
        Assert.True(warned.ExitCode == 0, warned.Stdout + warned.Stderr);
        Assert.Contains(exceeded.Replace(": error ", ": warning ", StringComparison.Ordinal), warned.Stdout);

        // Nothing changed: the warning is reported again from the last check's results, which are not written again.
        var results = Directory.GetFiles(Path.Combine(project, "obj"), "clusterlesshpc.expectations.results", SearchOption.AllDirectories).Single();
        var checkedAt = File.GetLastWriteTimeUtc(results);
        var again = _feed.Dotnet(project, "build", project, "-p:ClusterlessHpcCheckExpectations=warn");
        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        Assert.Contains(exceeded.Replace(": error ", ": warning ", StringComparison.Ordinal), again.Stdout);
        Assert.Equal(checkedAt, File.GetLastWriteTimeUtc(results));

        var misspelt = _feed.Dotnet(project, "build", project, "-p:ClusterlessHpcCheckExpectations=yes");
        Assert.NotEqual(0, misspelt.ExitCode);
        Assert.Contains("error CHPC1058: ClusterlessHpcCheckExpectations is 'yes': use warn", misspelt.Stdout);

        // The bound raised to what the formula does: the changed assembly is checked again, and the build passes.
        File.WriteAllText(file, pools.Replace("MaxMakespan = \"01:00:00\", MaxCostUsd", "MaxMakespan = \"06:00:00\", MaxCostUsd", StringComparison.Ordinal));
        var met = _feed.Dotnet(project, "build", project, "-p:ClusterlessHpcCheckExpectations=error");
        Assert.True(met.ExitCode == 0, met.Stdout + met.Stderr);
        Assert.DoesNotContain("CHPC1056", met.Stdout);
    }

    [Fact]
    public void Asking_for_the_expectations_check_without_the_simulation_package_warns_instead_of_doing_nothing()
    {
        var project = _feed.CreateConsumer();
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using ClusterlessHpc;
            System.Console.WriteLine(ScaledPool.Definition.Id);

            [BatchPool("scaled")]
            [AutoScale("$TargetDedicatedNodes = 1;")]
            [SimulationExpectation("burst:3", MaxMakespan = "01:00:00")]
            public partial class ScaledPool;
            """);
        var build = _feed.Dotnet(project, "build", project, "-p:ClusterlessHpcCheckExpectations=warn");
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.Contains("warning CHPC1058: ClusterlessHpcCheckExpectations is 'warn' but the project does not reference the ClusterlessHpc.Simulation package", build.Stdout);
    }

    /// <summary>Packs once per test class: a folder feed with both packages at a version no cache has seen.</summary>
    public sealed class PackedFeed : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "chpc-pack-" + Guid.NewGuid().ToString("N"));

        public PackedFeed()
        {
            Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N")[..8];
            Folder = Path.Combine(_root, "feed");
            // The emulator's package depends on the pool model's.
            foreach (var package in new[] { "runtime/ClusterlessHpc", "runtime/ClusterlessHpc.Simulation", "runtime/ClusterlessHpc.Emulator", "runtime/ClusterlessHpc.Cli" })
            {
                var pack = ProcessRunner.Run("dotnet",
                    // --no-build: pack what the solution build made, without rebuilding under the running tests.
                    ["pack", Path.Combine(RepositoryRoot.Path, package), "-c", BuildConfiguration.Name, "--no-build", "-o", Folder, $"-p:Version={Version}", "--nologo"],
                    timeout: TimeSpan.FromMinutes(5));
                Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
            }
        }

        public string Version { get; }

        public string Folder { get; }

        /// <summary>A console project on the packed ClusterlessHpc package, plus <paramref name="packages"/>: packed ones at
        /// the packed version, others at the version the repository pins in Directory.Packages.props.</summary>
        public string CreateConsumer(params string[] packages)
        {
            var references = string.Concat(packages.Select(p => $"\n    <PackageReference Include=\"{p}\" Version=\"{VersionOf(p)}\" />"));
            var project = Path.Combine(_root, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(_root, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ClusterlessHpc" Version="{Version}" />{references}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <add key="local" value="{Folder}" />
                  </packageSources>
                </configuration>
                """);
            return project;
        }

        public (int ExitCode, string Stdout, string Stderr) Dotnet(string project, params string[] arguments) =>
            ProcessRunner.Run("dotnet", [.. arguments, "--nologo"], timeout: TimeSpan.FromMinutes(5), workingDirectory: project);

        public (int ExitCode, string Stdout, string Stderr) Dotnet(string project, IDictionary<string, string> environment, params string[] arguments) =>
            ProcessRunner.Run("dotnet", [.. arguments, "--nologo"], timeout: TimeSpan.FromMinutes(5), workingDirectory: project, environment: environment);

        private string VersionOf(string package)
        {
            if (package.StartsWith("ClusterlessHpc", StringComparison.Ordinal)) return Version;
            var pinned = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"))
                .Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == package);
            return (string)pinned.Attribute("Version")!;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
