using System.Security.Cryptography;
using System.Text;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>
/// Startup scripts run for real by the emulator's executed start tasks, with a stand-in Julia that plays their Julia
/// program (<see cref="JuliaStandInServer"/>): a pinned manifest reaches every node, and a failing step is named by the
/// declaration behind it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupStepTraceTests : IAsyncLifetime
{
    private const string Manifest = """
        julia_version = "1.10.5"
        manifest_format = "2.0"

        [[deps.IterativeSolvers]]
        uuid = "42fd0dbc-a981-5370-80f2-aaf504508153"
        version = "0.9.4"
        """;

    private const string Project = """
        [deps]
        IterativeSolvers = "42fd0dbc-a981-5370-80f2-aaf504508153"
        """;

    private readonly string _nodes = Directory.CreateTempSubdirectory("chpc-trace-nodes-").FullName;
    private BatchEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
    {
        StartTaskMode = StartTaskMode.Execute,
        AllowDevelopmentKey = true,
        NodesDirectory = _nodes,
        SandboxUidBase = SandboxUids.NextBase(),
        NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
        NodeStartingDelay = TimeSpan.FromMilliseconds(20),
    });

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_nodes, recursive: true);
    }

    private static PoolProvisionerOptions Options => new() { FirstPollDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromMinutes(2) };

    [Fact]
    public async Task Every_node_instantiates_the_shipped_manifest_and_announces_its_steps()
    {
        await using var internet = new JuliaStandInServer(new JuliaStandInOptions("1.10.5"));
        var definition = new PoolDefinition
        {
            Id = "pinned-for-real",
            NodeCount = 2,
            Julia = new JuliaDefinition("1.10.5") { Mirror = internet.Mirror, PkgServer = internet.PkgServer },
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")],
            JuliaManifest = new JuliaManifestDefinition("julia/Manifest.toml") { Manifest = Manifest, Project = Project },
        };
        var client = _emulator.CreateClient();

        await new PoolProvisioner(client, Options).ApplyAsync(definition);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Manifest)));
        var nodes = new List<string>();
        await foreach (var node in client.GetNodesAsync(definition.Id)) nodes.Add(node.Id!);
        Assert.Equal(2, nodes.Count);
        foreach (var node in nodes)
        {
            var stdout = (await client.GetNodeFileAsync(definition.Id, node, "startup/stdout.txt")).Value.ToString();
            Assert.Contains($"instantiated {expected}", stdout);
            var markers = stdout.Split('\n').Where(l => l.StartsWith("##[chpc step ", StringComparison.Ordinal)).ToList();
            Assert.Equal(["##[chpc step 1/3] download Julia 1.10.5", "##[chpc step 2/3] instantiate the pinned manifest", "##[chpc step 3/3] load IterativeSolvers"], markers);
            // Names only: the mirror's and the package server's address never reach a marker.
            Assert.DoesNotContain(markers, m => m.Contains("127.0.0.1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_failing_package_is_named_by_its_declaration_like_a_compiler_error()
    {
        await using var internet = new JuliaStandInServer(new JuliaStandInOptions("1.10.5")
        {
            FailingStep = "develop JOLI",
            FailingError = "ERROR: failed to clone from https://github.com/slimgroup/JOLI.jl",
        });
        var definition = new PoolDefinition
        {
            Id = "fails-at-joli",
            Julia = new JuliaDefinition("1.10.5") { Mirror = internet.Mirror, PkgServer = internet.PkgServer },
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers"), new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Develop = true }],
        };
        // What the generated code of an assembly that declares the pool registers when it loads.
        DeclarationSites.Register(() => definition, new DeclarationSite("JuliaPackage[1].Attribute", "Pools.cs", 12, 2, "[JuliaPackage(\"JOLI\", ...)]"));

        var error = await Assert.ThrowsAsync<StartTaskFailedException>(() => new PoolProvisioner(_emulator.CreateClient(), Options).ApplyAsync(definition));

        Assert.Equal("develop JOLI", error.FailedStep);
        Assert.Equal("Pools.cs(12,2): [JuliaPackage(\"JOLI\", ...)]", error.Declaration);
        Assert.Equal(
            $"Pools.cs(12,2): [JuliaPackage(\"JOLI\", ...)] failed on node {error.NodeId} during \"develop JOLI\": ERROR: failed to clone from https://github.com/slimgroup/JOLI.jl",
            error.Message.Split('\n')[0]);
        Assert.Contains("The end of its stderr.txt:", error.Message);
    }

    [Fact]
    public async Task Without_generated_code_the_declaration_is_described_from_the_definition()
    {
        await using var internet = new JuliaStandInServer(new JuliaStandInOptions("1.10.5")
        {
            FailingStep = "add IterativeSolvers",
            FailingError = "ERROR: Unsatisfiable requirements detected for package IterativeSolvers",
        });
        var definition = new PoolDefinition
        {
            Id = "built-in-code",
            Julia = new JuliaDefinition("1.10.5") { Mirror = internet.Mirror, PkgServer = internet.PkgServer },
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")],
        };

        var error = await Assert.ThrowsAsync<StartTaskFailedException>(() => new PoolProvisioner(_emulator.CreateClient(), Options).ApplyAsync(definition));

        Assert.StartsWith($"[JuliaPackage(\"IterativeSolvers\")] failed on node {error.NodeId} during \"add IterativeSolvers\": ERROR: Unsatisfiable", error.Message);
    }
}
