using System.Net;
using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The job, task, task-count and task-file operations over loopback HTTP, on the emulator's manual clock.</summary>
    public sealed class JobTaskRoutesTests : IClassFixture<DefaultEmulatorFixture>, IDisposable
    {
        private static readonly TimeSpan Boot = Creating + Starting + StartTask;

        private readonly DefaultEmulatorFixture _fixture;
        private readonly JsonRequests _requests;

        public JobTaskRoutesTests(DefaultEmulatorFixture fixture)
        {
            _fixture = fixture;
            _requests = new JsonRequests(fixture.Emulator);
        }

        public void Dispose() => _requests.Dispose();

        private async Task<string> ReadyPoolAsync(int nodes = 1, int slots = 1)
        {
            var id = TestPools.UniqueId("jobs");
            var pool = TestPools.Create(id, dedicatedNodes: nodes);
            pool.TaskSlotsPerNode = slots;
            await _fixture.Client.CreatePoolAsync(pool, TestContext.Current.CancellationToken);
            _fixture.Clock.Advance(Boot);
            return id;
        }

        [Fact]
        public async Task A_job_is_added_read_listed_patched_terminated_and_deleted_with_the_services_statuses()
        {
            var pool = await ReadyPoolAsync();
            var id = TestPools.UniqueId("job");

            var added = await _requests.PostAsync("jobs", JsonRequests.Job(id, pool));
            var again = await _requests.PostAsync("jobs", JsonRequests.Job(id.ToUpperInvariant(), pool));
            var read = await _requests.GetAsync("jobs/" + id);
            var patched = await _requests.SendAsync(HttpMethod.Patch, "jobs/" + id, new JsonObject { ["priority"] = 100 });
            var badPatch = await _requests.SendAsync(HttpMethod.Patch, "jobs/" + id, new JsonObject { ["priority"] = 5000 });
            var listed = await _requests.GetAsync($"jobs?$filter=id eq '{id}' and priority eq 100&$select=id,state,priority");
            var missing = await _requests.GetAsync("jobs/no-such-job");
            var terminated = await _requests.PostAsync("jobs/" + id + "/terminate", new JsonObject { ["terminateReason"] = "done here" });
            var afterTerminate = await _requests.GetAsync("jobs/" + id);
            var addToCompleted = await _requests.PostAsync("jobs/" + id + "/tasks", JsonRequests.Task("late"));
            var deleted = await _requests.SendAsync(HttpMethod.Delete, "jobs/" + id);
            var deleting = await _requests.GetAsync("jobs/" + id);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            var gone = await _requests.GetAsync("jobs/" + id);

            Assert.Equal(HttpStatusCode.Created, added.Status);
            Assert.EndsWith("/jobs/" + id, added.Header("DataServiceId"), StringComparison.Ordinal);
            Assert.NotNull(added.Header("ETag"));
            Assert.Equal((HttpStatusCode.Conflict, "JobExists"), (again.Status, again.ErrorCode));
            var job = read.Body!;
            Assert.Equal(("active", pool, 0, -1, "noaction"), (job["state"]!.GetValue<string>(), job["poolInfo"]!["poolId"]!.GetValue<string>(),
                job["priority"]!.GetValue<int>(), job["maxParallelTasks"]!.GetValue<int>(), job["onAllTasksComplete"]!.GetValue<string>()));
            Assert.Equal("P10675199DT2H48M5.4775807S", job["constraints"]!["maxWallClockTime"]!.GetValue<string>());
            Assert.Equal(added.Header("ETag"), read.Header("ETag"));
            Assert.Equal(HttpStatusCode.OK, patched.Status);
            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (badPatch.Status, badPatch.ErrorCode));
            var only = Assert.Single(listed.Body!["value"]!.AsArray())!.AsObject();
            Assert.Equal(["id", "state", "priority"], only.Select(p => p.Key));
            Assert.Equal((HttpStatusCode.NotFound, "JobNotFound"), (missing.Status, missing.ErrorCode));
            Assert.Equal(HttpStatusCode.Accepted, terminated.Status);
            Assert.Equal(("completed", "done here", "active"), (afterTerminate.Body!["state"]!.GetValue<string>(),
                afterTerminate.Body!["executionInfo"]!["terminateReason"]!.GetValue<string>(), afterTerminate.Body!["previousState"]!.GetValue<string>()));
            Assert.Equal((HttpStatusCode.Conflict, "JobCompleted"), (addToCompleted.Status, addToCompleted.ErrorCode));
            Assert.Equal(HttpStatusCode.Accepted, deleted.Status);
            Assert.Equal("deleting", deleting.Body!["state"]!.GetValue<string>());
            Assert.Equal((HttpStatusCode.NotFound, "JobNotFound"), (gone.Status, gone.ErrorCode));
        }

        [Fact]
        public async Task Tasks_run_on_the_clock_and_are_read_listed_counted_and_their_files_served()
        {
            var pool = await ReadyPoolAsync(nodes: 1, slots: 2);
            var job = TestPools.UniqueId("job");
            await _requests.PostAsync("jobs", JsonRequests.Job(job, pool));

            var one = await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("ok", duration: "10s"));
            var dup = await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("OK"));
            var failing = await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("fails", duration: "20s", exitCode: 2));
            await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("waits", duration: "1m"));
            var running = await _requests.GetAsync($"jobs/{job}/tasks/ok");
            var countsRunning = await _requests.GetAsync($"jobs/{job}/taskcounts");
            _fixture.Clock.Advance(TimeSpan.FromSeconds(20));
            var succeeded = await _requests.GetAsync($"jobs/{job}/tasks/ok");
            var failed = await _requests.GetAsync($"jobs/{job}/tasks/fails");
            var completed = await _requests.GetAsync($"jobs/{job}/tasks?$filter=state eq 'completed'&$select=id,executionInfo");
            var counts = await _requests.GetAsync($"jobs/{job}/taskcounts");
            var files = await _requests.GetAsync($"jobs/{job}/tasks/ok/files");
            var stdout = await _requests.GetAsync($"jobs/{job}/tasks/ok/files/stdout.txt");
            var properties = await _requests.SendAsync(HttpMethod.Head, $"jobs/{job}/tasks/ok/files/stderr.txt");
            var noFile = await _requests.GetAsync($"jobs/{job}/tasks/ok/files/nothing.txt");

            Assert.Equal(HttpStatusCode.Created, one.Status);
            Assert.EndsWith($"/jobs/{job}/tasks/ok", one.Header("DataServiceId"), StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.Conflict, "TaskExists"), (dup.Status, dup.ErrorCode));
            Assert.Equal(HttpStatusCode.Created, failing.Status);
            Assert.Equal("running", running.Body!["state"]!.GetValue<string>());
            Assert.StartsWith("tvm-", running.Body!["nodeInfo"]!["nodeId"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal($"workitems/{job}/job-1/ok", running.Body!["nodeInfo"]!["taskRootDirectory"]!.GetValue<string>());
            Assert.Equal((1, 2, 0), (countsRunning.Body!["taskCounts"]!["active"]!.GetValue<int>(), countsRunning.Body!["taskCounts"]!["running"]!.GetValue<int>(),
                countsRunning.Body!["taskCounts"]!["completed"]!.GetValue<int>()));
            var ok = succeeded.Body!["executionInfo"]!;
            Assert.Equal(("completed", 0, "success"), (succeeded.Body!["state"]!.GetValue<string>(), ok["exitCode"]!.GetValue<int>(), ok["result"]!.GetValue<string>()));
            Assert.Equal(TimeSpan.FromSeconds(10), DateTimeOffset.Parse(ok["endTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
                                                    - DateTimeOffset.Parse(ok["startTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            var bad = failed.Body!["executionInfo"]!;
            Assert.Equal((2, "failure", "FailureExitCode", "UserError"), (bad["exitCode"]!.GetValue<int>(), bad["result"]!.GetValue<string>(),
                bad["failureInfo"]!["code"]!.GetValue<string>(), bad["failureInfo"]!["category"]!.GetValue<string>()));
            Assert.Equal(["fails", "ok"], completed.Body!["value"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).Order());
            Assert.All(completed.Body!["value"]!.AsArray(), t => Assert.Equal(2, t!.AsObject().Count));
            var taskCounts = counts.Body!["taskCounts"]!;
            Assert.Equal((0, 1, 2, 1, 1), (taskCounts["active"]!.GetValue<int>(), taskCounts["running"]!.GetValue<int>(), taskCounts["completed"]!.GetValue<int>(),
                taskCounts["succeeded"]!.GetValue<int>(), taskCounts["failed"]!.GetValue<int>()));
            Assert.Equal(["stderr.txt", "stdout.txt", "wd"], files.Body!["value"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
            Assert.EndsWith($"/jobs/{job}/tasks/ok/files/stdout.txt", files.Body!["value"]![1]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.OK, "", "simulated"), (stdout.Status, stdout.Text, stdout.Header("x-chpc-emulator-task")));
            Assert.Equal((HttpStatusCode.OK, "false", "0"), (properties.Status, properties.Header("ocp-batch-file-isdirectory"), properties.Header("Content-Length")));
            Assert.Equal((HttpStatusCode.NotFound, "FileNotFound"), (noFile.Status, noFile.ErrorCode));
        }

        [Fact]
        public async Task A_task_collection_gives_a_result_per_task_within_the_services_limits()
        {
            var pool = await ReadyPoolAsync();
            var job = TestPools.UniqueId("job");
            await _requests.PostAsync("jobs", JsonRequests.Job(job, pool));
            await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("existing"));

            var collection = await _requests.PostAsync($"jobs/{job}/addtaskcollection", new JsonObject
            {
                ["value"] = new JsonArray(JsonRequests.Task("new-1"), JsonRequests.Task("existing"), JsonRequests.Task("bad-duration", duration: "soon"),
                    new JsonObject { ["id"] = "mpi", ["commandLine"] = "mpirun a", ["multiInstanceSettings"] = new JsonObject { ["numberOfInstances"] = 2 } }),
            });
            var tooMany = await _requests.PostAsync($"jobs/{job}/addtaskcollection",
                new JsonObject { ["value"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)JsonRequests.Task("many-" + i)).ToArray()) });
            var padding = new string('x', 1024 * 1024);
            var tooLarge = await _requests.PostAsync($"jobs/{job}/addtaskcollection",
                new JsonObject { ["value"] = new JsonArray(new JsonObject { ["id"] = "large", ["commandLine"] = "echo " + padding }) });
            var listed = await _requests.GetAsync($"jobs/{job}/tasks?$select=id");

            Assert.Equal(HttpStatusCode.OK, collection.Status);
            var results = collection.Body!["value"]!.AsArray();
            Assert.Equal([("new-1", "Success"), ("existing", "ClientError"), ("bad-duration", "ClientError"), ("mpi", "ClientError")],
                results.Select(r => (r!["taskId"]!.GetValue<string>(), r["status"]!.GetValue<string>())));
            Assert.EndsWith($"/jobs/{job}/tasks/new-1", results[0]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(["TaskExists", "InvalidPropertyValue", "InvalidPropertyValue"], results.Skip(1).Select(r => r!["error"]!["code"]!.GetValue<string>()));
            Assert.Contains(results[3]!["error"]!["values"]!.AsArray(), v => v!["value"]!.GetValue<string>() == "multiInstanceSettings");
            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (tooMany.Status, tooMany.ErrorCode));
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "RequestBodyTooLarge"), (tooLarge.Status, tooLarge.ErrorCode));
            Assert.Equal(["existing", "new-1"], listed.Body!["value"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        }

        [Fact]
        public async Task A_task_is_terminated_and_deleted_and_terminatejob_completes_its_job()
        {
            var pool = await ReadyPoolAsync();
            var job = TestPools.UniqueId("job");
            await _requests.PostAsync("jobs", JsonRequests.Job(job, pool, onAllTasksComplete: "terminatejob"));
            await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("long", duration: "1h"));
            await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("short", duration: "5s"));
            await _requests.PostAsync($"jobs/{job}/tasks", JsonRequests.Task("doomed", duration: "5s"));

            var terminated = await _requests.PostAsync($"jobs/{job}/tasks/long/terminate");
            var ended = await _requests.GetAsync($"jobs/{job}/tasks/long");
            var again = await _requests.PostAsync($"jobs/{job}/tasks/long/terminate");
            var deleted = await _requests.SendAsync(HttpMethod.Delete, $"jobs/{job}/tasks/doomed");
            var gone = await _requests.GetAsync($"jobs/{job}/tasks/doomed");
            var jobBefore = await _requests.GetAsync("jobs/" + job);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(5));
            var jobAfter = await _requests.GetAsync("jobs/" + job);

            Assert.Equal(HttpStatusCode.NoContent, terminated.Status);
            Assert.Equal(("completed", "TaskEnded"), (ended.Body!["state"]!.GetValue<string>(), ended.Body!["executionInfo"]!["failureInfo"]!["code"]!.GetValue<string>()));
            Assert.Equal((HttpStatusCode.Conflict, "TaskCompleted"), (again.Status, again.ErrorCode));
            Assert.Equal(HttpStatusCode.OK, deleted.Status);
            Assert.Equal((HttpStatusCode.NotFound, "TaskNotFound"), (gone.Status, gone.ErrorCode));
            Assert.Equal("active", jobBefore.Body!["state"]!.GetValue<string>());
            Assert.Equal(("completed", "AllTasksComplete"), (jobAfter.Body!["state"]!.GetValue<string>(), jobAfter.Body!["executionInfo"]!["terminateReason"]!.GetValue<string>()));
        }

        [Fact]
        public async Task Features_the_emulator_does_not_run_are_refused_by_name()
        {
            var pool = await ReadyPoolAsync();
            var manager = JsonRequests.Job(TestPools.UniqueId("job"), pool);
            manager["jobManagerTask"] = new JsonObject { ["id"] = "m", ["commandLine"] = "run" };
            var job = TestPools.UniqueId("job");
            await _requests.PostAsync("jobs", JsonRequests.Job(job, pool));
            var task = JsonRequests.Task("deps");
            task["dependsOn"] = new JsonObject { ["taskIds"] = new JsonArray("a") };

            var refusedJob = await _requests.PostAsync("jobs", manager);
            var refusedTask = await _requests.PostAsync($"jobs/{job}/tasks", task);

            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (refusedJob.Status, refusedJob.ErrorCode));
            Assert.Contains("jobManagerTask", refusedJob.Text, StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (refusedTask.Status, refusedTask.ErrorCode));
            Assert.Contains("task dependencies", refusedTask.Text, StringComparison.Ordinal);
        }
    }
}
