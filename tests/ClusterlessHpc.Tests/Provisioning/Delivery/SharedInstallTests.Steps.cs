using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>
/// The shared install with the step markers and a pinned manifest, executed: every way a node installs announces steps of
/// the one plan a failure is traced through, and a pool that pins its manifest shares its depot but publishes no manifest.
/// </summary>
public sealed partial class SharedInstallTests
{
    private const string PinnedManifest = """
        julia_version = "1.10.5"
        manifest_format = "2.0"

        [[deps.Alpha]]
        uuid = "0a1b2c3d-0000-4000-8000-00000000000a"
        version = "1.2.3"

        [[deps.Beta]]
        uuid = "0a1b2c3d-0000-4000-8000-00000000000b"
        version = "0.4.5"

        """;

    private const string PinnedProject = """
        [deps]
        Alpha = "0a1b2c3d-0000-4000-8000-00000000000a"
        Beta = "0a1b2c3d-0000-4000-8000-00000000000b"

        """;

    [Fact]
    public async Task Every_way_of_installing_announces_steps_of_the_one_plan_failures_are_traced_through()
    {
        var definition = Pool();
        var plan = StartupStepPlan.Of(definition);
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var (_, first) = await ApplyFirstNodeAsync(definition);
        // The second node finds the manifest but no depot (as when the first node's archive upload was cut off); the third finds the depot the second published.
        await Container.DeleteBlobAsync(SharedInstallBlobs.DepotArchive(hash, "x86_64"), cancellationToken: Cancel);
        var second = Assert.Single(await GrowAsync(definition.Id, 2, first));
        var third = Assert.Single(await GrowAsync(definition.Id, 3, first), n => n != second);

        Assert.Equal(
            ["1/4 download Julia 1.10.5", "2/4 add Alpha, Beta, Gamma", "3/4 develop Dev", "4/4 load Alpha, Beta, Gamma, Dev"],
            await MarkersAsync(definition.Id, first));
        Assert.Equal(["instantiate"], (await LaunchesAsync(definition.Id, second)).Select(l => l.Kind));
        Assert.Equal(["1/4 download Julia 1.10.5", "2/4 instantiate the published manifest", "4/4 load Alpha, Beta, Gamma, Dev"], await MarkersAsync(definition.Id, second));
        Assert.Equal(["load"], (await LaunchesAsync(definition.Id, third)).Select(l => l.Kind));
        Assert.Equal(["1/4 download Julia 1.10.5", "4/4 load Alpha, Beta, Gamma, Dev"], await MarkersAsync(definition.Id, third));
        foreach (var node in new[] { first, second, third })
        {
            // Each line announced is one the plan knows, so the provisioner can trace a failure at it to its declaration.
            var stdout = await ReadAsync(definition.Id, node, BatchClient.StartTaskStdOutPath);
            Assert.All(MarkerLines(stdout), m => Assert.Contains(plan, s => s.Marker == m));
            Assert.Equal(StartupStepKind.Load, StartupStepPlan.LastAnnounced(plan, stdout)!.Kind);
        }
    }

