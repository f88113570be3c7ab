using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Azure;
using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Tests.Batch.ClientRequestTests;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// What the job, task, task count and task file operations put on the wire (verb, path, query, body) and how they read
/// the service's answers and failures, seen through a transport that records requests.
/// </summary>
public class JobTaskRequestTests
{
    [Fact]
    public async Task Create_job_posts_the_job_on_its_pool_with_on_all_tasks_complete()
    {
        var (client, handler) = Client("", HttpStatusCode.Created);

        await client.CreateJobAsync(new BatchJobCreateOptions
        {
            Id = "job-1",
            PoolInfo = new BatchPoolInfo { PoolId = "redwood" },
            OnAllTasksComplete = OnAllBatchTasksComplete.TerminateJob,
            Constraints = new BatchJobConstraints { MaxWallClockTime = TimeSpan.FromHours(2), MaxTaskRetryCount = 1 },
            Metadata = [new BatchMetadataItem { Name = "owner", Value = "ClusterlessHpc" }],
        });

        var request = handler.Requests.Single();
        Assert.Equal("/jobs", request.Uri.AbsolutePath);
        Assert.Equal(
            """{"id":"job-1","constraints":{"maxWallClockTime":"PT2H","maxTaskRetryCount":1},"poolInfo":{"poolId":"redwood"},"onAllTasksComplete":"terminatejob","metadata":[{"name":"owner","value":"ClusterlessHpc"}]}""",
            request.Body);
        Assert.Empty(BatchApiSpec.Validate(JsonNode.Parse(request.Body), "JobAddParameter"));
    }

    [Fact]
    public async Task Get_job_reads_state_pool_and_execution_info_and_sends_select_and_expand()
    {
        var (client, handler) = Client("""
            {"id":"j","state":"completed","poolInfo":{"poolId":"p"},"onAllTasksComplete":"terminatejob",
             "executionInfo":{"startTime":"2025-01-01T00:00:00Z","endTime":"2025-01-01T00:10:00Z","poolId":"p","terminateReason":"AllTasksComplete"}}
            """);

        var job = (await client.GetJobAsync("j 1", select: ["id", "state"], expand: ["stats"])).Value;

        Assert.Equal((BatchJobState?)BatchJobState.Completed, job.State);
        Assert.Equal("p", job.PoolInfo!.PoolId);
        Assert.Equal((OnAllBatchTasksComplete?)OnAllBatchTasksComplete.TerminateJob, job.OnAllTasksComplete);
        Assert.Equal("AllTasksComplete", job.ExecutionInfo!.TerminateReason);
        var request = handler.Requests.Single();
        Assert.Equal("/jobs/j%201", request.Uri.AbsolutePath);
        var query = HttpUtility.ParseQueryString(request.Uri.Query);
        Assert.Equal(("id,state", "stats"), (query["$select"], query["$expand"]));
    }

    [Fact]
    public async Task List_jobs_and_tasks_send_filter_select_and_maxresults_and_follow_next_links()
    {
        const string next = "https://myaccount.westeurope.batch.azure.com/jobs/j/tasks?api-version=2024-07-01.20.0&$skiptoken=t2";
        var (client, handler) = Client(
            """{"value":[{"id":"j","state":"active"}]}""",
            """{"value":[{"id":"t1","state":"completed"}],"odata.nextLink":"NEXT"}""".Replace("NEXT", next),
            """{"value":[{"id":"t2","state":"running"}]}""");

        var jobs = new List<BatchJob>();
        await foreach (var job in client.GetJobsAsync(filter: "state eq 'active'", maxResults: 10)) jobs.Add(job);
        var tasks = new List<BatchTask>();
        await foreach (var task in client.GetTasksAsync("j", filter: "state eq 'completed'", select: ["id", "state"], maxResults: 1)) tasks.Add(task);

        Assert.Equal("j", Assert.Single(jobs).Id);
        Assert.Equal(["t1", "t2"], tasks.Select(t => t.Id));
        Assert.Equal((BatchTaskState?)BatchTaskState.Running, tasks[1].State);
        var jobQuery = HttpUtility.ParseQueryString(handler.Requests[0].Uri.Query);
        Assert.Equal(("/jobs", "state eq 'active'", "10"), (handler.Requests[0].Uri.AbsolutePath, jobQuery["$filter"], jobQuery["maxresults"]));
        var taskQuery = HttpUtility.ParseQueryString(handler.Requests[1].Uri.Query);
        Assert.Equal(("/jobs/j/tasks", "state eq 'completed'", "id,state", "1"),
            (handler.Requests[1].Uri.AbsolutePath, taskQuery["$filter"], taskQuery["$select"], taskQuery["maxresults"]));
        Assert.Equal(new Uri(next), handler.Requests[2].Uri);
    }

