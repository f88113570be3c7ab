using System.Globalization;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Emulator.Faults;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- concurrency [callers] [pools]</c>: concurrent applies of one pool
/// (one definition; two definitions; through 20 % failing requests) and of many pools; exits 1 when a promise failed.
/// </summary>
public static class ConcurrencyMode
{
    public static int Run(string[] args, TextWriter output) => RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50,
        output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(int callers, int pools, TextWriter output)
    {
        var held = true;

        await using (var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator()))
        {
            var same = await ConcurrentApplies.RunAsync(emulator, Enumerable.Range(0, callers).Select(_ => FaultCampaign.Definition("shared", 3)).ToList());
            held &= Report(output, $"{callers} concurrent applies of one pool", same, callers, expectedDrift: 0);

            var two = await ConcurrentApplies.RunAsync(emulator, Enumerable.Range(0, callers).Select(i => FaultCampaign.Definition("contested", 2 + i % 2)).ToList());
            held &= Report(output, $"{callers} concurrent applies of one pool, two definitions (2 or 3 nodes)", two, (callers + 1) / 2, expectedDrift: callers / 2);
        }

        var campaign = new FaultCampaignOptions { Seed = 88 };
        var faulty = ConcurrentApplies.FastEmulator();
        faulty.Faults = new FaultInjectionOptions { Seed = campaign.Seed, Rules = { FaultCampaign.Rule(campaign) } };
        await using (var emulator = await BatchEmulator.StartAsync(faulty))
        {
            var handler = new ClientFaults(campaign.Seed, FaultCampaign.LostResponseRate(campaign));
            var crowded = await ConcurrentApplies.RunAsync(emulator, Enumerable.Range(0, callers).Select(_ => FaultCampaign.Definition("crowded", 2)).ToList(), handler, maxRetries: 10);
            held &= Report(output, $"{callers} concurrent applies of one pool through 20 % failing requests (client retries 10; " +
                                   $"{emulator.FaultsInjected + handler.LostResponses} of {handler.Attempts} requests failed, {handler.LostCreates} 201 lost)", crowded, callers, expectedDrift: 0);
        }

        await using (var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator()))
        {
            var many = await ConcurrentApplies.RunAsync(emulator, Enumerable.Range(0, pools).Select(i => FaultCampaign.Definition($"parallel-{i:D3}", 2)).ToList());
            held &= Report(output, $"{pools} different pools of 2 nodes applied in parallel", many, pools, expectedDrift: 0, expectedPools: pools);
        }
        output.WriteLine(held ? "every promise held" : "A PROMISE FAILED");
        return held ? 0 : 1;
    }

    private static bool Report(TextWriter output, string title, ConcurrentAppliesResult result, int expectedReady, int expectedDrift, int expectedPools = 1)
    {
        var creates = result.Creates.Values.Sum();
        var holds = result.Ready == expectedReady && result.Drifted == expectedDrift && !result.Failed.Any() &&
                    result.Pools.Count == expectedPools && creates == expectedPools && result.Deletes == 0;
        output.WriteLine($"{title}: {result.Pools.Count} pool(s) exist, {creates} created (201), {result.Deletes} deleted; " +
                         $"{result.Ready} caller(s) ready, {result.Drifted} with a drift report, {result.Failed.Count()} failed; " +
                         $"{result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s wall");
        foreach (var failed in result.Failed) output.WriteLine("  " + failed);
        foreach (var drift in result.Outcomes.Where(o => o.Drift is not null).Take(1)) output.WriteLine("  for example " + drift);
        return holds;
    }
}