    [Fact]
    public async Task A_pinned_pool_shares_its_depot_and_publishes_no_manifest_of_its_own()
    {
        var definition = Pool() with
        {
            JuliaPackages = [new JuliaPackageDefinition("Alpha"), new JuliaPackageDefinition("Beta")],
            JuliaManifest = new JuliaManifestDefinition("julia/Manifest.toml") { Manifest = PinnedManifest, Project = PinnedProject },
        };
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        // The archive's name comes from the definition hash, which covers the manifest: another pin never reads this one's depot.
        Assert.NotEqual(hash, StartupScriptRenderer.DefinitionHash(definition with
        {
            JuliaManifest = definition.JuliaManifest! with { Manifest = PinnedManifest.Replace("1.2.3", "1.2.4", StringComparison.Ordinal) },
        }));
        var provisioner = new PoolProvisioner(_client, new PoolProvisionerOptions { ScriptDelivery = Delivery() });
        Assert.Contains("packages: shared: the first node to instantiate the 2 Julia package(s) pinned by julia/Manifest.toml publishes its depot",
            (await provisioner.PlanAsync(definition, Cancel)).ToString(), StringComparison.Ordinal);

        var (pool, first) = await ApplyFirstNodeAsync(definition);
        var requestsOfOneNode = _internet.PackageServerRequests;

        Assert.Equal([("instantiate", JuliaCpuTarget.IntelX64)], await LaunchesAsync(definition.Id, first));
        Assert.Equal(["1/3 download Julia 1.10.5", "2/3 instantiate the pinned manifest", "3/3 load Alpha, Beta"], await MarkersAsync(definition.Id, first));
        Assert.True((await Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64")).ExistsAsync(Cancel)).Value);
        Assert.False((await Container.GetBlobClient(SharedInstallBlobs.ResolvedManifest(hash)).ExistsAsync(Cancel)).Value);
        Assert.False((await Container.GetBlobClient(SharedInstallBlobs.DevelopCommits(hash)).ExistsAsync(Cancel)).Value);
        // Its nodes may create the depot archive and the Julia release, and no manifest or commits name.
        var startTask = System.Text.Json.JsonSerializer.Serialize(pool.StartTask!, BatchJson.TypeInfo<BatchStartTask>());
        var created = System.Text.RegularExpressions.Regex.Matches(startTask, "http://[^\"]+").Select(m => System.Text.RegularExpressions.Regex.Unescape(m.Value))
            .Where(u => u.Contains("si=clusterlesshpc-create", StringComparison.Ordinal)).Select(Name).Order().ToList();
        Assert.Equal(new[] { SharedInstallBlobs.DepotArchive(hash, "x86_64"), SharedInstallBlobs.JuliaRelease(Julia(definition)) }.Order(), created);

        var later = await GrowAsync(definition.Id, 3, first);

        Assert.Equal(requestsOfOneNode, _internet.PackageServerRequests);
        foreach (var node in later)
        {
            Assert.Equal(["load"], (await LaunchesAsync(definition.Id, node)).Select(l => l.Kind));
            Assert.Equal(["1/3 download Julia 1.10.5", "3/3 load Alpha, Beta"], await MarkersAsync(definition.Id, node));
        }
        foreach (var node in later.Prepend(first))
        {
            Assert.Equal(PinnedManifest, await ReadAsync(definition.Id, node, "shared/clusterlesshpc/depot/environments/v1.10/Manifest.toml"));
        }
    }

    [Fact]
    public async Task A_package_that_does_not_load_from_the_published_depot_is_traced_to_its_declaration()
    {
        var definition = Pool();
        var (_, _) = await ApplyFirstNodeAsync(definition);
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        // A depot that passes every check (checksum, definition, label) but lacks a package: only the load check can tell.
        var blob = Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64"));
        var published = (await blob.DownloadContentAsync(Cancel)).Value;
        var bytes = Without(published.Content.ToArray(), "packages/Gamma");
        var metadata = new Dictionary<string, string>(published.Details.Metadata) { ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) };
        await blob.UploadAsync(BinaryData.FromBytes(bytes), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata }, Cancel);
        // The same definition under another pool id has the same hash, so its node finds that depot.
        var other = definition with { Id = definition.Id + "-b" };
        Assert.Equal(hash, StartupScriptRenderer.DefinitionHash(other));
        var provisioner = new PoolProvisioner(_client, new PoolProvisionerOptions
        {
            ScriptDelivery = Delivery(),
            FirstPollDelay = TimeSpan.FromMilliseconds(20),
            MaxPollDelay = TimeSpan.FromMilliseconds(100),
            Timeout = TimeSpan.FromSeconds(60),
        });

        var error = await Assert.ThrowsAsync<StartTaskFailedException>(() => provisioner.ApplyAsync(other, cancellationToken: Cancel));

        Assert.Equal("load Alpha, Beta, Gamma, Dev", error.FailedStep);
        Assert.Equal("[JuliaPackage(\"Gamma\")]", error.Declaration);
        Assert.Equal(["1/4 download Julia 1.10.5", "4/4 load Alpha, Beta, Gamma, Dev"], await MarkersAsync(other.Id, error.NodeId));
    }

    /// <summary>The archive less every entry under <paramref name="folder"/>.</summary>
    private static byte[] Without(byte[] archive, string folder)
    {
        using var output = new MemoryStream();
        using (var input = new System.IO.Compression.GZipStream(new MemoryStream(archive), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new System.Formats.Tar.TarReader(input))
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new System.Formats.Tar.TarWriter(gzip, System.Formats.Tar.TarEntryFormat.Pax))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.Name.TrimStart('.', '/').StartsWith(folder, StringComparison.Ordinal)) continue;
                writer.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }

    private async Task<List<string>> MarkersAsync(string poolId, string node) => Markers(await ReadAsync(poolId, node, BatchClient.StartTaskStdOutPath));

    /// <summary>The markers of <paramref name="stdout"/> as <c>2/4 develop Dev</c>.</summary>
    private static List<string> Markers(string stdout) =>
        MarkerLines(stdout).Select(l => l[StartupStepPlan.MarkerPrefix.Length..]).Select(m => m[..m.IndexOf("] ", StringComparison.Ordinal)] + " " + m[(m.IndexOf("] ", StringComparison.Ordinal) + 2)..]).ToList();

    private static List<string> MarkerLines(string stdout) =>
        stdout.Split('\n').Where(l => l.StartsWith(StartupStepPlan.MarkerPrefix, StringComparison.Ordinal)).ToList();
}
