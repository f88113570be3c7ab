using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Scripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>
/// <see cref="PoolJobRunner"/> against the emulator on an accelerated clock (tasks are simulated: their duration and exit
/// code come from <c>CHPC_EMULATOR_TASK_DURATION</c> and <c>CHPC_EMULATOR_TASK_EXIT_CODE</c>), and the Julia tasks'
/// command lines run by bash against a stand-in of the pool's <c>julia</c> launcher.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PoolJobRunnerTests : IAsyncLifetime
{
    private static readonly PoolDefinition JuliaPool = new() { Id = "runner-julia", NodeCount = 2, Julia = new JuliaDefinition("1.10.5") };
    private static readonly PoolDefinition PlainPool = new() { Id = "runner-plain", NodeCount = 1 };

    private BatchEmulator _emulator = null!;
    private BatchClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { TimeScale = 50 });
        _client = _emulator.CreateClient();
        var provisioner = new PoolProvisioner(_client, new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100) });
        await provisioner.ApplyAsync(JuliaPool);
        await provisioner.ApplyAsync(PlainPool);
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Run_adds_the_tasks_waits_with_progress_and_returns_each_result_with_the_end_of_a_failures_stderr()
    {
        var runner = Runner();
        var progress = new List<JobProgress>();
        // A minute each on a clock 50 times as fast: about 1.2 s of real time a task, so a loaded machine still
        // reports progress while tasks wait.
        var tasks = Enumerable.Range(0, 6).Select(i => Simulated(TaskDefinition.Command($"step-{i}", $"/bin/bash -c 'echo step {i}'"), "60s", exitCode: i == 4 ? 3 : 0)).ToList();

        var results = await runner.RunAsync(PlainPool, tasks, new SyncProgress<JobProgress>(progress.Add), jobId: "run-1");

        Assert.Equal(tasks.Select(t => t.Id).Order(), results.Select(r => r.TaskId).Order());
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(("step-4", 3, "FailureExitCode"), (failed.TaskId, failed.ExitCode, failed.Failure!.Code));
        Assert.All(results, r =>
        {
            Assert.Equal((BatchTaskState?)BatchTaskState.Completed, r.State);
            Assert.StartsWith("tvm-", r.NodeId, StringComparison.Ordinal);
            Assert.True(r.EndTime > r.StartTime);
        });
        Assert.NotEmpty(progress);
        Assert.Equal((0, 0, 5, 1), (progress[^1].Tasks.Active, progress[^1].Tasks.Running, progress[^1].Tasks.Succeeded, progress[^1].Tasks.Failed));
        Assert.Equal(1, progress[^1].NodesByState.Values.Sum());
        // One node of one slot: the tasks ran one after another (0.6 s each at 50 times the speed), so some report saw tasks waiting.
        Assert.Contains(progress, p => p.Tasks.Active > 0);
        var job = (await _client.GetJobAsync("run-1", CancellationToken.None)).Value;
        Assert.Equal(((BatchJobState?)BatchJobState.Completed, "AllTasksComplete"), (job.State, job.ExecutionInfo!.TerminateReason));
        Assert.Contains(job.Metadata!, m => m.Name == PoolJobRunner.OwnerMetadata && m.Value == "ClusterlessHpc");
    }

    [Fact]
    public async Task Julia_tasks_run_the_pools_launcher_with_the_script_or_expression_carried_in_the_task()
    {
        var runner = Runner();
        var folder = Directory.CreateTempSubdirectory("chpc-runner-");
        try
        {
            var script = Path.Combine(folder.FullName, "simulate.jl");
            await File.WriteAllTextAsync(script, "using IterativeSolvers\nprintln(\"index \", ENV[\"CHPC_TASK_INDEX\"])\n");
            var job = await runner.StartJobAsync(JuliaPool, "julia-1");
            var fromScript = TaskDefinition.JuliaScript("script", script);
            fromScript.Environment["CHPC_TASK_INDEX"] = "7";
            var fromExpression = TaskDefinition.JuliaExpression("expression", "println(\"it's \", 1 + 1)");

            await runner.AddTasksAsync(job, [fromScript, fromExpression]);
            var scriptTask = (await _client.GetTaskAsync("julia-1", "script", CancellationToken.None)).Value;
            var expressionTask = (await _client.GetTaskAsync("julia-1", "expression", CancellationToken.None)).Value;

            // On a node: the launcher the startup script writes, stood in for by one that shows what it was given.
            var scriptRun = RunOnNode(folder.FullName, scriptTask);
            var expressionRun = RunOnNode(folder.FullName, expressionTask);
            Assert.Equal((0, ""), (scriptRun.ExitCode, scriptRun.Stderr));
            Assert.Equal(["launcher got: " + Path.Combine(folder.FullName, "wd", "simulate.jl"), "using IterativeSolvers", "println(\"index \", ENV[\"CHPC_TASK_INDEX\"])", "index=7"],
                scriptRun.Stdout.TrimEnd('\n').Split('\n'));
            Assert.Equal((0, "launcher got: -e println(\"it's \", 1 + 1)"), (expressionRun.ExitCode, expressionRun.Stdout.Split('\n')[0]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_launcher_Julia_tasks_run_is_where_the_startup_script_writes_it()
    {
        var script = StartupScriptRenderer.Render(JuliaPool);

        Assert.Contains("readonly root=\"${AZ_BATCH_NODE_SHARED_DIR:?", script, StringComparison.Ordinal);
        Assert.Contains("}/clusterlesshpc\"\n", script, StringComparison.Ordinal);
        Assert.Contains("mv -f \"$root/bin/julia.new\" \"$root/bin/julia\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_beyond_the_inline_limit_without_blob_storage_is_refused_naming_it_and_nothing_is_added()
    {
        var runner = Runner();
        var folder = Directory.CreateTempSubdirectory("chpc-runner-");
        try
        {
            // Random text does not compress: well above 64 KiB encoded.
            var big = Path.Combine(folder.FullName, "big.jl");
            await File.WriteAllTextAsync(big, "# " + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(80_000)) + "\n");
            var job = await runner.StartJobAsync(JuliaPool, "julia-big");

            var error = await Assert.ThrowsAsync<ScriptDeliveryException>(() => runner.AddTasksAsync(job, [TaskDefinition.JuliaScript("big", big)]));
            var missing = await Assert.ThrowsAsync<IOException>(() => runner.AddTasksAsync(job, [TaskDefinition.JuliaScript("gone", Path.Combine(folder.FullName, "gone.jl"))]));

            Assert.Contains($"The Julia script '{big}' of task 'big'", error.Message, StringComparison.Ordinal);
            Assert.Contains("ClusterlessHpc:Storage", error.Message, StringComparison.Ordinal);
            Assert.Contains("of task 'gone' could not be read", missing.Message, StringComparison.Ordinal);
            Assert.Equal(0, (await _client.GetJobTaskCountsAsync("julia-big")).Value.TaskCounts.Active);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Julia_tasks_for_a_pool_without_Julia_and_a_job_on_a_missing_pool_are_refused_by_name()
    {
        var runner = Runner();
        var job = await runner.StartJobAsync(PlainPool, "plain-1");

        var julia = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.AddTasksAsync(job, [TaskDefinition.JuliaExpression("j", "1 + 1")]));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.StartJobAsync(new PoolDefinition { Id = "not-applied" }));
        var badId = Assert.Throws<ArgumentException>(() => TaskDefinition.Command("no spaces", "true"));

        Assert.Contains("Task 'j' runs Julia, but pool 'runner-plain' declares no Julia", julia.Message, StringComparison.Ordinal);
        Assert.Contains("Pool 'not-applied' does not exist: apply it first", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Task id 'no spaces' is not valid", badId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_that_failed_after_the_clients_retries_is_missed_and_the_wait_goes_on()
    {
        var options = new BatchClientOptions();
        var busy = new BusyOnce("/taskcounts");
        options.AddPolicy(busy, HttpPipelinePosition.PerCall);
        var runner = new PoolJobRunner(new BatchClient(_emulator.Endpoint, _emulator.Credential, options), Fast());

        var results = await runner.RunAsync(PlainPool, [Simulated(TaskDefinition.Command("missed", "true"), "5s")], jobId: "missed-poll-1");

        Assert.True(busy.Failed);
        Assert.True(Assert.Single(results).Succeeded);
    }

    [Fact]
    public async Task Cancelled_while_adding_tasks_run_terminates_the_job_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var options = new BatchClientOptions();
        options.AddPolicy(new CancelOn("/addtaskcollection", cancel), HttpPipelinePosition.PerCall);
        var runner = new PoolJobRunner(new BatchClient(_emulator.Endpoint, _emulator.Credential, options), Fast());
        var tasks = Enumerable.Range(0, 300).Select(i => Simulated(TaskDefinition.Command($"t-{i}", "true"), "1h"));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(PlainPool, tasks, jobId: "cancelled-1", cancellationToken: cancel.Token));

        Assert.Contains("job 'cancelled-1' was terminated, so none of its tasks runs", error.Message, StringComparison.Ordinal);
        var job = (await _client.GetJobAsync("cancelled-1", CancellationToken.None)).Value;
        Assert.Contains(job.State, new BatchJobState?[] { BatchJobState.Terminating, BatchJobState.Completed });
    }

    [Fact]
    public async Task An_executed_tasks_result_has_its_exit_code_node_and_the_end_of_its_stderr()
    {
        var nodes = Directory.CreateTempSubdirectory("chpc-runner-nodes-");
        try
        {
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                StartTaskMode = StartTaskMode.Execute,
                ExecuteTasks = true,
                AccountName = "runnerbatch",
                AccountKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)),
                NodesDirectory = nodes.FullName,
                SandboxUidBase = SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
                NodeStartingDelay = TimeSpan.FromMilliseconds(20),
            });
            var client = emulator.CreateClient();
            var pool = new PoolDefinition { Id = "runner-exec", NodeCount = 1 };
            await new PoolProvisioner(client, new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100) })
                .ApplyAsync(pool);
            var lines = string.Join("; ", Enumerable.Range(1, 60).Select(i => $"echo line {i} >&2"));

            var results = await new PoolJobRunner(client, Fast()).RunAsync(pool,
            [
                TaskDefinition.Command("fails", $"/bin/bash -c '{lines}; exit 3'"),
                TaskDefinition.Command("works", "/bin/bash -c 'echo fine'"),
            ]);

            var failed = Assert.Single(results, r => r.TaskId == "fails");
            Assert.Equal((false, 3, "FailureExitCode"), (failed.Succeeded, failed.ExitCode, failed.Failure!.Code));
            Assert.NotNull(failed.NodeId);
            // The last 50 lines, the default.
            Assert.Equal(Enumerable.Range(11, 50).Select(i => $"line {i}"), failed.StderrTail!.Split('\n'));
            var worked = Assert.Single(results, r => r.TaskId == "works");
            Assert.Equal((true, 0, (string?)null), (worked.Succeeded, worked.ExitCode, worked.StderrTail));
        }
        finally
        {
            nodes.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Hosting_users_get_runners_from_DI_for_the_pools_account()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClusterlessHpc:Batch:Endpoint"] = _emulator.Endpoint.ToString(),
            ["ClusterlessHpc:Batch:AccountName"] = _emulator.AccountName,
            ["ClusterlessHpc:Batch:AccountKey"] = BatchEmulatorOptions.DevelopmentAccountKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddClusterlessHpc(configuration);
        using var provider = services.BuildServiceProvider();

        var runner = await provider.GetRequiredService<PoolJobRunnerFactory>().CreateAsync(PlainPool, o => { o.FirstPollDelay = TimeSpan.FromMilliseconds(20); o.MaxPollDelay = TimeSpan.FromMilliseconds(100); });
        var results = await runner.RunAsync(PlainPool, [Simulated(TaskDefinition.Command("hosted", "true"), "1s")], jobId: "hosted-1");

        Assert.True(Assert.Single(results).Succeeded);
    }

    private PoolJobRunner Runner() => new(_client, Fast());

    private static PoolJobRunnerOptions Fast() => new() { FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100) };

    private static TaskDefinition Simulated(TaskDefinition task, string duration, int exitCode = 0)
    {
        task.Environment["CHPC_EMULATOR_TASK_DURATION"] = duration;
        task.Environment["CHPC_EMULATOR_TASK_EXIT_CODE"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return task;
    }

    /// <summary>
    /// Runs a task's command line as a Linux node would (bash, the task's environment, its working directory) with
    /// <c>$AZ_BATCH_NODE_SHARED_DIR/clusterlesshpc/bin/julia</c> a stand-in that prints what it got.
    /// </summary>
    private static (int ExitCode, string Stdout, string Stderr) RunOnNode(string folder, BatchTask task)
    {
        var shared = Path.Combine(folder, "shared");
        var launcher = Path.Combine(shared, "clusterlesshpc", "bin", "julia");
        Directory.CreateDirectory(Path.GetDirectoryName(launcher)!);
        File.WriteAllText(launcher, "#!/bin/bash\necho \"launcher got: $*\"\nif [[ \"$1\" != -e ]]; then cat \"$1\"; echo \"index=$CHPC_TASK_INDEX\"; fi\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var workingDirectory = Path.Combine(folder, "wd");
        Directory.CreateDirectory(workingDirectory);

        var commandLine = task.CommandLine!;
        Assert.StartsWith("/bin/bash -c '", commandLine, StringComparison.Ordinal);
        Assert.EndsWith("'", commandLine, StringComparison.Ordinal);
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine["/bin/bash -c '".Length..^1]);
        start.Environment["AZ_BATCH_NODE_SHARED_DIR"] = shared;
        start.Environment["AZ_BATCH_TASK_WORKING_DIR"] = workingDirectory;
        foreach (var setting in task.EnvironmentSettings ?? []) start.Environment[setting.Name] = setting.Value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(10_000), "the task's command line did not end within 10 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class CancelOn(string pathEnd, CancellationTokenSource cancel) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Uri.Path.EndsWith(pathEnd, StringComparison.Ordinal)) cancel.Cancel();
        }
    }

    /// <summary>The first request whose path ends so fails as a 503 would once the client's own retries were spent.</summary>
    private sealed class BusyOnce(string pathEnd) : HttpPipelineSynchronousPolicy
    {
        private int _failed;

        public bool Failed => _failed == 1;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Uri.Path.EndsWith(pathEnd, StringComparison.Ordinal) && Interlocked.Exchange(ref _failed, 1) == 0)
            {
                throw new Azure.RequestFailedException(503, "The server is busy (injected).");
            }
        }
    }
}
