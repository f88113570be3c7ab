using ClusterlessHpc.Emulator;
using ClusterlessHpc.Emulator.Faults;
using ClusterlessHpc.Reliability;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// A transient fault that outlasts the client's retries, on each request an apply makes: the apply must still converge,
/// as a long fault run needs (docs/reliability.md, "Faults").
/// </summary>
public sealed class OutlastingFaultTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // The client retries a request 3 times (Azure.Core's default, which the hosting path uses). A fault that outlasts
    // them is still transient: the pool is fine and the apply has up to PoolProvisionerOptions.Timeout to get there.
    public static TheoryData<string, string> OutlastingFaults => new()
    {
        { "GET", "/pools/*/nodes" },
        { "GET", "/pools/*" },
        { "POST", "/pools" },
        { "GET", "/supportedimages" },
    };

    [Theory]
    [MemberData(nameof(OutlastingFaults))]
    public async Task A_transient_fault_that_outlasts_the_clients_retries_does_not_end_the_apply(string method, string path)
    {
        var faults = new FaultInjectionOptions();
        faults.Rules.Add(new FaultRule { Method = method, Path = path, ServerBusyRate = 1, RetryAfter = TimeSpan.Zero, MaxFaults = 4 });
        var options = ConcurrentApplies.FastEmulator();
        options.Faults = faults;
        await using var emulator = await BatchEmulator.StartAsync(options, Cancel);

        var result = await ConcurrentApplies.RunAsync(emulator, [FaultCampaign.Definition("outlasting", nodes: 1)], cancellationToken: Cancel);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(4, emulator.FaultsInjected);
        Assert.True(outcome.Ready is not null, $"{method} {path} answered 503 four times in a row: {outcome}");
        Assert.Equal(1, result.Creates["outlasting"]);
    }
}
