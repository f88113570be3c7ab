using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Scripts;
using static ClusterlessHpc.Tests.Provisioning.Delivery.DeliveryTestSupport;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>
/// The shared install, executed: an emulator that runs start tasks for real, blob delivery to Azurite, and a stand-in
/// julia from a loopback mirror and package server (<see cref="JuliaStandInServer"/>). The first node of a pool resolves
/// and publishes; the nodes that join later use what it published, or install on their own when that is damaged.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class SharedInstallTests : IClassFixture<AzuriteFixture>, IClassFixture<BlobDeliveryEndToEndTests.ExecutingEmulator>, IAsyncDisposable
{
    private const string JuliaVersion = "1.10.5";
    private readonly AzuriteFixture _azurite;
    private readonly BatchClient _client;
    private readonly JuliaStandInServer _internet = new(JuliaVersion, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100));
    private readonly string _container = UniqueContainer();

    public SharedInstallTests(AzuriteFixture azurite, BlobDeliveryEndToEndTests.ExecutingEmulator emulator)
    {
        _azurite = azurite;
        _client = emulator.Client;
    }

    public ValueTask DisposeAsync() => _internet.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private BlobContainerClient Container => _azurite.Service.GetBlobContainerClient(_container);

    [Fact]
    public async Task Later_nodes_unpack_the_depot_the_first_node_published_and_ask_neither_the_package_server_nor_the_mirror()
    {
        var definition = Pool();
        var (_, first) = await ApplyFirstNodeAsync(definition);
        var requestsOfOneNode = _internet.PackageServerRequests;
        Assert.True(requestsOfOneNode > 0, "the first node did not ask the package server");
        var hash = StartupScriptRenderer.DefinitionHash(definition);

        var depot = Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64"));
        var properties = (await depot.GetPropertiesAsync(cancellationToken: Cancel)).Value;
        var archive = (await depot.DownloadContentAsync(Cancel)).Value.Content.ToArray();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(archive)), properties.Metadata["sha256"]);
        Assert.Equal(hash, properties.Metadata["definition"]);
        Assert.True((await Container.GetBlobClient(SharedInstallBlobs.JuliaRelease(Julia(definition))).ExistsAsync(Cancel)).Value);

        var later = await GrowAsync(definition.Id, 4, first);

        Assert.Equal(1, _internet.ReleaseDownloads);
        Assert.Equal(requestsOfOneNode, _internet.PackageServerRequests);
        var firstLaunches = await LaunchesAsync(definition.Id, first);
        Assert.Equal([("resolve", JuliaCpuTarget.IntelX64)], firstLaunches);
        foreach (var node in later)
        {
            Assert.Equal(["load"], (await LaunchesAsync(definition.Id, node)).Select(l => l.Kind));
            var output = await ReadAsync(definition.Id, node, BatchClient.StartTaskStdOutPath);
            Assert.Contains("unpacked the depot", output, StringComparison.Ordinal);
            Assert.Contains("using the published copy of", output, StringComparison.Ordinal);
        }
        await AssertIdenticalManifestsAsync(definition.Id, [first, .. later]);
    }

    [Fact]
    public async Task Nodes_that_find_only_the_manifest_instantiate_it_byte_for_byte_and_check_out_the_published_commits()
    {
        // A publication cut off after the manifest and commits, before the depot archive: what five nodes joining at once then do.
        var definition = Pool();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var (_, first) = await ApplyFirstNodeAsync(definition);
        await Container.DeleteBlobAsync(SharedInstallBlobs.DepotArchive(hash, "x86_64"), cancellationToken: Cancel);

        var later = await GrowAsync(definition.Id, 5, first);

        var nodes = new[] { first }.Concat(later).ToList();
        await AssertIdenticalManifestsAsync(definition.Id, nodes);
        var commits = await ReadAsync(definition.Id, first, "shared/clusterlesshpc/depot/dev/Dev/.git/refs/heads/main");
        foreach (var node in later)
        {
            Assert.Equal(["instantiate"], (await LaunchesAsync(definition.Id, node)).Select(l => l.Kind));
            Assert.Equal(commits, await ReadAsync(definition.Id, node, "shared/clusterlesshpc/depot/dev/Dev/.git/HEAD"));
        }
        // The later nodes raced to publish the missing archive: one did, the others were refused and said so.
        Assert.True((await Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64")).ExistsAsync(Cancel)).Value);
        var outputs = await Task.WhenAll(later.Select(n => ReadAsync(definition.Id, n, BatchClient.StartTaskStdOutPath)));
        Assert.Equal(1, outputs.Count(o => System.Text.RegularExpressions.Regex.IsMatch(o, @"published http\S*/depot-x86_64\.tar\.gz\n")));
    }

    public static TheoryData<string> Damages => new("corrupted", "truncated", "another definition", "another definition's archive");

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_depot_archive_is_detected_and_the_node_installs_from_the_manifest(string damage)
    {
        var definition = Pool();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var (_, first) = await ApplyFirstNodeAsync(definition);
        var blob = Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64"));
        var published = (await blob.DownloadContentAsync(Cancel)).Value;
        var bytes = published.Content.ToArray();
        var metadata = new Dictionary<string, string>(published.Details.Metadata);
        string expected;
        switch (damage)
        {
            case "corrupted":
                bytes[bytes.Length / 2] ^= 0xff;
                expected = "is not whole";
                break;
            case "truncated":
                bytes = bytes[..(bytes.Length / 2)];
                expected = "is not whole";
                break;
            case "another definition":
                metadata["definition"] = new string('0', hash.Length);
                expected = "was published for another definition";
                break;
            default:
                // Whole and labelled for this definition outside, but another definition's depot inside.
                bytes = Relabel(bytes, new string('0', hash.Length) + " x86_64");
                metadata["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                expected = "is not this definition's depot";
                break;
        }
        await blob.UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = metadata }, Cancel);

        var second = Assert.Single(await GrowAsync(definition.Id, 2, first));

        Assert.Contains(expected, await ReadAsync(definition.Id, second, BatchClient.StartTaskStdErrPath), StringComparison.Ordinal);
        Assert.Equal(["instantiate"], (await LaunchesAsync(definition.Id, second)).Select(l => l.Kind));
        await AssertIdenticalManifestsAsync(definition.Id, [first, second]);
    }

    [Fact]
    public async Task A_depot_archive_whose_download_breaks_off_mid_stream_is_detected_and_the_node_installs_from_the_manifest()
    {
        // The published archive is whole; only its download breaks off: curl fails in the middle of the pipe into tar,
        // after tar has unpacked part of it, and no check of the published blob itself can see that.
        var definition = Pool();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var (pool, first) = await ApplyFirstNodeAsync(definition);
        var (content, metadata) = await PublishedAsync(SharedInstallBlobs.DepotArchive(hash, "x86_64"));
        await using var server = new LoopbackBlobServer(content, metadata, breakOff: true);
        await ReadFromAsync(pool, (NodeCache.DepotRead, server));

        var second = Assert.Single(await GrowAsync(definition.Id, 2, first));

        Assert.Equal(1, server.BrokenOff);
        Assert.Contains("is not whole (its download broke off: curl exit code 18)", await ReadAsync(definition.Id, second, BatchClient.StartTaskStdErrPath), StringComparison.Ordinal);
        Assert.DoesNotContain("unpacked the depot", await ReadAsync(definition.Id, second, BatchClient.StartTaskStdOutPath), StringComparison.Ordinal);
        Assert.Equal(["instantiate"], (await LaunchesAsync(definition.Id, second)).Select(l => l.Kind));
        await AssertIdenticalManifestsAsync(definition.Id, [first, second]);
    }

    [Fact]
    public async Task A_later_node_downloads_the_published_depot_while_its_julia_release_is_still_downloading()
    {
        // The release's download is held half way until the depot archive is asked for: a node that read the depot only
        // after the release would wait the whole timeout first.
        var definition = Pool();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var (pool, first) = await ApplyFirstNodeAsync(definition);
        var depot = await PublishedAsync(SharedInstallBlobs.DepotArchive(hash, "x86_64"));
        var release = await PublishedAsync(SharedInstallBlobs.JuliaRelease(Julia(definition)));
        await using var depotServer = new LoopbackBlobServer(depot.Content, depot.Metadata);
        await using var releaseServer = new LoopbackBlobServer(release.Content, release.Metadata,
            halfWayGate: () => depotServer.Requested.WaitAsync(TimeSpan.FromSeconds(15), Cancel));
        await ReadFromAsync(pool, (NodeCache.DepotRead, depotServer), (NodeCache.JuliaRead, releaseServer));

        var second = Assert.Single(await GrowAsync(definition.Id, 2, first));

        Assert.True(releaseServer.GateOpened, "the depot archive was not asked for while the julia release was downloading");
        var output = await ReadAsync(definition.Id, second, BatchClient.StartTaskStdOutPath);
        Assert.Contains("using the published copy of", output, StringComparison.Ordinal);
        Assert.Contains("unpacked the depot", output, StringComparison.Ordinal);
        Assert.Equal(["load"], (await LaunchesAsync(definition.Id, second)).Select(l => l.Kind));
        Assert.Equal(1, _internet.ReleaseDownloads);
    }

    [Fact]
    public async Task A_corrupted_published_julia_release_is_detected_while_it_unpacks_and_the_node_downloads_the_mirrors()
    {
        var definition = Pool();
        var (_, first) = await ApplyFirstNodeAsync(definition);
        var blob = Container.GetBlobClient(SharedInstallBlobs.JuliaRelease(Julia(definition)));
        var published = (await blob.DownloadContentAsync(Cancel)).Value;
        var bytes = published.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0xff;
        await blob.UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = published.Details.Metadata }, Cancel);

        var second = Assert.Single(await GrowAsync(definition.Id, 2, first));

        Assert.Contains("is not whole (its SHA-256 is not the one published with it)", await ReadAsync(definition.Id, second, BatchClient.StartTaskStdErrPath), StringComparison.Ordinal);
        var output = await ReadAsync(definition.Id, second, BatchClient.StartTaskStdOutPath);
        Assert.DoesNotContain("using the published copy of", output, StringComparison.Ordinal);
        Assert.Contains("unpacked the depot", output, StringComparison.Ordinal);
        Assert.Equal(2, _internet.ReleaseDownloads);
        // What the corrupted copy unpacked went with its scratch folder: the node runs the mirror's julia.
        Assert.Equal(["load"], (await LaunchesAsync(definition.Id, second)).Select(l => l.Kind));
    }

    [Fact]
    public async Task An_upload_cut_off_half_way_leaves_no_blob_and_the_next_node_resolves_and_publishes()
    {
        var definition = Pool();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var settings = await SharedSettingsAsync(definition);
        var create = new Uri(settings[NodeCache.DepotCreate]);

        // A node that dies half way through its upload: the request promises 1 MiB and sends half.
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(create.Host, create.Port, Cancel);
            var stream = socket.GetStream();
            var head = $"PUT {create.PathAndQuery} HTTP/1.1\r\nHost: {create.Authority}\r\nx-ms-blob-type: BlockBlob\r\nIf-None-Match: *\r\nx-ms-meta-sha256: {new string('a', 64)}\r\nContent-Length: {1 << 20}\r\n\r\n";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head), Cancel);
            await stream.WriteAsync(new byte[1 << 19], Cancel);
            await stream.FlushAsync(Cancel);
        }
        await Task.Delay(200, Cancel);
        Assert.False((await Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64")).ExistsAsync(Cancel)).Value);

        var (_, first) = await ApplyFirstNodeAsync(definition);

        Assert.Equal(["resolve"], (await LaunchesAsync(definition.Id, first)).Select(l => l.Kind));
        Assert.True((await Container.GetBlobClient(SharedInstallBlobs.DepotArchive(hash, "x86_64")).ExistsAsync(Cancel)).Value);
    }

    [Fact]
    public async Task The_start_task_can_create_exactly_the_definitions_names_once_each_and_nothing_else()
    {
        var definition = Pool();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        var settings = await SharedSettingsAsync(definition);
        var names = new[]
        {
            SharedInstallBlobs.DepotArchive(hash, "x86_64"), SharedInstallBlobs.ResolvedManifest(hash),
            SharedInstallBlobs.DevelopCommits(hash), SharedInstallBlobs.JuliaRelease(Julia(definition)),
        };

        // Each URL is a blob SAS that names one policy and nothing else: no permission, start or expiry of its own.
        Assert.Equal(8, settings.Count);
        foreach (var (name, url) in settings)
        {
            var uri = new Uri(url);
            Assert.Contains(Uri.UnescapeDataString(uri.AbsolutePath)[$"/{AzuriteFixture.Account}/{_container}/".Length..], names);
            var query = Query(url);
            Assert.Equal("b", query["sr"]);
            Assert.Equal(name.EndsWith("_CREATE_URL", StringComparison.Ordinal) ? "clusterlesshpc-create" : "clusterlesshpc-read", query["si"]);
            Assert.False(query.ContainsKey("sp") || query.ContainsKey("se") || query.ContainsKey("st"), url);
        }
        var policies = (await Container.GetAccessPolicyAsync(cancellationToken: Cancel)).Value.SignedIdentifiers.ToDictionary(i => i.Id, i => i.AccessPolicy.Permissions);
        Assert.Equal(new Dictionary<string, string> { ["clusterlesshpc-read"] = "r", ["clusterlesshpc-create"] = "c" }, policies);

        // The same URLs on every apply: nothing in them changes with time.
        Assert.Equal(settings, await SharedSettingsAsync(definition));

        using var http = new HttpClient();
        async Task<int> PutAsync(string url, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body) };
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            return (int)(await http.SendAsync(request, Cancel)).StatusCode;
        }
        Assert.Equal(201, await PutAsync(settings[NodeCache.ManifestCreate], "first"));
        // A racing node's upload is refused: a create-only SAS may not overwrite (403), and If-None-Match: * refuses a name
        // that exists (409), which an upload with full rights shows on its own.
        Assert.Contains(await PutAsync(settings[NodeCache.ManifestCreate], "second"), new[] { 403, 409, 412 });
        var full = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Container.GetBlobClient(names[1]).UploadAsync(BinaryData.FromString("third"),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All } }, Cancel));
        Assert.Contains(full.Status, new[] { 409, 412 });
        Assert.Equal("first", (await Container.GetBlobClient(names[1]).DownloadContentAsync(Cancel)).Value.Content.ToString());

        // A create URL's signature is for its own name: moved to another name, the service refuses it.
        var elsewhere = new UriBuilder(settings[NodeCache.ManifestCreate]);
        elsewhere.Path = elsewhere.Path.Replace("Manifest.toml", "Other.toml", StringComparison.Ordinal);
        Assert.Equal(403, await PutAsync(elsewhere.Uri.ToString(), "planted"));
    }

    [Fact]
    public async Task The_start_task_and_the_script_carry_no_key_and_no_permission_beyond_the_definitions_names()
    {
        var definition = Pool();
        var (pool, _) = await ApplyFirstNodeAsync(definition);
        var startTask = System.Text.Json.JsonSerializer.Serialize(pool.StartTask!, BatchJson.TypeInfo<BatchStartTask>());
        var script = StartupScriptRenderer.Render(definition);

        foreach (var text in new[] { startTask, script, pool.StartTask!.ToString() ?? "" })
        {
            Assert.DoesNotContain(AzuriteFixture.Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(AzuriteFixture.Key), text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("sig=", script, StringComparison.Ordinal);
        var urls = System.Text.RegularExpressions.Regex.Matches(startTask, "http://[^\"]+").Select(m => System.Text.RegularExpressions.Regex.Unescape(m.Value)).ToList();
        Assert.Equal(9, urls.Count(u => u.Contains("sig=", StringComparison.Ordinal)));
        foreach (var url in urls.Where(u => u.Contains("sig=", StringComparison.Ordinal)))
        {
            Assert.False(Query(url).ContainsKey("sp"), url);
        }
        var created = urls.Where(u => u.Contains("si=clusterlesshpc-create", StringComparison.Ordinal)).Select(Name).Order().ToList();
        var hash = StartupScriptRenderer.DefinitionHash(definition);
        Assert.Equal(new[]
        {
            SharedInstallBlobs.DepotArchive(hash, "x86_64"), SharedInstallBlobs.ResolvedManifest(hash),
            SharedInstallBlobs.DevelopCommits(hash), SharedInstallBlobs.JuliaRelease(Julia(definition)),
        }.Order(), created);
    }

    [Fact]
    public async Task The_plan_says_whether_nodes_share_the_install_or_each_resolve_on_their_own()
    {
        var definition = Pool();
        async Task<string?> PlanAsync(IScriptDelivery? delivery) =>
            (await new PoolProvisioner(_client, new PoolProvisionerOptions { ScriptDelivery = delivery }).PlanAsync(definition, Cancel)).PackageInstall;
        var off = ScriptDeliveryFactory.Create(new ClusterlessHpc.Hosting.ClusterlessHpcOptions
        {
            Delivery = ClusterlessHpc.Hosting.ScriptDelivery.Blob,
            Storage = new ClusterlessHpc.Hosting.StorageOptions { ConnectionString = _azurite.ConnectionString, Container = _container, SharedInstall = false },
        });

        var inline = await PlanAsync(null);
        var shared = await PlanAsync(Delivery());
        var auto = await PlanAsync(ScriptDeliveryFactory.Create(WithConnectionString(_azurite, _container, ClusterlessHpc.Hosting.ScriptDelivery.Auto)));
        var disabled = await PlanAsync(off);

        Assert.StartsWith("packages: each node resolves and precompiles the 4 Julia package(s) on its own (inline delivery without blob storage", inline);
        Assert.StartsWith($"packages: shared: the first node to install the 4 Julia package(s) publishes", shared);
        Assert.Contains($"container '{_container}'", shared);
        Assert.Equal(shared, auto);
        Assert.Contains("on its own (ClusterlessHpc:Storage:SharedInstall is false)", disabled);
        Assert.Null((await new PoolProvisioner(_client).PlanAsync(definition with { JuliaPackages = [] }, Cancel)).PackageInstall);
        Assert.Empty(await ((BlobDelivery)off).SharedInstallSettingsAsync(SharedInstallBlobs.For(definition, StartupScriptRenderer.DefinitionHash(definition))!, Cancel));
    }

    private string Name(string url) => Uri.UnescapeDataString(new Uri(url).AbsolutePath)[$"/{AzuriteFixture.Account}/{_container}/".Length..];

    private static string Julia(PoolDefinition definition) =>
        $"{definition.Julia!.Mirror}/linux/x64/1.10/julia-{JuliaVersion}-linux-x86_64.tar.gz";

    private PoolDefinition Pool() => new()
    {
        Id = "shared-" + Guid.NewGuid().ToString("N")[..12],
        VmSize = "Standard_D2s_v3",
        NodeCount = 1,
        Julia = new JuliaDefinition(JuliaVersion) { Mirror = _internet.Mirror, PkgServer = _internet.PkgServer },
        JuliaPackages =
        [
            new JuliaPackageDefinition("Alpha"),
            new JuliaPackageDefinition("Beta"),
            new JuliaPackageDefinition("Gamma"),
            new JuliaPackageDefinition("Dev") { Url = "https://github.com/example/Dev.jl", Develop = true },
        ],
    };

    /// <summary>A published file's bytes and metadata, to serve from a <see cref="LoopbackBlobServer"/>.</summary>
    private async Task<(byte[] Content, Dictionary<string, string> Metadata)> PublishedAsync(string name)
    {
        var published = (await Container.GetBlobClient(name).DownloadContentAsync(Cancel)).Value;
        return (published.Content.ToArray(), published.Details.Metadata.ToDictionary());
    }

    /// <summary>Points the start task's read URL of each setting named at its loopback server, for the nodes that join next.</summary>
    private async Task ReadFromAsync(BatchPool pool, params (string Setting, LoopbackBlobServer Server)[] servers)
    {
        var startTask = pool.StartTask!;
        foreach (var setting in startTask.EnvironmentSettings!)
        {
            foreach (var (name, server) in servers)
            {
                if (setting.Name == name) setting.Value = server.Instead(setting.Value!);
            }
        }
        await _client.UpdatePoolAsync(pool.Id!, new BatchPoolUpdateOptions { StartTask = startTask }, cancellationToken: Cancel);
    }

    private BlobDelivery Delivery() => (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, _container));

    private async Task<Dictionary<string, string>> SharedSettingsAsync(PoolDefinition definition)
    {
        var names = SharedInstallBlobs.For(definition, StartupScriptRenderer.DefinitionHash(definition))!;
        return (await Delivery().SharedInstallSettingsAsync(names, Cancel)).ToDictionary(s => s.Name!, s => s.Value!);
    }

    private async Task<(BatchPool Pool, string Node)> ApplyFirstNodeAsync(PoolDefinition definition)
    {
        var provisioner = new PoolProvisioner(_client, new PoolProvisionerOptions
        {
            ScriptDelivery = Delivery(),
            FirstPollDelay = TimeSpan.FromMilliseconds(20),
            MaxPollDelay = TimeSpan.FromMilliseconds(100),
            Timeout = TimeSpan.FromSeconds(60),
        });
        var pool = await provisioner.ApplyAsync(definition, cancellationToken: Cancel);
        var node = Assert.Single(await NodesAsync(definition.Id));
        return (pool, node.Id!);
    }

    /// <summary>Resizes the pool to <paramref name="count"/> nodes and returns the new ones, once every node is idle.</summary>
    private async Task<List<string>> GrowAsync(string poolId, int count, string first)
    {
        await _client.ResizePoolAsync(poolId, new BatchPoolResizeOptions { TargetDedicatedNodes = count }, cancellationToken: Cancel);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var nodes = await NodesAsync(poolId);
            if (nodes.Count == count && nodes.All(n => n.StartTaskInfo?.State == BatchStartTaskState.Completed))
            {
                var failed = nodes.Where(n => n.State != BatchNodeState.Idle).ToList();
                if (failed.Count > 0)
                {
                    throw new Xunit.Sdk.XunitException(string.Join("\n", await Task.WhenAll(failed.Select(async n =>
                        $"{n.Id}: {n.State}, exit code {n.StartTaskInfo?.ExitCode}: {await ReadAsync(poolId, n.Id!, BatchClient.StartTaskStdErrPath)}"))));
                }
                return nodes.Select(n => n.Id!).Where(id => id != first).ToList();
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nodes of {poolId}: {string.Join(", ", nodes.Select(n => n.State))}.");
            await Task.Delay(50, Cancel);
        }
    }

    private async Task<List<BatchNode>> NodesAsync(string poolId)
    {
        var nodes = new List<BatchNode>();
        await foreach (var node in _client.GetNodesAsync(poolId, Cancel)) nodes.Add(node);
        return nodes;
    }

    private async Task<string> ReadAsync(string poolId, string nodeId, string path) =>
        (await _client.GetNodeFileAsync(poolId, nodeId, path, cancellationToken: Cancel)).Value.ToString();

    private async Task<List<(string Kind, string CpuTarget)>> LaunchesAsync(string poolId, string nodeId) =>
        (await ReadAsync(poolId, nodeId, "shared/" + JuliaStandInServer.LaunchLog)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 3)).Select(p => (p[1], p[2])).ToList();

    private async Task AssertIdenticalManifestsAsync(string poolId, IReadOnlyList<string> nodes)
    {
        var manifests = await Task.WhenAll(nodes.Select(n => ReadAsync(poolId, n, "shared/clusterlesshpc/depot/environments/v1.10/Manifest.toml")));
        Assert.Contains("[[deps.Alpha]]", manifests[0], StringComparison.Ordinal);
        Assert.All(manifests, m => Assert.Equal(manifests[0], m));
    }

    /// <summary>The archive with its label replaced, as another definition's depot would carry.</summary>
    private static byte[] Relabel(byte[] archive, string label)
    {
        using var output = new MemoryStream();
        using (var input = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress))
        using (var reader = new TarReader(input))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.Name is "./" + NodeCache.DepotLabel or NodeCache.DepotLabel)
                {
                    entry.DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(label + "\n"));
                }
                writer.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }
}
