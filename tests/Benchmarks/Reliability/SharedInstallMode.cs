using System.Diagnostics;
using System.Globalization;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- shared-install [boot-nodes] [request-nodes] [resolve-ms] [precompile-ms] [release-MB]</c>:
/// the shared install measured in the emulator's Execute mode with Azurite and a stand-in julia (docs/performance.md). A
/// 5-package pool boots its first node alone, then grows to <c>boot-nodes</c>: the start tasks of nodes 2..N against node
/// 1's, and against the physical floor (<see cref="FloorAsync"/>); then a pool of <c>request-nodes</c>, its later nodes joining
/// together, counts the package server's requests against one node's (0 leaves the count out, to time boots alone).
/// Exits 1 unless nodes 2..N take under 10 % of node 1 and under the floor plus 20 %, the requests are one node's worth, and
/// every manifest is the first node's.
/// </summary>
public static class SharedInstallMode
{
    private const string JuliaVersion = "1.10.5";

    public static int Run(string[] args, TextWriter output)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var bootNodes = Arg(1, 5);
        var requestNodes = Arg(2, 20);
        var resolve = TimeSpan.FromMilliseconds(Arg(3, 2000));
        var precompile = TimeSpan.FromMilliseconds(Arg(4, 3000));
        var megabytes = Arg(5, 100);
        return RunAsync(bootNodes, requestNodes, resolve, precompile, megabytes, output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int bootNodes, int requestNodes, TimeSpan resolve, TimeSpan precompile, int megabytes, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("chpc-shared-install-").FullName;
        try
        {
            using var azurite = await AzuriteProcess.StartAsync().ConfigureAwait(false);
            await using var internet = new Testing.JuliaStandInServer(JuliaVersion, resolve, precompile, megabytes);
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                StartTaskMode = StartTaskMode.Execute,
                AllowDevelopmentKey = true,
                NodesDirectory = folder,
                SandboxUidBase = ClusterlessHpc.Testing.SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(10),
                NodeStartingDelay = TimeSpan.FromMilliseconds(10),
                StartTaskDelay = TimeSpan.FromMilliseconds(10),
            }).ConfigureAwait(false);
            var client = emulator.CreateClient();
            // The two pools have the same definition (the pool id is not part of it), so each gets a container of its own:
            // otherwise the second would start from the first's published install.
            var container = "chpc" + Guid.NewGuid().ToString("N");
            PoolProvisioner Provisioner(string name) => new(client, new PoolProvisionerOptions
            {
                ScriptDelivery = ScriptDeliveryFactory.Create(new ClusterlessHpcOptions
                {
                    Delivery = ScriptDelivery.Blob,
                    Storage = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = name },
                }),
                FirstPollDelay = TimeSpan.FromMilliseconds(50),
                MaxPollDelay = TimeSpan.FromMilliseconds(200),
                Timeout = TimeSpan.FromMinutes(10),
            });
            var provisioner = Provisioner(container);
            output.WriteLine($"shared install, stand-in julia {JuliaVersion}: {resolve.TotalSeconds:0.#} s to resolve, {precompile.TotalSeconds:0.#} s to precompile " +
                             $"each package, release {megabytes} MB; 5 packages; emulator Execute mode, Azurite");

            // Boot: node 1 alone, then nodes 2..N at once.
            var boot = Definition("boot", internet);
            // A floor sample after node 1 and after each later node: the machine's load then is the load the nodes met.
            var floors = new List<TimeSpan>();
            var hashedFloors = new List<TimeSpan>();
            var (first, later, bootManifestsIdentical) = await BootAsync(client, provisioner, emulator, boot, bootNodes, oneAtATime: true,
                afterEach: async () =>
                {
                    var (plain, hashed) = await FloorAsync(azurite, container, boot, hashedFirst: floors.Count % 2 == 1).ConfigureAwait(false);
                    floors.Add(plain);
                    hashedFloors.Add(hashed);
                }).ConfigureAwait(false);
            var floor = Median(floors);
            var hashedFloor = Median(hashedFloors);
            var median = Median(later);
            output.WriteLine($"  node 1: {S(first)}; nodes 2..{bootNodes}: median {S(median)} (each: {string.Join(", ", later.Select(S))}) = {median / first:P1} of node 1");
            output.WriteLine($"  physical floor (curl piped into {Decoder()} and tar, the release and the depot archive at once, no checksum): median {S(floor)} " +
                             $"(each: {string.Join(", ", floors.Select(S))}); nodes 2..{bootNodes} = {median / floor:P0} of it");
            output.WriteLine($"  the same pipes with the SHA-256 (each stream also through tee to openssl dgst): median {S(hashedFloor)} " +
                             $"(each: {string.Join(", ", hashedFloors.Select(S))}) = {hashedFloor / floor:P0} of the floor; nodes 2..{bootNodes} = {median / hashedFloor:P0} of it");
            if (requestNodes == 0)
            {
                var bootMet = median < first * 0.10 && median <= floor * 1.2 && bootManifestsIdentical;
                output.WriteLine(bootMet ? "boot goals met (package server requests not counted)" : "A BOOT GOAL WAS MISSED (package server requests not counted)");
                return bootMet ? 0 : 1;
            }

            // Requests: one node, then the rest of a larger pool.
            var requests = Definition("requests", internet);
            provisioner = Provisioner("chpc" + Guid.NewGuid().ToString("N"));
            var before = internet.PackageServerRequests;
            var (_, _, requestManifestsIdentical) = await BootAsync(client, provisioner, emulator, requests, 1).ConfigureAwait(false);
            var oneNode = internet.PackageServerRequests - before;
            await BootAsync(client, provisioner, emulator, requests, requestNodes, alreadyFirst: true).ConfigureAwait(false);
            var all = internet.PackageServerRequests - before;
            var identical = bootManifestsIdentical && ManifestsIdentical(emulator, requests.Id);
            output.WriteLine($"  package server requests: {all} for {requestNodes} nodes, {oneNode} for the first node alone; manifests of every node identical: {identical}");

            var met = median < first * 0.10 && median <= floor * 1.2 && oneNode > 0 && all == oneNode && identical && requestManifestsIdentical;
            output.WriteLine(met
                ? "goals met: nodes 2..N under 10 % of node 1 and under the floor + 20 %, one node's worth of package server requests, identical manifests"
                : "A GOAL WAS MISSED");
            return met ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static PoolDefinition Definition(string prefix, Testing.JuliaStandInServer internet) => new()
    {
        Id = prefix + "-" + Guid.NewGuid().ToString("N")[..8],
        VmSize = "Standard_D2s_v3",
        NodeCount = 1,
        Julia = new JuliaDefinition(JuliaVersion) { Mirror = internet.Mirror, PkgServer = internet.PkgServer },
        JuliaPackages = new[] { "Alpha", "Beta", "Gamma", "Delta", "Epsilon" }.Select(n => new JuliaPackageDefinition(n)).ToList(),
    };

    /// <summary>
    /// Boots node 1 (unless <paramref name="alreadyFirst"/>), then grows to <paramref name="nodes"/>: node 1's start task time
    /// and the others'. With <paramref name="oneAtATime"/> each later node joins alone: on Batch every node is a machine of its
    /// own, while here they share this machine's cores and disk, so nodes joining together would time the machine, not the node.
    /// </summary>
    private static async Task<(TimeSpan First, List<TimeSpan> Later, bool ManifestsIdentical)> BootAsync(
        BatchClient client, PoolProvisioner provisioner, BatchEmulator emulator, PoolDefinition definition, int nodes, bool alreadyFirst = false, bool oneAtATime = false,
        Func<Task>? afterEach = null)
    {
        if (!alreadyFirst) await provisioner.ApplyAsync(definition).ConfigureAwait(false);
        if (!alreadyFirst && afterEach is not null) await afterEach().ConfigureAwait(false);
        var first = await NodesAsync(client, definition.Id).ConfigureAwait(false);
        for (var target = oneAtATime ? first.Count + 1 : nodes; target <= nodes && nodes > 1; target++)
        {
            await client.ResizePoolAsync(definition.Id, new BatchPoolResizeOptions { TargetDedicatedNodes = target }).ConfigureAwait(false);
            await Task.Delay(200).ConfigureAwait(false);
            await provisioner.WaitUntilReadyAsync(definition.Id).ConfigureAwait(false);
            if (afterEach is not null) await afterEach().ConfigureAwait(false);
        }
        var all = await NodesAsync(client, definition.Id).ConfigureAwait(false);
        if (all.Any(n => n.StartTaskInfo?.Result != BatchTaskExecutionResult.Success)) throw new InvalidOperationException("a start task failed");
        var firstIds = first.Select(n => n.Id).ToHashSet();
        var later = all.Where(n => !firstIds.Contains(n.Id)).Select(n => Duration(n.StartTaskInfo!)).ToList();
        return (first.Count == 1 ? Duration(first[0].StartTaskInfo!) : TimeSpan.Zero, later, ManifestsIdentical(emulator, definition.Id));
    }

    private static async Task<List<BatchNode>> NodesAsync(BatchClient client, string poolId)
    {
        var nodes = new List<BatchNode>();
        await foreach (var node in client.GetNodesAsync(poolId).ConfigureAwait(false)) nodes.Add(node);
        return nodes;
    }

    private static bool ManifestsIdentical(BatchEmulator emulator, string poolId)
    {
        var manifests = Directory.GetDirectories(Path.Combine(emulator.NodesDirectory!, poolId))
            .Select(node => Path.Combine(node, "shared", "clusterlesshpc", "depot", "environments", "v1.10", "Manifest.toml"))
            .Select(path => File.Exists(path) ? File.ReadAllText(path) : null)
            .ToList();
        return manifests.Count > 0 && manifests.All(m => m is not null && m == manifests[0]);
    }

    /// <summary>
    /// What no later node can beat: the published release and depot archive downloaded from the same Azurite and unpacked
    /// in the plainest fastest way, each curl piped into the fastest gzip decoder on the machine (<see cref="GzipReader"/>,
    /// as the nodes choose it) and tar, both at once, no checksum and no check of any kind; one sample, timed by bash from
    /// the first curl to the last tar (the decoder's choice and bash's own start are outside it). The decoder runs apart
    /// from tar because that is faster than <c>tar -xz</c> on a pipe (which copies the stream through one more process), so
    /// the floor is the fastest way there is, not only the simplest. Beside it, in the same turn (which goes first
    /// alternates), the same pipes with the SHA-256 a node computes: each stream also through <c>tee</c> to
    /// <c>openssl dgst</c>, so that what the hash costs on this machine is told apart from the rest of a node's work.
    /// </summary>
    private static async Task<(TimeSpan Plain, TimeSpan Hashed)> FloorAsync(AzuriteProcess azurite, string container, PoolDefinition definition, bool hashedFirst)
    {
        var blobs = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, container);
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var url = $"{definition.Julia!.Mirror}/linux/x64/1.10/julia-{JuliaVersion}-linux-x86_64.tar.gz";
        var release = blobs.GetBlobClient(SharedInstallBlobs.JuliaRelease(url)).GenerateSasUri(Azure.Storage.Sas.BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));
        var depot = blobs.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64")).GenerateSasUri(Azure.Storage.Sas.BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));
        var plain = $"curl --silent --fail '{release}' | {GzipReader.Command} | tar -x -C julia --strip-components=1 & " +
                    $"curl --silent --fail '{depot}' | {GzipReader.Command} | tar -x -C depot & ";
        var hashed = "mkfifo julia.stream depot.stream\n" +
                     "openssl dgst -sha256 -r < julia.stream > julia.sha256 & openssl dgst -sha256 -r < depot.stream > depot.sha256 &\n" +
                     $"curl --silent --fail '{release}' | tee julia.stream | {GzipReader.Command} | tar -x -C julia --strip-components=1 & " +
                     $"curl --silent --fail '{depot}' | tee depot.stream | {GzipReader.Command} | tar -x -C depot & ";
        if (hashedFirst)
        {
            var h = await TimePipesAsync(hashed).ConfigureAwait(false);
            return (await TimePipesAsync(plain).ConfigureAwait(false), h);
        }
        var p = await TimePipesAsync(plain).ConfigureAwait(false);
        return (p, await TimePipesAsync(hashed).ConfigureAwait(false));
    }

    /// <summary>Runs <paramref name="pipes"/> (commands that end in <c>&amp;</c>) in a new folder and times them until every one has ended.</summary>
    private static async Task<TimeSpan> TimePipesAsync(string pipes)
    {
        var work = Directory.CreateTempSubdirectory("chpc-floor-").FullName;
        try
        {
            // The decompressor the nodes choose (zstd where it reads gzip, else gzip), chosen before the clock starts.
            var script = "set -euo pipefail\n" + GzipReader.Choose + $"cd '{work}'; mkdir julia depot\n" +
                         "start=$EPOCHREALTIME\n" +
                         pipes + "\n" +
                         // wait -n answers 127 once every job has ended; any other failure is a pipe's.
                         "status=0; while wait -n || { status=$?; false; }; do :; done; (( status == 127 ))\n" +
                         "printf '%s %s\\n' \"$start\" \"$EPOCHREALTIME\"";
            using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true })!;
            var times = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0) throw new InvalidOperationException("the floor's download failed");
            var pair = times.Split(' ', StringSplitOptions.TrimEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            return TimeSpan.FromSeconds(pair[1] - pair[0]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The gzip decoder this machine's nodes and floor use (<see cref="GzipReader"/>).</summary>
    private static string Decoder()
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", GzipReader.Choose + "printf '%s' \"${gunzip_command[0]}\""]) { RedirectStandardOutput = true })!;
        var decoder = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return decoder;
    }

    private static TimeSpan Duration(BatchStartTaskInfo info) => (info.EndTime ?? info.StartTime) - info.StartTime;

    private static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