    [Fact]
    public async Task Patch_terminate_and_delete_job_use_the_specs_verbs_paths_statuses_and_options()
    {
        var (patch, patched) = Client("", HttpStatusCode.OK);
        var (terminate, terminated) = Client("", HttpStatusCode.Accepted);
        var (delete, deleted) = Client("", HttpStatusCode.Accepted);

        await patch.UpdateJobAsync("j", new BatchJobUpdateOptions { Priority = 100, OnAllTasksComplete = OnAllBatchTasksComplete.TerminateJob },
            new RequestConditions { IfMatch = new ETag("0x8D4") });
        await terminate.TerminateJobAsync("j", new BatchJobTerminateOptions { TerminateReason = "enough" }, force: true);
        await terminate.TerminateJobAsync("j");
        await delete.DeleteJobAsync("j", force: true);

        Assert.Equal("""{"priority":100,"onAllTasksComplete":"terminatejob"}""", patched.Requests[0].Body);
        Assert.Equal("0x8D4", patched.Requests[0].Headers["If-Match"]);
        Assert.Equal("/jobs/j/terminate", terminated.Requests[0].Uri.AbsolutePath);
        Assert.Equal("true", HttpUtility.ParseQueryString(terminated.Requests[0].Uri.Query)["force"]);
        Assert.Equal("""{"terminateReason":"enough"}""", terminated.Requests[0].Body);
        Assert.Equal("", terminated.Requests[1].Body);
        Assert.Null(HttpUtility.ParseQueryString(terminated.Requests[1].Uri.Query)["force"]);
        Assert.Equal("/jobs/j", deleted.Requests[0].Uri.AbsolutePath);
        Assert.Equal("true", HttpUtility.ParseQueryString(deleted.Requests[0].Uri.Query)["force"]);
    }

    [Fact]
    public async Task Task_counts_read_tasks_and_slots_by_state()
    {
        var (client, handler) = Client("""
            {"odata.metadata":"x","taskCounts":{"active":5,"running":7,"completed":4,"succeeded":3,"failed":1},
             "taskSlotCounts":{"active":10,"running":14,"completed":8,"succeeded":6,"failed":2}}
            """);

        var counts = (await client.GetJobTaskCountsAsync("j")).Value;

        Assert.Equal("/jobs/j/taskcounts", handler.Requests.Single().Uri.AbsolutePath);
        Assert.Equal((5, 7, 4, 3, 1), (counts.TaskCounts.Active, counts.TaskCounts.Running, counts.TaskCounts.Completed, counts.TaskCounts.Succeeded, counts.TaskCounts.Failed));
        Assert.Equal((10, 14, 8, 6, 2), (counts.TaskSlotCounts.Active, counts.TaskSlotCounts.Running, counts.TaskSlotCounts.Completed, counts.TaskSlotCounts.Succeeded, counts.TaskSlotCounts.Failed));
    }

    [Fact]
    public async Task Create_task_posts_one_task_and_a_collection_posts_value_and_reads_each_result()
    {
        var (one, single) = Client("", HttpStatusCode.Created);
        var (many, collection) = Client("""
            {"value":[{"status":"Success","taskId":"a","eTag":"0x1","location":"https://x/jobs/j/tasks/a"},
                      {"status":"ClientError","taskId":"b","error":{"code":"TaskExists","message":{"value":"The specified task already exists."}}}]}
            """);
        var task = new BatchTaskCreateOptions
        {
            Id = "a",
            CommandLine = "/bin/bash -c 'echo $CHPC_TASK_INDEX'",
            EnvironmentSettings = [new EnvironmentSetting { Name = "CHPC_TASK_INDEX", Value = "0" }],
            RequiredSlots = 2,
            Constraints = new BatchTaskConstraints { MaxWallClockTime = TimeSpan.FromMinutes(5), MaxTaskRetryCount = 2 },
        };

        await one.CreateTaskAsync("j", task);
        var results = (await many.CreateTaskCollectionAsync("j", new BatchTaskGroup([task, new BatchTaskCreateOptions { Id = "b", CommandLine = "true" }]))).Value;

        Assert.Equal("/jobs/j/tasks", single.Requests[0].Uri.AbsolutePath);
        JsonAssert.Equal(
            JsonNode.Parse("""{"id":"a","commandLine":"/bin/bash -c 'echo $CHPC_TASK_INDEX'","environmentSettings":[{"name":"CHPC_TASK_INDEX","value":"0"}],"constraints":{"maxWallClockTime":"PT5M","maxTaskRetryCount":2},"requiredSlots":2}"""),
            JsonNode.Parse(single.Requests[0].Body));
        Assert.Empty(BatchApiSpec.Validate(JsonNode.Parse(single.Requests[0].Body), "TaskAddParameter"));
        Assert.Equal("/jobs/j/addtaskcollection", collection.Requests[0].Uri.AbsolutePath);
        Assert.Empty(BatchApiSpec.Validate(JsonNode.Parse(collection.Requests[0].Body), "TaskAddCollectionParameter"));
        Assert.Equal([BatchTaskAddStatus.Success, BatchTaskAddStatus.ClientError], results.Value!.Select(r => r.Status));
        Assert.Equal("TaskExists", results.Value![1].Error!.Code);
    }

