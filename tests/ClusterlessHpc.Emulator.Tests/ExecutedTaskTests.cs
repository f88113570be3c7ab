using System.Net;
using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.StartTasks;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Tasks executed for real (<c>--execute-tasks</c>): the command line split without a shell and run in the task's
    /// working directory on its node, as the node's user, with the task's AZ_BATCH_* variables and its environment;
    /// its exit code deciding its result; <c>stdout.txt</c> and <c>stderr.txt</c> readable as task files.
    /// </summary>
    public sealed class ExecutedTaskTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task A_task_runs_its_command_line_in_its_directory_and_its_output_is_served_as_task_files()
        {
            using var folder = QuickEmulators.Folder();
            var options = QuickEmulators.Executing(folder.Path);
            options.ExecuteTasks = true;
            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);
            using var requests = new JsonRequests(emulator);
            var pool = TestPools.UniqueId("exec");
            await emulator.CreateClient().CreatePoolAsync(TestPools.Create(pool, dedicatedNodes: 1, TestPools.CommandLine("/bin/true")), Cancel);
            await requests.PostAsync("jobs", new JsonObject
            {
                ["id"] = "run",
                ["poolInfo"] = new JsonObject { ["poolId"] = pool },
                ["commonEnvironmentSettings"] = new JsonArray(new JsonObject { ["name"] = "FROM_JOB", ["value"] = "job value" }),
            });
            await requests.PostAsync("jobs/run/tasks", new JsonObject
            {
                ["id"] = "t1",
                ["commandLine"] = "/bin/bash -c 'echo \"$AZ_BATCH_JOB_ID/$AZ_BATCH_TASK_ID $FROM_JOB|$FROM_TASK\"; pwd; id -u; echo oops >&2; exit 3'",
                ["environmentSettings"] = new JsonArray(new JsonObject { ["name"] = "FROM_TASK", ["value"] = "task value" }),
            });

            var task = await Poll.UntilAsync(() => requests.GetAsync("jobs/run/tasks/t1"), r => r.Body?["state"]?.GetValue<string>() == "completed", "the task to complete", Cancel);
            var stdout = await requests.GetAsync("jobs/run/tasks/t1/files/stdout.txt");
            var stderr = await requests.GetAsync("jobs/run/tasks/t1/files/stderr.txt");
            var files = await requests.GetAsync("jobs/run/tasks/t1/files?recursive=true");
            var nodeId = task.Body!["nodeInfo"]!["nodeId"]!.GetValue<string>();
            var lines = stdout.Text.Split('\n');

            var execution = task.Body!["executionInfo"]!;
            Assert.Equal((3, "FailureExitCode"), (execution["exitCode"]!.GetValue<int>(), execution["failureInfo"]!["code"]!.GetValue<string>()));
            Assert.Equal("run/t1 job value|task value", lines[0]);
            Assert.Equal(Path.Combine(folder.Path, pool, nodeId, "workitems", "run", "job-1", "t1", "wd"), lines[1]);
            if (Sandbox.IsRoot) Assert.NotEqual("0", lines[2]);
            Assert.Equal((HttpStatusCode.OK, "oops\n"), (stderr.Status, stderr.Text));
            Assert.Null(stdout.Header("x-chpc-emulator-task"));
            Assert.Equal(["stderr.txt", "stdout.txt", "wd"], files.Body!["value"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        }
    }
}
