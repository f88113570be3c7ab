using System.Globalization;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// The job, task, task count and task file operations end to end: <see cref="BatchClient"/> over loopback against the
/// emulator on a manual clock, so tasks run (simulated, 10 s by default) exactly when a test moves the clock.
/// </summary>
public sealed class JobTaskEmulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(1);

    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private BatchEmulator _emulator = null!;
    private BatchClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            TimeProvider = _clock,
            NodeCreatingDelay = TimeSpan.FromMilliseconds(300),
            NodeStartingDelay = TimeSpan.FromMilliseconds(300),
            StartTaskDelay = TimeSpan.FromMilliseconds(400),
        });
        _client = _emulator.CreateClient();
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_job_is_created_on_a_pool_read_listed_patched_terminated_and_deleted()
    {
        await PoolAsync("pool-a");

        await _client.CreateJobAsync(new BatchJobCreateOptions
        {
            Id = "job-a",
            PoolInfo = new BatchPoolInfo { PoolId = "pool-a" },
            Metadata = [new BatchMetadataItem { Name = "owner", Value = "ClusterlessHpc" }],
        });
        var again = await Assert.ThrowsAsync<RequestFailedException>(() => _client.CreateJobAsync(new BatchJobCreateOptions { Id = "JOB-A", PoolInfo = new BatchPoolInfo { PoolId = "pool-a" } }));
        var created = (await _client.GetJobAsync("job-a", CancellationToken.None)).Value;
        await _client.UpdateJobAsync("job-a", new BatchJobUpdateOptions { Priority = 100, OnAllTasksComplete = OnAllBatchTasksComplete.TerminateJob },
            new RequestConditions { IfMatch = new ETag(created.ETag!) });
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() =>
            _client.UpdateJobAsync("job-a", new BatchJobUpdateOptions { Priority = 1 }, new RequestConditions { IfMatch = new ETag(created.ETag!) }));
        var listed = new List<BatchJob>();
        await foreach (var job in _client.GetJobsAsync(filter: "priority eq 100", select: ["id", "priority", "onAllTasksComplete"])) listed.Add(job);
        await _client.TerminateJobAsync("job-a", new BatchJobTerminateOptions { TerminateReason = "done here" });
        var terminated = (await _client.GetJobAsync("job-a", CancellationToken.None)).Value;
        await _client.DeleteJobAsync("job-a");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => _client.GetJobAsync("job-a", CancellationToken.None));

        Assert.Equal((409, "JobExists"), (again.Status, again.ErrorCode));
        Assert.Equal(((BatchJobState?)BatchJobState.Active, "pool-a"), (created.State, created.PoolInfo!.PoolId));
        Assert.Equal("ClusterlessHpc", Assert.Single(created.Metadata!).Value);
        Assert.Equal((412, "ConditionNotMet"), (stale.Status, stale.ErrorCode));
        var only = Assert.Single(listed);
        Assert.Equal(("job-a", 100, (OnAllBatchTasksComplete?)OnAllBatchTasksComplete.TerminateJob), (only.Id, only.Priority, only.OnAllTasksComplete));
        Assert.Null(only.PoolInfo);
        Assert.Equal(((BatchJobState?)BatchJobState.Completed, "done here"), (terminated.State, terminated.ExecutionInfo!.TerminateReason));
        Assert.Equal((404, "JobNotFound"), (gone.Status, gone.ErrorCode));
    }

    [Fact]
    public async Task Tasks_are_added_run_listed_counted_terminated_and_deleted_and_their_files_read()
    {
        await PoolAsync("pool-b", nodes: 2, slots: 2);
        await _client.CreateJobAsync(new BatchJobCreateOptions { Id = "job-b", PoolInfo = new BatchPoolInfo { PoolId = "pool-b" } });

        await _client.CreateTaskAsync("job-b", Task("single", duration: "10s"));
        var added = await _client.CreateTasksAsync("job-b",
            Enumerable.Range(0, 250).Select(i => Task($"bulk-{i:D3}", duration: i % 50 == 0 ? "20s" : "10s", exitCode: i == 7 ? 3 : 0)));
        await _client.CreateTaskAsync("job-b", Task("long", duration: "1h"));
        var running = (await _client.GetTaskAsync("job-b", "single", CancellationToken.None)).Value;
        var countsAtStart = (await _client.GetJobTaskCountsAsync("job-b")).Value;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var done = (await _client.GetTaskAsync("job-b", "single", CancellationToken.None)).Value;
        var failed = new List<BatchTask>();
        await foreach (var task in _client.GetTasksAsync("job-b", filter: "state eq 'completed' and executionInfo/exitCode ne 0", select: ["id", "executionInfo"])) failed.Add(task);
        var files = new List<BatchNodeFile>();
        await foreach (var file in _client.GetTaskFilesAsync("job-b", "single")) files.Add(file);
        var stdout = await _client.GetTaskFileAsync("job-b", "single", BatchClient.TaskStdOutPath);
        var stderr = (await _client.GetTaskFilePropertiesAsync("job-b", "single", BatchClient.TaskStdErrPath)).Value;
        await _client.TerminateTaskAsync("job-b", "long");
        var ended = (await _client.GetTaskAsync("job-b", "long", CancellationToken.None)).Value;
        await _client.DeleteTaskAsync("job-b", "bulk-001");
        var deleted = await Assert.ThrowsAsync<RequestFailedException>(() => _client.GetTaskAsync("job-b", "bulk-001", CancellationToken.None));
        var counts = (await _client.GetJobTaskCountsAsync("job-b")).Value;

        Assert.Equal(250, added.Added.Count);
        Assert.Equal(3, added.Requests);
        Assert.Equal((BatchTaskState?)BatchTaskState.Running, running.State);
        Assert.Equal("pool-b", running.NodeInfo!.PoolId);
        // Two nodes of two slots: four tasks run at once, the rest wait.
        Assert.Equal((248, 4, 0), (countsAtStart.TaskCounts.Active, countsAtStart.TaskCounts.Running, countsAtStart.TaskCounts.Completed));
        Assert.Equal(4, countsAtStart.TaskSlotCounts.Running);
        Assert.Equal(((BatchTaskState?)BatchTaskState.Completed, 0, (BatchTaskExecutionResult?)BatchTaskExecutionResult.Success),
            (done.State, done.ExecutionInfo!.ExitCode, done.ExecutionInfo.Result));
        Assert.Equal(TimeSpan.FromSeconds(10), done.ExecutionInfo.EndTime - done.ExecutionInfo.StartTime);
        Assert.DoesNotContain(failed, t => t.ExecutionInfo!.ExitCode == 0);
        Assert.Equal(["stderr.txt", "stdout.txt", "wd"], files.Select(f => f.Name));
        Assert.Equal("", stdout.Value.ToString());
        Assert.Equal((false, 0L), (stderr.IsDirectory, stderr.ContentLength));
        Assert.Equal(((BatchTaskState?)BatchTaskState.Completed, "TaskEnded"), (ended.State, ended.ExecutionInfo!.FailureInfo!.Code));
        Assert.Equal((404, "TaskNotFound"), (deleted.Status, deleted.ErrorCode));
        Assert.Equal(251, counts.TaskCounts.Active + counts.TaskCounts.Running + counts.TaskCounts.Completed);
        Assert.Equal(counts.TaskCounts.Completed, counts.TaskCounts.Succeeded + counts.TaskCounts.Failed);
    }

    [Fact]
    public async Task Adding_the_same_tasks_again_finds_them_there_and_a_changed_definition_is_named()
    {
        await PoolAsync("pool-c");
        await _client.CreateJobAsync(new BatchJobCreateOptions { Id = "job-c", PoolInfo = new BatchPoolInfo { PoolId = "pool-c" } });
        var tasks = Enumerable.Range(0, 120).Select(i => Task($"t-{i}", duration: "10s")).ToList();
        tasks[5].Constraints = new BatchTaskConstraints { MaxTaskRetryCount = 2, MaxWallClockTime = TimeSpan.FromMinutes(30) };
        tasks[6].UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Task, ElevationLevel = ElevationLevel.NonAdmin } };

        var first = await _client.CreateTasksAsync("job-c", tasks);
        var second = await _client.CreateTasksAsync("job-c", tasks);
        var changed = Task("t-3", duration: "10s");
        changed.CommandLine = "/bin/bash -c 'echo changed'";
        var error = await Assert.ThrowsAsync<CreateTasksException>(() => _client.CreateTasksAsync("job-c", [changed, Task("t-new", duration: "10s")]));

        Assert.Equal(120, first.Added.Count);
        Assert.Empty(second.Added);
        Assert.Equal(tasks.Select(t => t.Id), second.AlreadyExisted);
        Assert.Equal("t-3", Assert.Single(error.Failures).TaskId);
        Assert.Contains("differs in commandLine", error.Message, StringComparison.Ordinal);
        Assert.Equal(["t-new"], error.Done.Added);
    }

    [Fact]
    public async Task A_job_set_to_terminate_when_its_tasks_complete_completes_with_them()
    {
        await PoolAsync("pool-d");
        await _client.CreateJobAsync(new BatchJobCreateOptions
        {
            Id = "job-d",
            PoolInfo = new BatchPoolInfo { PoolId = "pool-d" },
            OnAllTasksComplete = OnAllBatchTasksComplete.TerminateJob,
        });
        await _client.CreateTasksAsync("job-d", [Task("a", duration: "5s"), Task("b", duration: "5s")]);

        var before = (await _client.GetJobAsync("job-d", CancellationToken.None)).Value;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var after = (await _client.GetJobAsync("job-d", CancellationToken.None)).Value;
        var late = await Assert.ThrowsAsync<RequestFailedException>(() => _client.CreateTasksAsync("job-d", [Task("c", duration: "5s")]));

        Assert.Equal((BatchJobState?)BatchJobState.Active, before.State);
        Assert.Equal(((BatchJobState?)BatchJobState.Completed, "AllTasksComplete"), (after.State, after.ExecutionInfo!.TerminateReason));
        Assert.Equal((409, "JobCompleted"), (late.Status, late.ErrorCode));
    }

    private async Task PoolAsync(string id, int nodes = 1, int slots = 1)
    {
        await _client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = nodes,
            TaskSlotsPerNode = slots,
        });
        _clock.Advance(Boot);
    }

    private static BatchTaskCreateOptions Task(string id, string duration, int exitCode = 0) => new()
    {
        Id = id,
        CommandLine = "/bin/bash -c 'echo " + id + "'",
        EnvironmentSettings =
        [
            new EnvironmentSetting { Name = "CHPC_EMULATOR_TASK_DURATION", Value = duration },
            new EnvironmentSetting { Name = "CHPC_EMULATOR_TASK_EXIT_CODE", Value = exitCode.ToString(CultureInfo.InvariantCulture) },
        ],
    };
}
