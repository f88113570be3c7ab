using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Tests.Surface;

/// <summary>
/// The packages version apart, so none may reach into another's internals: what one package uses of another is public
/// and recorded in its PublicAPI files. Internals are shown to this repository's test assemblies only.
/// </summary>
public class PackageBoundaryTests
{
    [Fact]
    public void No_package_shows_its_internals_to_another_package()
    {
        var projects = PackageBoundaries.Load(RepositoryRoot.Path);
        Assert.Contains(projects, p => p.AssemblyName == "ClusterlessHpc" && p.IsPackage);
        Assert.Contains(projects, p => p.AssemblyName == "ClusterlessHpc.Simulation" && p.IsPackage);
        Assert.Contains(projects, p => p.AssemblyName == "ClusterlessHpc.Emulator" && p.IsPackage);
        Assert.Contains(projects, p => p.AssemblyName == "ClusterlessHpc.Cli" && p.IsPackage);

        Assert.Empty(PackageBoundaries.Violations(projects, TestAssemblyNames()));
    }

    [Fact]
    public void The_built_packages_show_their_internals_to_test_assemblies_only()
    {
        // The built assemblies too, so a grant written in source ([assembly: InternalsVisibleTo]) or added by a build
        // file is caught as well as one in a project file.
        var tests = TestAssemblyNames();
        var problems = new List<string>();
        foreach (var assembly in new[] { typeof(PoolDefinition).Assembly, typeof(PoolModel).Assembly, typeof(BatchEmulator).Assembly })
        {
            foreach (var grant in assembly.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>())
            {
                var name = grant.AssemblyName.Split(',')[0].Trim();
                if (!tests.Contains(name)) problems.Add($"{assembly.GetName().Name} shows its internals to {name}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void A_grant_from_one_package_to_another_is_reported()
    {
        var runtime = new ProjectGrants("runtime/ClusterlessHpc/ClusterlessHpc.csproj", "ClusterlessHpc", IsPackage: true,
            Grants: ["ClusterlessHpc.Tests", "ClusterlessHpc.Cli"]);
        var cli = new ProjectGrants("runtime/ClusterlessHpc.Cli/ClusterlessHpc.Cli.csproj", "ClusterlessHpc.Cli", IsPackage: true, Grants: []);
        var sample = new ProjectGrants("samples/Quickstart/Quickstart.csproj", "Quickstart", IsPackage: false, Grants: []);
        var generator = new ProjectGrants("generator/G/G.csproj", "G", IsPackage: true, Grants: ["Quickstart"]);

        var violations = PackageBoundaries.Violations([runtime, cli, sample, generator], new HashSet<string> { "ClusterlessHpc.Tests" });

        Assert.Equal(
            new[]
            {
                "runtime/ClusterlessHpc/ClusterlessHpc.csproj: InternalsVisibleTo ClusterlessHpc.Cli, a package of its own",
                "generator/G/G.csproj: InternalsVisibleTo Quickstart, which is not a test project under tests/",
            },
            violations);
    }

    [Fact]
    public void Grants_are_read_from_project_files_and_source()
    {
        var folder = Directory.CreateTempSubdirectory("chpc-grants-");
        try
        {
            var project = Path.Combine(folder.FullName, "Lib");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "Lib.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><IsPackable>true</IsPackable><AssemblyName>Some.Lib</AssemblyName></PropertyGroup>
                  <ItemGroup><InternalsVisibleTo Include="Lib.Tests" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "AssemblyInfo.cs"),
                "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Other.Package, PublicKey=00\")]");

            var grants = PackageBoundaries.Read(Path.Combine(project, "Lib.csproj"), folder.FullName);

            Assert.Equal("Some.Lib", grants.AssemblyName);
            Assert.True(grants.IsPackage);
            Assert.Equal(new[] { "Lib.Tests", "Other.Package" }, grants.Grants);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_package_records_its_public_api_with_nullable_annotations()
    {
        var problems = new List<string>();
        foreach (var project in PackageBoundaries.Load(RepositoryRoot.Path).Where(p => p.IsPackage && p.Path.StartsWith("runtime/", StringComparison.Ordinal)))
        {
            var file = Path.Combine(RepositoryRoot.Path, project.Path);
            if (!File.ReadAllText(file).Contains("<PackageReference Include=\"Microsoft.CodeAnalysis.PublicApiAnalyzers\"", StringComparison.Ordinal))
            {
                problems.Add($"{project.Path} does not reference Microsoft.CodeAnalysis.PublicApiAnalyzers");
            }
            foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                var api = Path.Combine(Path.GetDirectoryName(file)!, name);
                if (!File.Exists(api)) problems.Add($"{project.Path} has no {name}");
                else if (File.ReadLines(api).FirstOrDefault() != "#nullable enable") problems.Add($"{project.Path}: {name} does not start with #nullable enable");
            }
        }
        Assert.Empty(problems);
    }

    // Every project under tests/ builds a test assembly (the benchmarks included); none of them is packed.
    private static HashSet<string> TestAssemblyNames() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => PackageBoundaries.Read(p, RepositoryRoot.Path).AssemblyName)
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>A project's assembly, whether it ships (packed, or inside a package as the generator is), and whom it shows its internals.</summary>
internal sealed record ProjectGrants(string Path, string AssemblyName, bool IsPackage, IReadOnlyList<string> Grants);

internal static partial class PackageBoundaries
{
    /// <summary>The shipped projects (runtime/ and generator/; the generator travels inside the ClusterlessHpc package) and the samples.</summary>
    public static IReadOnlyList<ProjectGrants> Load(string root) =>
        new[] { "runtime", "generator", "samples" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(p => Read(p, root))
            .ToList();

    public static ProjectGrants Read(string projectFile, string root)
    {
        var document = XDocument.Load(projectFile);
        var folder = Path.GetDirectoryName(projectFile)!;
        var relative = Path.GetRelativePath(root, projectFile).Replace('\\', '/');
        var assemblyName = document.Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault()
            ?? Path.GetFileNameWithoutExtension(projectFile);
        var isPackage = document.Descendants("IsPackable").Any(e => e.Value.Trim() == "true") || relative.StartsWith("generator/", StringComparison.Ordinal);
        var fromProject = document.Descendants("InternalsVisibleTo").Select(e => (string?)e.Attribute("Include") ?? "");
        var fromSource = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => SourceGrant().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value));
        var grants = fromProject.Concat(fromSource).Select(g => g.Split(',')[0].Trim()).ToList();
        return new ProjectGrants(relative, assemblyName, isPackage, grants);
    }

    /// <summary>One line per grant that crosses a package boundary, or reaches anything but a test project.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<ProjectGrants> projects, IReadOnlySet<string> testAssemblies)
    {
        var packages = projects.Where(p => p.IsPackage).Select(p => p.AssemblyName).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var project in projects.Where(p => p.IsPackage))
        {
            foreach (var grant in project.Grants)
            {
                if (packages.Contains(grant)) violations.Add($"{project.Path}: InternalsVisibleTo {grant}, a package of its own");
                else if (!testAssemblies.Contains(grant)) violations.Add($"{project.Path}: InternalsVisibleTo {grant}, which is not a test project under tests/");
            }
        }
        return violations;
    }

    [GeneratedRegex("""InternalsVisibleTo(?:Attribute)?\s*\(\s*"(?<name>[^"]+)"\s*\)""")]
    private static partial Regex SourceGrant();
}
