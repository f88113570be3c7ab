using System.Globalization;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Reliability.Boot;

/// <summary>One node's two boots: the first when it joins the pool, the second after a reboot.</summary>
public sealed record NodeBoot(string NodeId, TimeSpan FirstBoot, int FirstBootLaunches, TimeSpan SecondBoot, int SecondBootLaunches, bool BothSucceeded);

/// <summary>A pool's nodes, booted twice each.</summary>
/// <param name="LastJuliaArguments">The arguments of the last launch of julia on the first node, one a line.</param>
public sealed record PoolBoots(string Name, IReadOnlyList<NodeBoot> Nodes, int JuliaDownloads, string LastJuliaArguments)
{
    public double LaunchesPerJoin => Nodes.Average(n => n.FirstBootLaunches);

    public double LaunchesPerReboot => Nodes.Average(n => n.SecondBootLaunches);

    public TimeSpan FirstBoot => TimeSpan.FromTicks((long)Nodes.Average(n => n.FirstBoot.Ticks));

    public TimeSpan SecondBoot => TimeSpan.FromTicks((long)Nodes.Average(n => n.SecondBoot.Ticks));

    /// <summary>The second boot's time as a fraction of the first (averaged over the nodes).</summary>
    public double SecondBootFraction => Nodes.Average(n => n.SecondBoot / n.FirstBoot);

    public string Summary()
    {
        string S(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
        return $"{Name}: {LaunchesPerJoin:0.#} Julia launch(es) per node join, {LaunchesPerReboot:0.#} on the reboot; first boot {S(FirstBoot)}, " +
               $"second boot {S(SecondBoot)} = {SecondBootFraction:P1} of the first; Julia downloaded {JuliaDownloads} time(s) for {Nodes.Count} node(s) " +
               $"booted twice" + (Nodes.All(n => n.BothSucceeded) ? "" : "; A START TASK FAILED");
    }
}

/// <summary>
/// The seed page's template and ClusterlessHpc's generated script for the same pool (Julia 1.5.2, AzureClusterlessHPC.jl
/// from its repository, five registered packages), each run for real by the emulator's executed start tasks with a stand-in
/// julia from a loopback mirror: every node joins, then is rebooted; the start task's times come from its
/// <c>startTaskInfo</c>, the launches from the stand-in's log in the node's shared folder.
/// </summary>
public static class NodeBootComparison
{
    public static async Task<(PoolBoots Seed, PoolBoots Generated)> RunAsync(
        TimeSpan juliaLaunchCost, int releaseMegabytes = 0, int nodes = 2, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("chpc-boot-").FullName;
        try
        {
            await using var internet = await StandInServer.StartAsync(SeedTemplate.JuliaVersion, juliaLaunchCost, releaseMegabytes).ConfigureAwait(false);
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                StartTaskMode = StartTaskMode.Execute,
                AllowDevelopmentKey = true,
                NodesDirectory = folder,
                SandboxUidBase = ClusterlessHpc.Testing.SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(10),
                NodeStartingDelay = TimeSpan.FromMilliseconds(10),
                NodeRebootingDelay = TimeSpan.FromMilliseconds(10),
            }, cancellationToken).ConfigureAwait(false);
            var client = emulator.CreateClient();
            var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions
            {
                FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromMinutes(5),
            });

            // One pool at a time, so the two never share the machine's cores while they are timed.
            var seed = await BootTwiceAsync(client, provisioner, emulator, "seed template", "seed-template", async () =>
            {
                await client.CreatePoolAsync(SeedPool("seed-template", nodes, internet), cancellationToken).ConfigureAwait(false);
            }, internet, cancellationToken).ConfigureAwait(false);
            var generated = await BootTwiceAsync(client, provisioner, emulator, "ClusterlessHpc", "generated", async () =>
            {
                await provisioner.ApplyAsync(Definition("generated", nodes, internet.JuliaMirror), cancellationToken: cancellationToken).ConfigureAwait(false);
            }, internet, cancellationToken).ConfigureAwait(false);
            return (seed, generated);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The same pool declared for ClusterlessHpc: the seed's Julia and its six packages, from <paramref name="mirror"/>.</summary>
    public static PoolDefinition Definition(string id, int nodes, Uri mirror) => new()
    {
        Id = id,
        VmSize = "Standard_E2s_v3",
        NodeCount = nodes,
        Julia = new JuliaDefinition(SeedTemplate.JuliaVersion) { Mirror = mirror.ToString() },
        JuliaPackages =
        [
            new JuliaPackageDefinition("AzureClusterlessHPC") { Url = "https://github.com/microsoft/AzureClusterlessHPC.jl" },
            .. SeedTemplate.UserPackages.Select(p => new JuliaPackageDefinition(p)),
        ],
    };

