using BenchmarkDotNet.Running;
using ClusterlessHpc.Benchmarks.Generator;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*GeneratorBenchmarks*'
// dotnet run -c Release --project tests/Benchmarks -- verify-generator   (checks the set-up without measuring)
if (args is ["verify-generator"])
{
    new GeneratorBenchmarks().Verify();
    Console.WriteLine("generator benchmark set-up: ok");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
