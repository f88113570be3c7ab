using System.Diagnostics;
using System.Text.RegularExpressions;
using ClusterlessHpc;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;

namespace Quickstart;

/// <summary>
/// Autoscale driven by real tasks: the same work goes to the seed's pool (cypress) and to its corrected twin
/// (cypress-lookback), and the node counts, pending tasks and each formula evaluation are printed as they change.
/// On the service, and so on the emulator, task samples reach a formula about a minute late; the seed's formula looks
/// back only 30 seconds, so it never sees a sample and keeps one node. The corrected formula looks past the delay,
/// grows toward ten nodes, and shrinks to none once nothing is pending, letting running tasks finish (taskcompletion).
/// </summary>
internal static partial class AutoscaleDemo
{
    public const int TaskCount = 40;

    /// <summary>How long each simulated task runs on the emulator's clock.</summary>
    public const string TaskDuration = "2m";

    public static async Task RunAsync(BatchClient client, PoolJobRunnerFactory runners, double timeScale, Stopwatch clock, TimeSpan limit)
    {
        PoolDefinition[] pools = [CypressPool.Definition, CypressLookbackPool.Definition];
        Console.WriteLine();
        Console.WriteLine($"Autoscale on real tasks: {TaskCount} tasks of {TaskDuration} each to cypress (the seed's formula) and to cypress-lookback " +
                          $"(the same formula looking 1 to 3 minutes back); the emulator's clock runs {timeScale:0}x, so its 5-minute evaluations come every {300 / timeScale:0.#} s.");
        var runner = runners.Create(client, options =>
        {
            options.FirstPollDelay = TimeSpan.FromMilliseconds(100);
            options.MaxPollDelay = TimeSpan.FromMilliseconds(500);
        });
        using var stop = new CancellationTokenSource(limit);
        var watches = pools.Select(p => new PoolWatch(p.Id)).ToArray();
        var runs = new List<Task>();
        foreach (var (pool, watch) in pools.Zip(watches))
        {
            var jobId = PoolJobRunner.DefaultJobId(pool.Id, DateTimeOffset.UtcNow);
            watch.JobId = jobId;
            runs.Add(RunTasksAsync(runner, pool, jobId, watch, stop.Token));
        }

        var lookback = watches[1];
        while (!stop.IsCancellationRequested)
        {
            foreach (var watch in watches) await watch.PollAsync(client, clock, stop.Token).ConfigureAwait(false);
            // Done when the corrected pool has run everything and come back down to no nodes.
            if (lookback.Finished && lookback.Nodes == 0 && lookback.Target == 0) break;
            await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
        }
        var seed = watches[0];
        if (!seed.Finished)
        {
            Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] cypress    still {seed.Nodes} node with {seed.Pending} pending after {seed.Evaluations} evaluation(s): " +
                              "its 30 s window never holds a sample. Terminating its job.");
            await runner.TerminateJobAsync(new PoolJob(seed.JobId!, seed.PoolId), "The quickstart is over", CancellationToken.None).ConfigureAwait(false);
        }
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(runs.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine($"Summary after {clock.Elapsed.TotalSeconds:0.0} s:");
        foreach (var watch in watches) Console.WriteLine("  " + watch.Summary());
        Console.WriteLine("  Why: Batch gives formulas task samples about a minute after they are taken (docs/autoscale.md), so a formula " +
                          "must look further back than that; the seed's 30 s window is always empty and it asks for its starting node.");
    }

    private static async Task RunTasksAsync(PoolJobRunner runner, PoolDefinition pool, string jobId, PoolWatch watch, CancellationToken cancellationToken)
    {
        var tasks = Enumerable.Range(0, TaskCount).Select(i =>
        {
            var task = TaskDefinition.Command($"task-{i:00}", "/bin/true");
            task.Environment["CHPC_EMULATOR_TASK_DURATION"] = TaskDuration;
            task.Environment["CHPC_TASK_INDEX"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return task;
        });
        try
        {
            var results = await runner.RunAsync(pool, tasks, jobId: jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
            watch.Succeeded = results.Count(r => r.Succeeded);
            watch.Finished = true;
        }
        catch (OperationCanceledException)
        {
            // The demo ended the wait; the job was terminated above.
        }
    }

    private sealed partial class PoolWatch(string poolId)
    {
        private string? _lastLine;
        private DateTimeOffset? _lastRun;

        public string PoolId { get; } = poolId;
        public string? JobId { get; set; }
        public int Nodes { get; private set; }
        public int Target { get; private set; }
        public int Pending { get; private set; }
        public int PeakNodes { get; private set; }
        public int? FirstNodes { get; private set; }
        public int Evaluations { get; private set; }
        public int Succeeded { get; set; }
        public volatile bool Finished;
        public double? FinishedAt;

        public async Task PollAsync(BatchClient client, Stopwatch clock, CancellationToken cancellationToken)
        {
            try
            {
                var pool = (await client.GetPoolAsync(PoolId, select: ["id", "currentDedicatedNodes", "targetDedicatedNodes", "autoScaleRun"], cancellationToken: cancellationToken)).Value;
                BatchTaskCounts? counts = null;
                try
                {
                    if (JobId is not null) counts = (await client.GetJobTaskCountsAsync(JobId, cancellationToken)).Value.TaskCounts;
                }
                catch (Azure.RequestFailedException e) when (e.ErrorCode == "JobNotFound")
                {
                    // The runner has not created the job yet: nothing is pending.
                }
                Nodes = pool.CurrentDedicatedNodes ?? 0;
                Target = pool.TargetDedicatedNodes ?? 0;
                Pending = counts is null ? 0 : counts.Active + counts.Running;
                PeakNodes = Math.Max(PeakNodes, Nodes);
                FirstNodes ??= Nodes;
                var evaluated = "";
                if (pool.AutoScaleRun is { } run && run.Timestamp != _lastRun)
                {
                    _lastRun = run.Timestamp;
                    Evaluations++;
                    evaluated = $"  evaluation {Evaluations}: pendingTaskSamplePercent={Percent().Match(run.Results ?? "").Groups[1].Value}";
                }
                if (Finished && FinishedAt is null) FinishedAt = clock.Elapsed.TotalSeconds;
                var line = $"{PoolId,-17} nodes {Nodes,2} (target {Target,2})  pending {Pending,2}";
                if (line != _lastLine || evaluated.Length > 0) Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] {line}{evaluated}");
                _lastLine = line;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        public string Summary() =>
            Finished
                ? $"{PoolId,-17} went from {FirstNodes} to {PeakNodes} node(s), ran {Succeeded} of {TaskCount} tasks, came back to {Nodes} node(s) (target {Target}) after {Evaluations} evaluation(s)"
                : $"{PoolId,-17} stayed at {PeakNodes} node(s) over {Evaluations} evaluation(s) with {Pending} of {TaskCount} tasks still pending: its job was terminated";

        [GeneratedRegex(@"pendingTaskSamplePercent=([^;]*)")]
        private static partial Regex Percent();
    }
}
