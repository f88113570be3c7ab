using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>chpc run, jobs, tasks, task logs and job delete against the emulator over loopback.</summary>
public class RunCommandTests(EmulatorFixture emulator)
{
    private const string Fast = "--env=CHPC_EMULATOR_TASK_DURATION=200ms";

    [Fact]
    public async Task Run_starts_N_indexed_tasks_on_an_owned_job_that_terminates_and_exits_0()
    {
        var pool = await emulator.CreatePoolAsync("run", nodes: 2);
        var job = EmulatorFixture.UniqueId("job");
        var result = await RunAsync("run", pool, "--job", job, "--tasks", "3", Fast, "--json", "--", "/bin/echo", "it's", "a b");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal((job, pool, 3, 0), (json.GetProperty("jobId").GetString(), json.GetProperty("poolId").GetString(),
            json.GetProperty("succeeded").GetInt32(), json.GetProperty("failed").GetInt32()));

        var created = (await emulator.Client.GetJobAsync(job, CancellationToken.None)).Value;
        Assert.Contains(created.Metadata!, m => m.Name == "clusterlesshpc-owner" && m.Value == "ClusterlessHpc");
        Assert.Equal(OnAllBatchTasksComplete.TerminateJob, created.OnAllTasksComplete);

        var tasks = new List<BatchTask>();
        await foreach (var task in emulator.Client.GetTasksAsync(job)) tasks.Add(task);
        Assert.Equal(["0", "1", "2"], tasks.Select(t => t.EnvironmentSettings!.Single(e => e.Name == "CHPC_TASK_INDEX").Value).Order());
        Assert.All(tasks, t => Assert.Equal("3", t.EnvironmentSettings!.Single(e => e.Name == "CHPC_TASK_COUNT").Value));
        Assert.All(tasks, t => Assert.Equal("/bin/echo 'it'\\''s' 'a b'", t.CommandLine));
    }

    [Fact]
    public async Task A_failed_task_exits_2_names_it_and_the_job_commands_show_it()
    {
        var pool = await emulator.CreatePoolAsync("runfail");
        var job = EmulatorFixture.UniqueId("jobfail");
        var result = await RunAsync("run", pool, "--job", job, "--tasks", "2", Fast, "--env", "CHPC_EMULATOR_TASK_EXIT_CODE=7", "--", "false");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: Job '{job}': 0 of 2 task(s) succeeded, 2 failed", result.Stderr);
        Assert.Contains("task-0", result.Stdout);
        Assert.Contains("[", result.Stdout); // the plain progress lines, timed
        Assert.Contains(" active, ", result.Stdout);

        var jobs = (await emulator.ChpcAsync("jobs", "--json")).Json().GetProperty("jobs").EnumerateArray().ToList();
        Assert.Contains(jobs, j => j.GetProperty("id").GetString() == job);
        var plainJobs = await emulator.ChpcAsync("jobs");
        Assert.Contains(job, plainJobs.Stdout);

        var tasks = (await emulator.ChpcAsync("tasks", job, "--json")).Json().GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(7, t.GetProperty("executionInfo").GetProperty("exitCode").GetInt32()));
        var plainTasks = await emulator.ChpcAsync("tasks", job);
        Assert.Contains("failed", plainTasks.Stdout);

        var logs = await emulator.ChpcAsync("task", "logs", job, "task-1", "--json");
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Equal("task-1", logs.Json().GetProperty("taskId").GetString());

        var missing = await emulator.ChpcAsync("task", "logs", job, "task-9");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"error TaskNotFound: job '{job}' has no task 'task-9' ('chpc tasks {job}' lists its tasks).", missing.Stderr);

        var deleted = await emulator.ChpcAsync("job", "delete", job, "--json");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.True(deleted.Json().GetProperty("deleted").GetBoolean());
        var never = EmulatorFixture.UniqueId("never");
        var again = await emulator.ChpcAsync("job", "delete", never);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains($"error JobNotFound: the account has no job '{never}' ('chpc jobs' lists its jobs).", again.Stderr);
    }

    [Fact]
    public async Task A_pool_that_does_not_exist_exits_2_saying_so()
    {
        var missing = EmulatorFixture.UniqueId("nopool");
        var result = await RunAsync("run", missing, "--", "true");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: Pool '{missing}' does not exist", result.Stderr);
        Assert.DoesNotContain("unexpected", result.Stderr);
    }

    /// <summary>chpc with the emulator's account options before the <c>--</c> that starts the command.</summary>
    private Task<CliResult> RunAsync(params string[] args)
    {
        var split = Array.IndexOf(args, "--");
        return split < 0
            ? emulator.ChpcAsync(args)
            : new CliEnvironment().RunAsync([.. args[..split], .. emulator.AccountArgs, .. args[split..]]);
    }

    [Fact]
    public async Task Run_names_its_source_and_refuses_a_pool_the_source_does_not_declare()
    {
        using var files = new TempFiles();
        var pool = await emulator.CreatePoolAsync("runsrc");
        var parameters = EmulatorFixture.Parameters(files, "declared");
        var refused = await RunAsync("run", pool, "--parameters", parameters, "--", "true");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"declares no pool '{pool}'", refused.Stderr);

        Assert.Equal(3, (await RunAsync("run", pool, "--env", "NOEQUALS", "--", "true")).ExitCode);
        Assert.Equal(3, (await RunAsync("run", pool, "--tasks", "0", "--", "true")).ExitCode);
        Assert.Equal(3, (await emulator.ChpcAsync("run", pool)).ExitCode);
    }
}
