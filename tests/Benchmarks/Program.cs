using BenchmarkDotNet.Running;
using ClusterlessHpc.Benchmarks.Generator;

namespace ClusterlessHpc.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- [BenchmarkDotNet arguments]</c> runs the benchmarks;
/// <c>... -- soak [count] [seed]</c> runs the robustness soak (default 1,000,000 inputs);
/// <c>... -- verify-generator</c> checks the generator benchmark's set-up without measuring;
/// <c>... -- measure-pool-ready</c> times one 1,000-node pool to idle on the emulator and reports the peak working set;
/// <c>... -- provision [pools] [nodes]</c> provisions pools against the emulator and reports wall time and requests.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "soak")
        {
            var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
            var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20261124;
            return FormulaSoak.Run(count, seed, Console.Out);
        }
        if (args is ["measure-pool-ready"])
        {
            var (elapsed, peak, nodes) = Batch.PoolReadyBenchmarks.MeasureOnceAsync().GetAwaiter().GetResult();
            Console.WriteLine($"{nodes} nodes idle in {elapsed.TotalSeconds:F2} s; peak working set {peak / (1024 * 1024)} MB");
            return 0;
        }
        if (args.Length > 0 && args[0] == "provision")
        {
            var pools = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
            var nodes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            return Provisioning.ProvisioningRun.RunAsync(pools, nodes, Console.Out).GetAwaiter().GetResult();
        }
        if (args is ["verify-generator"])
        {
            new GeneratorBenchmarks().Verify();
            Console.WriteLine("generator benchmark set-up: ok");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