    /// <summary>The seed's pool as AzureClusterlessHPC.jl made it: the script as a resource file, run by an admin pool auto-user.</summary>
    public static BatchPoolCreateOptions SeedPool(string id, int nodes, StandInServer internet)
    {
        var files = new List<ResourceFile>
        {
            new() { HttpUrl = internet.Publish("seed/pool_startup_script.sh", SeedTemplate.Adapted()).ToString(), FilePath = "pool_startup_script.sh" },
        };
        foreach (var (name, text) in SeedTemplate.Tools(internet.JuliaMirror))
        {
            files.Add(new ResourceFile { HttpUrl = internet.Publish("seed/standins/" + name, text + "\n").ToString(), FilePath = $"{SeedTemplate.StandIns}/{name}", FileMode = "0755" });
        }
        var request = PoolRequestBuilder.Build(new PoolDefinition { Id = id, VmSize = "Standard_E2s_v3", NodeCount = nodes });
        request.Metadata = null;
        request.StartTask = new BatchStartTask
        {
            CommandLine = SeedTemplate.CommandLine("pool_startup_script.sh"),
            ResourceFiles = files,
            UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Pool, ElevationLevel = ElevationLevel.Admin } },
            WaitForSuccess = true,
        };
        return request;
    }

    private static async Task<PoolBoots> BootTwiceAsync(
        BatchClient client, PoolProvisioner provisioner, BatchEmulator emulator, string name, string poolId, Func<Task> create,
        StandInServer internet, CancellationToken cancellationToken)
    {
        var downloadsBefore = internet.JuliaDownloads;
        await create().ConfigureAwait(false);
        await provisioner.WaitUntilReadyAsync(poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var first = new Dictionary<string, (BatchStartTaskInfo Info, int Launches)>();
        await foreach (var node in client.GetNodesAsync(poolId, cancellationToken).ConfigureAwait(false))
        {
            first[node.Id!] = (node.StartTaskInfo!, Launches(emulator, poolId, node.Id!));
        }

        foreach (var nodeId in first.Keys) await client.RebootNodeAsync(poolId, nodeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        await provisioner.WaitUntilReadyAsync(poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var boots = new List<NodeBoot>();
        await foreach (var node in client.GetNodesAsync(poolId, cancellationToken).ConfigureAwait(false))
        {
            var (info, launches) = first[node.Id!];
            var second = node.StartTaskInfo!;
            var total = Launches(emulator, poolId, node.Id!);
            boots.Add(new NodeBoot(node.Id!, Duration(info), launches, Duration(second), total - launches,
                info.Result == BatchTaskExecutionResult.Success && second.Result == BatchTaskExecutionResult.Success && second.StartTime > info.EndTime));
        }
        var arguments = Path.Combine(emulator.NodesDirectory!, poolId, boots[0].NodeId, "shared", StandInServer.LastArguments);
        return new PoolBoots(name, boots, internet.JuliaDownloads - downloadsBefore, File.Exists(arguments) ? File.ReadAllText(arguments) : "");
    }

    private static TimeSpan Duration(BatchStartTaskInfo info) => (info.EndTime ?? info.StartTime) - info.StartTime;

    /// <summary>Lines in the stand-in julia's log in the node's shared folder.</summary>
    private static int Launches(BatchEmulator emulator, string poolId, string nodeId)
    {
        var log = Path.Combine(emulator.NodesDirectory!, poolId, nodeId, "shared", StandInServer.LaunchLog);
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }
}
