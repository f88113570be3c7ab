using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Emulator.Faults;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Scripts;
using Azure.Storage.Blobs;

namespace ClusterlessHpc.Reliability;

/// <summary>How a fault run is set up.</summary>
public sealed class FaultCampaignOptions
{
    /// <summary>Apply runs, each of a fresh pool id.</summary>
    public int Runs { get; set; } = 200;

    public int Seed { get; set; } = 20261124;

    /// <summary>
    /// The share of requests that fail, split evenly five ways: 429, 500 and 503 (with Retry-After) and a connection reset,
    /// all injected by the emulator before the request reaches it, and an answer lost after the server acted (on the client).
    /// </summary>
    public double FailureRate { get; set; } = 0.20;

    /// <summary>The share of requests delayed by <see cref="Latency"/> (a delay is not a failure).</summary>
    public double LatencyRate { get; set; } = 0.10;

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The Retry-After of 429 and 503, in whole seconds on the wire.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.Zero;

    public int NodesPerPool { get; set; } = 2;

    /// <summary>Runs at a time; 1 keeps the order of requests, and so the faults, closest to the seed's.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>The client's retry budget; Azure.Core's default count (3), with short delays so the run is quick.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A storage connection string (with the account key) for blob script delivery, or null for inline. Storage requests
    /// fail at <see cref="FailureRate"/> too, made on the client: 500, 503 and resets before the server (four fifths of the
    /// rate, evenly), answers lost after it (the last fifth).
    /// </summary>
    public string? BlobConnectionString { get; set; }

    public string BlobContainer { get; set; } = "chpc-faults";
}

/// <summary>What a fault run found; <see cref="Holds"/> when every promise held.</summary>
public sealed class FaultCampaignResult
{
    public required FaultCampaignOptions Options { get; init; }

    /// <summary>Runs whose ApplyAsync returned a ready pool.</summary>
    public required int Converged { get; init; }

    /// <summary>Runs whose ApplyAsync threw: the pool id and the exception, one a line.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Run ids with no pool, or more than one pool whose id matches ignoring case.</summary>
    public required IReadOnlyList<string> MissingOrDuplicated { get; init; }

    /// <summary>Pools the account holds that no run asked for.</summary>
    public required IReadOnlyList<string> Unexpected { get; init; }

    /// <summary>Run ids whose pool is not steady at its target with every node idle, seen through a fault-free emulator.</summary>
    public required IReadOnlyList<string> NotReady { get; init; }

    /// <summary>Run ids the server answered 201 to more than once (a pool created twice).</summary>
    public required IReadOnlyList<string> CreatedMoreThanOnce { get; init; }

    public required int IdleNodes { get; init; }

    public required int Deletes { get; init; }

    public required int Attempts { get; init; }

    public required int InjectedByEmulator { get; init; }

    public required int LostResponses { get; init; }

    /// <summary>Creates the server made whose 201 the client never saw; each retry must find the pool, not make a second.</summary>
    public required int LostCreates { get; init; }

    public required IReadOnlyDictionary<int, int> Statuses { get; init; }

    public required int Resets { get; init; }

    public required IReadOnlyList<TimeSpan> RunTimes { get; init; }

    /// <summary>With blob delivery: the blobs the container holds, and the content-addressed names of the runs' scripts.</summary>
    public IReadOnlyList<string> Blobs { get; init; } = [];

    public IReadOnlyList<string> ExpectedBlobs { get; init; } = [];

    /// <summary>With blob delivery: storage requests sent and failed.</summary>
    public int StorageAttempts { get; init; }

    public int StorageFailures { get; init; }

    /// <summary>Blobs in the container that are not the script of any run (a leak).</summary>
    public IReadOnlyList<string> LeakedBlobs => Blobs.Except(ExpectedBlobs, StringComparer.Ordinal).ToList();

    /// <summary>Scripts of runs whose pool exists but whose blob does not (a node joining later could not start).</summary>
    public IReadOnlyList<string> MissingBlobs { get; init; } = [];

    public required TimeSpan Elapsed { get; init; }

