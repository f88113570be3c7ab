using BenchmarkDotNet.Running;
using ClusterlessHpc.Benchmarks.Generator;

namespace ClusterlessHpc.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- [BenchmarkDotNet arguments]</c> runs the benchmarks;
/// <c>... -- soak [count] [seed]</c> runs the robustness soak (default 1,000,000 inputs);
/// <c>... -- ide-edit [pools] [edits] [all-new] [baseline=generator.dll]</c> times one keystroke in a formula as an IDE feels it (driver rerun and the document's analysis);
/// <c>... -- profile-ide-driver [pools] [edits]</c> takes that keystroke's driver rerun apart: Roslyn's part, the pool's own;
/// <c>... -- compare-generators [iterations]</c> runs the generator comparison with its two rows interleaved;
/// <c>... -- profile-generator [iterations] [stage]</c> times the generator benchmark's stages one by one;
/// <c>... -- verify-generator</c> checks the generator benchmarks' set-up without measuring;
/// <c>... -- measure-pool-ready</c> times one 1,000-node pool to idle on the emulator and reports the peak working set;
/// <c>... -- provision [pools] [nodes]</c> provisions pools against the emulator and reports wall time and requests;
/// <c>... -- add-tasks [tasks] [runs] [parallelism]</c> adds tasks to a job through the client against the emulator;
/// <c>... -- scheduler [tasks] [nodes] [slots] [step-seconds]</c> runs simulated tasks through the pool model's scheduler on a manual clock;
/// <c>... -- seed-formula</c> runs the seed's autoscale formula and its corrected form on the pool model with 40 pending tasks and counts the evaluations until the pool reaches its target;
/// <c>... -- preemption [tasks] [seed] [rate]</c> runs simulated tasks on spot nodes preempted at a seeded rate;
/// <c>... -- simulate [runs] [days] [tasks]</c> times the autoscale simulation of a week of 10,000 tasks (docs/performance.md);
/// <c>... -- faults [runs] [seed] [parallelism] [retries] [inline|blob]</c> applies pools through seeded faults;
/// <c>... -- concurrency [callers] [pools]</c> applies one pool from many callers at once, and many pools at once;
/// <c>... -- boot [julia-launch-ms] [release-MB] [nodes]</c> boots the seed's template and the generated script side by side;
/// <c>... -- shared-install [boot-nodes] [request-nodes] [resolve-ms] [precompile-ms] [release-MB]</c> measures later nodes against the first with the shared install (docs/performance.md);
/// <c>... -- injection [verbose]</c> runs hostile values through every attribute that reaches a node;
/// <c>... -- fuzz [formulas] [sources] [seed]</c> fuzzes the analyzer's formula checker and the generator and analyzer
/// (the last five in docs/reliability.md).
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
        if (args.Length > 0 && args[0] == "add-tasks")
        {
            var tasks = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
            var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
            var parallelism = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4;
            return Batch.AddTasksRun.RunAsync(tasks, runs, parallelism, Console.Out).GetAwaiter().GetResult();
        }
        if (args.Length > 0 && args[0] == "scheduler") return Scheduling.SchedulerRun.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "seed-formula") return Scheduling.SeedFormulaRun.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "preemption") return Scheduling.PreemptionRun.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "simulate") return Simulation.SimulateMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "faults") return Reliability.FaultsMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "concurrency") return Reliability.ConcurrencyMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "boot") return Reliability.BootMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "shared-install") return Reliability.SharedInstallMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "injection") return Reliability.InjectionMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "fuzz") return Reliability.FuzzMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "ide-edit") return IdeEditMode.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "profile-ide-driver") return IdeDriverProfile.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "compare-generators") return InterleavedComparison.Run(args, Console.Out);
        if (args.Length > 0 && args[0] == "profile-generator") return GeneratorProfile.Run(args, Console.Out);
        if (args is ["verify-generator"])
        {
            new GeneratorBenchmarks().Verify();
            new HostileFormulaBenchmarks().Verify();
            Console.WriteLine("generator benchmarks set-up: ok");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
