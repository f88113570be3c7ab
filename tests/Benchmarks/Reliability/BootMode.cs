using System.Globalization;
using ClusterlessHpc.Reliability.Boot;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- boot [julia-launch-ms] [release-MB] [nodes]</c>: the seed's template and the
/// generated script for the same pool, each node booted twice in the emulator's Execute mode (docs/reliability.md).
/// Exits 1 unless the generated script launches Julia once per join and its second boot takes at most 5 % of the first.
/// </summary>
public static class BootMode
{
    public static int Run(string[] args, TextWriter output)
    {
        var cost = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
        var megabytes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var nodes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        var (seed, generated) = NodeBootComparison.RunAsync(cost, megabytes, nodes).GetAwaiter().GetResult();
        output.WriteLine($"node boot, {nodes} node(s) a pool, each launch of the stand-in julia taking {cost.TotalMilliseconds:0} ms, " +
                         $"its release carrying {megabytes} MB (Julia 1.5.2's is about 100 MB):");
        output.WriteLine("  " + seed.Summary());
        output.WriteLine("  " + generated.Summary());
        var met = generated.LaunchesPerJoin == 1 && generated.LaunchesPerReboot == 0 && generated.SecondBootFraction <= 0.05 &&
                  generated.Nodes.All(n => n.BothSucceeded);
        output.WriteLine(met ? "goals met: 1 Julia launch per join, second boot at most 5 % of the first" : "A GOAL WAS MISSED");
        return met ? 0 : 1;
    }
}