    public int FailedAttempts => InjectedByEmulator + LostResponses;

    public bool Holds =>
        Converged == Options.Runs && Failures.Count == 0 && MissingOrDuplicated.Count == 0 && Unexpected.Count == 0 &&
        NotReady.Count == 0 && CreatedMoreThanOnce.Count == 0 && Deletes == 0 && LeakedBlobs.Count == 0 && MissingBlobs.Count == 0;

    public string Summary()
    {
        var o = Options;
        var times = RunTimes.Order().ToList();
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        TimeSpan At(double q) => times.Count == 0 ? TimeSpan.Zero : times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var lines = new List<string>
        {
            $"faults: {o.Runs} apply runs (seed {o.Seed}), {o.FailureRate:P0} of requests failing (429, 500, 503, reset before the server, " +
            $"answer lost after it), {o.LatencyRate:P0} delayed {Ms(o.Latency)}; {o.NodesPerPool} nodes a pool, {o.Parallelism} run(s) at a time, " +
            $"client retries {o.MaxRetries}",
            $"  converged: {Converged} of {o.Runs}" + (Failures.Count == 0 ? "" : $"; {Failures.Count} failed:\n    " + string.Join("\n    ", Failures)),
            $"  requests: {Attempts} sent (retries included), {FailedAttempts} failed ({(Attempts == 0 ? 0 : (double)FailedAttempts / Attempts):P1}): " +
            $"429 {Statuses.GetValueOrDefault(429)}, 500 {Statuses.GetValueOrDefault(500)}, 503 {Statuses.GetValueOrDefault(503)}, " +
            $"resets {Resets}, answers lost after the server acted {LostResponses} ({LostCreates} of them a 201 Created)",
            $"  pools (read back through a fault-free emulator): {o.Runs - MissingOrDuplicated.Count} of {o.Runs} exist exactly once (ids compared ignoring case), " +
            $"{Unexpected.Count} unexpected, {CreatedMoreThanOnce.Count} created twice, {Deletes} deleted, {NotReady.Count} not ready, {IdleNodes} nodes idle",
            $"  time per run: median {Ms(At(0.5))}, p95 {Ms(At(0.95))}, max {Ms(At(1))}; all runs {Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        };
        if (o.BlobConnectionString is not null)
        {
            lines.Add($"  blob delivery: {StorageAttempts} storage requests, {StorageFailures} failed; container holds {Blobs.Count} blob(s) for " +
                      $"{ExpectedBlobs.Count} script(s): {LeakedBlobs.Count} leaked, {MissingBlobs.Count} missing");
            if (LeakedBlobs.Count > 0) lines.Add("  leaked blobs: " + string.Join(", ", LeakedBlobs));
            if (MissingBlobs.Count > 0) lines.Add("  missing blobs: " + string.Join(", ", MissingBlobs));
        }
        if (MissingOrDuplicated.Count > 0) lines.Add("  missing or duplicated: " + string.Join(", ", MissingOrDuplicated));
        if (Unexpected.Count > 0) lines.Add("  unexpected: " + string.Join(", ", Unexpected));
        if (NotReady.Count > 0) lines.Add("  not ready: " + string.Join(", ", NotReady));
        if (CreatedMoreThanOnce.Count > 0) lines.Add("  created more than once: " + string.Join(", ", CreatedMoreThanOnce));
        lines.Add(Holds ? "  every promise held" : "  A PROMISE FAILED");
        return string.Join("\n", lines);
    }
}

/// <summary>
/// Seeded apply runs against an emulator that fails a share of requests. Each run applies a fresh pool through its own
/// <see cref="PoolProvisioner"/> (as the hosting service does per pool); afterwards the emulator is stopped and started
/// again from its state file without faults, and a plain client checks that each pool exists exactly once with every
/// node idle. The client's handler counts each 201 to POST /pools, so a pool created twice is seen even if deleted since.
/// </summary>
public static class FaultCampaign
{
    public static async Task<FaultCampaignResult> RunAsync(FaultCampaignOptions options, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("chpc-faults-").FullName;
        try
        {
            return await RunAsync(options, Path.Combine(folder, "state.json"), log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The emulator's own 16 % and the client's lost answers add up to <see cref="FaultCampaignOptions.FailureRate"/> of all requests.</summary>
    public static FaultRule Rule(FaultCampaignOptions options)
    {
        var each = options.FailureRate / 5;
        return new FaultRule
        {
            TooManyRequestsRate = each, InternalErrorRate = each, ServerBusyRate = each, ConnectionResetRate = each,
            LatencyRate = options.LatencyRate, Latency = options.Latency, RetryAfter = options.RetryAfter,
        };
    }

    /// <summary>The client's share: lost answers among the requests the emulator let through.</summary>
    public static double LostResponseRate(FaultCampaignOptions options) => options.FailureRate / 5 / (1 - options.FailureRate * 4 / 5);

    public static BatchClient FaultyClient(BatchEmulator emulator, ClientFaults faults, int maxRetries)
    {
        var clientOptions = new BatchClientOptions { Transport = new HttpClientTransport(faults) };
        clientOptions.Retry.MaxRetries = maxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(20);
        clientOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(500);
        return emulator.CreateClient(clientOptions);
    }

    public static PoolDefinition Definition(string id, int nodes) => new()
    {
        Id = id,
        NodeCount = nodes,
        Julia = new JuliaDefinition("1.10.5"),
        JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")],
    };

    private static async Task<FaultCampaignResult> RunAsync(FaultCampaignOptions options, string stateFile, TextWriter? log, CancellationToken cancellationToken)
    {
        var faults = new FaultInjectionOptions { Seed = options.Seed };
        faults.Rules.Add(Rule(options));
        var handler = new ClientFaults(options.Seed, LostResponseRate(options));
        // Mixed case: every comparison of ids must ignore it, as the service's does.
        var ids = Enumerable.Range(0, options.Runs).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 2 == 0 ? "Faults" : "faults")}-{options.Seed}-{i:D4}")).ToList();
        var failures = new List<string>();
        var times = new List<TimeSpan>();
        var converged = 0;
        int injected;
        var total = Stopwatch.StartNew();

        var storageFaults = new ClientFaults(options.Seed + 1, LostResponseRate(options), failBeforeRate: options.FailureRate * 4 / 5);
        var delivery = options.BlobConnectionString is null ? null : CreateBlobDelivery(options, storageFaults);
        var emulator = await BatchEmulator.StartAsync(Emulator(options, stateFile, faults), cancellationToken).ConfigureAwait(false);
        try
        {
            var client = FaultyClient(emulator, handler, options.MaxRetries);
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (id, token) =>
            {
                var clock = Stopwatch.StartNew();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(options.RunTimeout);
                try
                {
                    var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions
                    {
                        FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(250), Timeout = options.RunTimeout,
                        ScriptDelivery = delivery,
                    });
                    var pool = await provisioner.ApplyAsync(Definition(id, options.NodesPerPool), cancellationToken: timeout.Token).ConfigureAwait(false);
                    lock (failures)
                    {
                        if (pool.CurrentDedicatedNodes == options.NodesPerPool) converged++;
                        else failures.Add($"{id}: ApplyAsync returned with {pool.CurrentDedicatedNodes} nodes");
                        times.Add(clock.Elapsed);
                    }
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    lock (failures)
                    {
                        failures.Add($"{id}: {e.GetType().Name}: {FirstLine(e.Message)}");
                        times.Add(clock.Elapsed);
                    }
                }
                if (log is not null)
                {
                    int done;
                    lock (failures) done = times.Count;
                    if (done % 50 == 0) log.WriteLine($"  {done} of {ids.Count} runs done");
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            injected = emulator.FaultsInjected;
            await emulator.DisposeAsync().ConfigureAwait(false);
        }
        total.Stop();

        // The account as it is now, through an emulator started again from the state file, without faults.
        var missing = new List<string>();
        var unexpected = new List<string>();
        var notReady = new List<string>();
        var idle = 0;
        var check = Emulator(options, stateFile, faults: null);
        await using (var clean = await BatchEmulator.StartAsync(check, cancellationToken).ConfigureAwait(false))
        {
            var client = clean.CreateClient();
            var pools = new List<BatchPool>();
            await foreach (var pool in client.GetPoolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) pools.Add(pool);
            var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
            unexpected.AddRange(pools.Select(p => p.Id!).Where(id => !wanted.Contains(id)));
            foreach (var id in ids)
            {
                var matching = pools.Where(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
                if (matching.Count != 1)
                {
                    missing.Add($"{id} ({matching.Count} pools)");
                    continue;
                }
                var nodes = new List<BatchNode>();
                await foreach (var node in client.GetNodesAsync(id, cancellationToken).ConfigureAwait(false)) nodes.Add(node);
                var idleHere = nodes.Count(n => n.State == BatchNodeState.Idle);
                idle += idleHere;
                var pool = matching[0];
                if (pool.AllocationState != AllocationState.Steady || pool.TargetDedicatedNodes != options.NodesPerPool ||
                    nodes.Count != options.NodesPerPool || idleHere != options.NodesPerPool)
                {
                    notReady.Add($"{id} ({pool.AllocationState}, target {pool.TargetDedicatedNodes}, nodes: {string.Join(" ", nodes.Select(n => n.State))})");
                }
            }
        }

        // With blob delivery, the container must hold exactly the scripts of the pools, under their content-addressed names.
        var blobs = new List<string>();
        var expected = new List<string>();
        var missingBlobs = new List<string>();
        if (options.BlobConnectionString is { } connection)
        {
            var container = new BlobContainerClient(connection, options.BlobContainer);
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) blobs.Add(blob.Name);
            foreach (var id in ids)
            {
                var name = BlobDelivery.BlobName(Sha256(StartupScriptRenderer.Render(Definition(id, options.NodesPerPool))));
                expected.Add(name);
                if (!missing.Any(m => m.StartsWith(id + " ", StringComparison.Ordinal)) && !blobs.Contains(name)) missingBlobs.Add($"{id}: {name}");
            }
        }

        var created = handler.PoolsCreated;
        return new FaultCampaignResult
        {
            Blobs = blobs,
            ExpectedBlobs = expected,
            MissingBlobs = missingBlobs,
            StorageAttempts = storageFaults.Attempts,
            StorageFailures = storageFaults.FailedBefore + storageFaults.LostResponses,
            Options = options,
            Converged = converged,
            Failures = failures.Order(StringComparer.Ordinal).ToList(),
            MissingOrDuplicated = missing,
            Unexpected = unexpected,
            NotReady = notReady,
            CreatedMoreThanOnce = created.Where(c => c.Value > 1).Select(c => $"{c.Key} ({c.Value} times)").ToList(),
            IdleNodes = idle,
            Deletes = handler.Deletes,
            Attempts = handler.Attempts,
            InjectedByEmulator = injected,
            LostResponses = handler.LostResponses,
            LostCreates = handler.LostCreates,
            Statuses = handler.Statuses,
            Resets = handler.Resets,
            RunTimes = times,
            Elapsed = total.Elapsed,
        };
    }

    private static IScriptDelivery CreateBlobDelivery(FaultCampaignOptions options, ClientFaults faults)
    {
        var clientOptions = new BlobClientOptions { Transport = new HttpClientTransport(faults) };
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(20);
        clientOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(500);
        return ScriptDeliveryFactory.Create(new ClusterlessHpcOptions
        {
            Delivery = ScriptDelivery.Blob,
            Storage = new StorageOptions { ConnectionString = options.BlobConnectionString, Container = options.BlobContainer },
        }, clientOptions: clientOptions);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static BatchEmulatorOptions Emulator(FaultCampaignOptions options, string stateFile, FaultInjectionOptions? faults) => new()
    {
        StateFile = stateFile,
        Faults = faults,
        NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
        NodeStartingDelay = TimeSpan.FromMilliseconds(20),
        StartTaskDelay = TimeSpan.FromMilliseconds(20),
        DedicatedNodeQuota = options.Runs * options.NodesPerPool + 10,
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