    [Fact]
    public async Task Get_terminate_and_delete_task_use_the_specs_paths_and_statuses()
    {
        var (get, got) = Client("""
            {"id":"t","state":"completed","commandLine":"true","requiredSlots":1,
             "executionInfo":{"startTime":"2025-01-01T00:00:00Z","endTime":"2025-01-01T00:00:10Z","exitCode":3,"retryCount":0,"requeueCount":0,"result":"failure",
                              "failureInfo":{"category":"usererror","code":"FailureExitCode","message":"The task exited with an exit code representing a failure"}},
             "nodeInfo":{"poolId":"p","nodeId":"tvm-1","taskRootDirectory":"workitems/j/job-1/t"}}
            """);
        var (terminate, terminated) = Client("", HttpStatusCode.NoContent);
        var (delete, deleted) = Client("", HttpStatusCode.OK);

        var task = (await get.GetTaskAsync("j", "t", select: ["id", "executionInfo"])).Value;
        await terminate.TerminateTaskAsync("j", "t");
        await delete.DeleteTaskAsync("j", "t");

        Assert.Equal("/jobs/j/tasks/t", got.Requests[0].Uri.AbsolutePath);
        Assert.Equal("id,executionInfo", HttpUtility.ParseQueryString(got.Requests[0].Uri.Query)["$select"]);
        Assert.Equal((3, "FailureExitCode", "tvm-1"), (task.ExecutionInfo!.ExitCode, task.ExecutionInfo.FailureInfo!.Code, task.NodeInfo!.NodeId));
        Assert.Equal("/jobs/j/tasks/t/terminate", terminated.Requests[0].Uri.AbsolutePath);
        Assert.Equal("/jobs/j/tasks/t", deleted.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Task_files_list_recursively_and_read_with_each_path_segment_escaped()
    {
        var (list, listed) = Client("""{"value":[{"name":"stdout.txt","isDirectory":false,"properties":{"lastModified":"2025-01-01T00:00:00Z","contentLength":"12"}}]}""");
        var (read, reads) = Client("hello");

        var files = new List<BatchNodeFile>();
        await foreach (var file in list.GetTaskFilesAsync("j", "t", recursive: true)) files.Add(file);
        var content = await read.GetTaskFileAsync("j", "t", "wd/out put.txt", new HttpRange(0, 5));

        Assert.Equal(12, Assert.Single(files).Properties!.ContentLength);
        Assert.Equal("/jobs/j/tasks/t/files", listed.Requests[0].Uri.AbsolutePath);
        Assert.Equal("true", HttpUtility.ParseQueryString(listed.Requests[0].Uri.Query)["recursive"]);
        Assert.Equal("/jobs/j/tasks/t/files/wd/out%20put.txt", reads.Requests[0].Uri.AbsolutePath);
        Assert.Equal("bytes=0-4", reads.Requests[0].Headers["ocp-range"]);
        Assert.Equal("hello", content.Value.ToString());
    }

    [Fact]
    public async Task A_job_failure_carries_the_batch_code_and_each_call_is_an_activity_named_for_its_method()
    {
        var activities = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = ListenToClientActivities(activities);
        var (client, _) = Client("""{"code":"JobNotFound","message":{"value":"The specified job does not exist."}}""", HttpStatusCode.NotFound);
        using var parent = new Activity("test").Start();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetJobAsync("j", CancellationToken.None));
        await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateTaskAsync("j", new BatchTaskCreateOptions { Id = "t", CommandLine = "true" }));

        Assert.Equal((404, "JobNotFound"), (error.Status, error.ErrorCode));
        var mine = activities.Where(a => a.ParentId == parent.Id).ToList();
        Assert.Equal(["BatchClient.CreateTask", "BatchClient.GetJob"], mine.Select(a => a.OperationName).Order());
        Assert.All(mine, a => Assert.Equal("JobNotFound", a.GetTagItem("error.type")));
    }
}
