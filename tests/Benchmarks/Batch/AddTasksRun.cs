using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Benchmarks.Batch;

/// <summary>
/// Adds many tasks to one job through <see cref="BatchClient.CreateTasksAsync"/> against an in-process emulator (a pool
/// of 10 nodes that boot with no delay), and reports the wall time and the requests (counted on the client's pipeline).
/// <c>dotnet run -c Release --project tests/Benchmarks -- add-tasks [tasks] [runs] [parallelism]</c>
/// </summary>
public static class AddTasksRun
{
    public static async Task<int> RunAsync(int tasks, int runs, int parallelism, TextWriter output)
    {
        await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            NodeCreatingDelay = TimeSpan.Zero,
            NodeStartingDelay = TimeSpan.Zero,
            StartTaskDelay = TimeSpan.Zero,
        });
        var counter = new RequestCounter();
        var clientOptions = new BatchClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var client = new BatchClient(emulator.Endpoint, emulator.Credential, clientOptions);
        await client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = "add-tasks",
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = 10,
            TaskSlotsPerNode = 4,
        });
        var options = new CreateTasksOptions { MaxDegreeOfParallelism = parallelism };

        // One warm-up job, so the figure is not the first requests' connections and JIT cost.
        await client.CreateJobAsync(new BatchJobCreateOptions { Id = "warm-up", PoolInfo = new BatchPoolInfo { PoolId = "add-tasks" } });
        await client.CreateTasksAsync("warm-up", Tasks(500), options);

        for (var run = 1; run <= runs; run++)
        {
            var job = $"bench-{run}";
            await client.CreateJobAsync(new BatchJobCreateOptions { Id = job, PoolInfo = new BatchPoolInfo { PoolId = "add-tasks" } });
            var list = Tasks(tasks).ToList();
            counter.Reset();
            var clock = Stopwatch.StartNew();
            var result = await client.CreateTasksAsync(job, list, options);
            clock.Stop();
            var requests = counter.Count;
            var counts = (await client.GetJobTaskCountsAsync(job)).Value.TaskCounts;
            output.WriteLine($"run {run}: {result.Added.Count:N0} tasks added in {clock.Elapsed.TotalSeconds:0.00} s wall (goal: under 3 s), " +
                             $"{requests} requests ({result.Requests} add-collection requests), {parallelism} in flight; " +
                             $"the job counts {counts.Active + counts.Running + counts.Completed:N0} tasks");
        }
        return 0;
    }

    /// <summary>Tasks as the runtime writes them: a command line and two environment settings.</summary>
    private static IEnumerable<BatchTaskCreateOptions> Tasks(int count) => Enumerable.Range(0, count).Select(i => new BatchTaskCreateOptions
    {
        Id = $"task-{i:D5}",
        CommandLine = "/bin/bash -c 'echo $CHPC_TASK_INDEX'",
        EnvironmentSettings =
        [
            new EnvironmentSetting { Name = "CHPC_TASK_INDEX", Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new EnvironmentSetting { Name = "CHPC_TASK_COUNT", Value = count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ],
    });

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => _count;

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
