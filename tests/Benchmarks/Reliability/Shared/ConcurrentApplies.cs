using System.Diagnostics;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Reliability;

/// <summary>How one concurrent caller's ApplyAsync ended.</summary>
public sealed record ApplyOutcome(int Caller, PoolDefinition Definition, BatchPool? Ready, PoolDriftException? Drift, Exception? Error)
{
    public override string ToString() =>
        Ready is not null ? $"caller {Caller}: ready with {Ready.CurrentDedicatedNodes} node(s)"
        : Drift is not null ? $"caller {Caller}: drift report: {string.Join("; ", Drift.Plan.Differences)}"
        : $"caller {Caller}: {Error!.GetType().Name}: {Error.Message}";
}

/// <summary>What a set of concurrent applies left behind.</summary>
public sealed record ConcurrentAppliesResult(
    IReadOnlyList<ApplyOutcome> Outcomes, IReadOnlyList<BatchPool> Pools, IReadOnlyDictionary<string, int> Creates, int Deletes, TimeSpan Elapsed)
{
    public int Ready => Outcomes.Count(o => o.Ready is not null);

    public int Drifted => Outcomes.Count(o => o.Drift is not null);

    public IEnumerable<ApplyOutcome> Failed => Outcomes.Where(o => o.Ready is null && o.Drift is null);
}

/// <summary>
/// Many callers applying at the same moment, each through its own <see cref="PoolProvisioner"/> (separate processes or
/// hosts would), all released together; then the account's pools with their ids are listed.
/// </summary>
public static class ConcurrentApplies
{
    public static async Task<ConcurrentAppliesResult> RunAsync(
        BatchEmulator emulator, IReadOnlyList<PoolDefinition> definitions, ClientFaults? handler = null, int maxRetries = 3,
        CancellationToken cancellationToken = default)
    {
        handler ??= ClientFaults.Counting();
        var client = FaultCampaign.FaultyClient(emulator, handler, maxRetries);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = definitions.Select((definition, caller) => Task.Run(async () =>
        {
            var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions
            {
                FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(250), Timeout = TimeSpan.FromMinutes(2),
            });
            await start.Task.ConfigureAwait(false);
            try
            {
                return new ApplyOutcome(caller, definition, await provisioner.ApplyAsync(definition, cancellationToken: cancellationToken).ConfigureAwait(false), null, null);
            }
            catch (PoolDriftException drift)
            {
                return new ApplyOutcome(caller, definition, null, drift, null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return new ApplyOutcome(caller, definition, null, null, e);
            }
        }, cancellationToken)).ToList();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        var outcomes = await Task.WhenAll(callers).ConfigureAwait(false);
        clock.Stop();

        // The account's pools with the callers' ids (ignoring case, as the service compares them).
        var ids = new HashSet<string>(definitions.Select(d => d.Id), StringComparer.OrdinalIgnoreCase);
        var pools = new List<BatchPool>();
        await foreach (var pool in emulator.CreateClient().GetPoolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ids.Contains(pool.Id!)) pools.Add(pool);
        }
        return new ConcurrentAppliesResult(outcomes, pools, handler.PoolsCreated, handler.Deletes, clock.Elapsed);
    }

    /// <summary>An emulator whose nodes boot in a few milliseconds.</summary>
    public static BatchEmulatorOptions FastEmulator(int nodes = 5000) => new()
    {
        NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
        NodeStartingDelay = TimeSpan.FromMilliseconds(20),
        StartTaskDelay = TimeSpan.FromMilliseconds(20),
        DedicatedNodeQuota = nodes,
    };
}
