using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// <see cref="BatchClient.CreateTasksAsync"/> against a stand-in of the service's task operations on loopback: requests
/// cut by count and by bytes, per-task results, retrying only what failed, and <c>TaskExists</c> judged by definition.
/// </summary>
public class CreateTasksTests
{
    [Fact]
    public async Task Many_tasks_go_in_requests_of_at_most_100_and_each_is_added_once()
    {
        await using var service = await TaskServiceStandIn.StartAsync();

        var result = await Client(service).CreateTasksAsync("job", Tasks(250), Fast());

        // Sent in parallel, they arrive in any order.
        Assert.Equal([50, 100, 100], service.CollectionRequests.Select(r => r.Length).Order());
        Assert.Equal(Ids(250), result.Added);
        Assert.Empty(result.AlreadyExisted);
        Assert.Equal(3, result.Requests);
        Assert.All(service.Creations.Values, n => Assert.Equal(1, n));
        Assert.Equal(250, service.Tasks.Count);
    }

    [Fact]
    public async Task Large_tasks_go_in_requests_under_1_MiB_and_none_is_refused_as_too_large()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        // About 300 KB each: three fit under 1 MiB, four do not.
        var tasks = Tasks(10, environmentValueBytes: 300_000).ToList();

        var result = await Client(service).CreateTasksAsync("job", tasks, Fast());

        Assert.Equal(10, result.Added.Count);
        Assert.All(service.BodySizes, size => Assert.InRange(size, 0, BatchClient.MaxTaskCollectionBytes - 1));
        Assert.Equal([1, 3, 3, 3], service.CollectionRequests.Select(r => r.Length).Order());
    }

    [Fact]
    public async Task A_task_too_large_for_any_request_is_refused_by_name_before_anything_is_sent()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        var tasks = Tasks(3).Append(Task("huge", environmentValueBytes: 1_100_000)).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(service).CreateTasksAsync("job", tasks, Fast()));

        Assert.Contains("Task 'huge'", error.Message, StringComparison.Ordinal);
        Assert.Empty(service.CollectionRequests);
    }

    [Fact]
    public async Task Ids_given_twice_ignoring_case_are_refused_by_name_before_anything_is_sent()
    {
        await using var service = await TaskServiceStandIn.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Client(service).CreateTasksAsync("job", [Task("task-1"), Task("TASK-1")], Fast()));

        Assert.Contains("'TASK-1' is given twice", error.Message, StringComparison.Ordinal);
        Assert.Empty(service.CollectionRequests);
    }

    [Fact]
    public async Task Only_the_tasks_that_failed_on_the_services_side_are_sent_again()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        var failOnce = new HashSet<string>(["task-7", "task-42", "task-130"]);
        service.TaskServerError = id => failOnce.Remove(id);

        var result = await Client(service).CreateTasksAsync("job", Tasks(150), Fast());

        var requests = service.CollectionRequests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(["task-7", "task-42", "task-130"], requests[2]);
        Assert.Equal(Ids(150).Order(), result.Added.Order());
        Assert.Empty(service.SentAfterSuccess);
    }

    [Fact]
    public async Task A_task_already_there_with_the_same_definition_counts_as_done_despite_the_defaults_the_service_echoes()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        var existing = Task("task-1");
        existing.Constraints = new BatchTaskConstraints { MaxTaskRetryCount = 2 };
        existing.UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.NonAdmin } };
        service.Seed(Json(existing));
        // The same task, its lists in another order: still the same task.
        var again = Task("task-1");
        again.Constraints = new BatchTaskConstraints { MaxTaskRetryCount = 2 };
        again.UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.NonAdmin } };
        again.EnvironmentSettings = again.EnvironmentSettings!.Reverse().ToList();

        var result = await Client(service).CreateTasksAsync("job", [again, Task("task-2")], Fast());

        Assert.Equal(["task-1"], result.AlreadyExisted);
        Assert.Equal(["task-2"], result.Added);
        Assert.False(service.Creations.ContainsKey("task-1"));
    }

    [Fact]
    public async Task A_task_already_there_with_another_definition_is_a_failure_naming_the_task_and_what_differs()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        var other = Task("task-1");
        other.CommandLine = "/bin/bash -c 'something else'";
        service.Seed(Json(other));

        var error = await Assert.ThrowsAsync<CreateTasksException>(() => Client(service).CreateTasksAsync("job", [Task("task-1"), Task("task-2")], Fast()));

        Assert.Equal("TaskExists", error.ErrorCode);
        var failure = Assert.Single(error.Failures);
        Assert.Equal("task-1", failure.TaskId);
        Assert.Contains("Task 'task-1' already exists in job 'job' with another definition (it differs in commandLine)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["task-2"], error.Done.Added);
    }

    [Fact]
    public async Task A_task_that_differs_only_where_the_service_has_defaults_set_otherwise_is_another_definition()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        service.Seed(Json(Task("task-1")));
        var wanted = Task("task-1");
        wanted.RequiredSlots = 2;

        var error = await Assert.ThrowsAsync<CreateTasksException>(() => Client(service).CreateTasksAsync("job", [wanted], Fast()));

        Assert.Contains("it differs in requiredSlots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_lost_after_the_service_added_the_tasks_end_with_each_task_added_once()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        var faults = new Queue<RequestFault>([RequestFault.AnswerLostAfter, RequestFault.TimedOutAfter]);
        service.NextFault = _ => faults.Count > 0 ? faults.Dequeue() : RequestFault.None;

        // One request and no pipeline retries: both lost answers come back to CreateTasksAsync.
        var result = await Client(service, retries: 0).CreateTasksAsync("job", Tasks(80), Fast());

        Assert.Equal(Ids(80), result.AlreadyExisted);
        Assert.Empty(result.Added);
        Assert.All(service.Creations.Values, n => Assert.Equal(1, n));
        Assert.Equal(80, service.Creations.Count);
        Assert.Equal(3, service.CollectionRequests.Count);
    }

    [Fact]
    public async Task A_task_the_service_refuses_is_not_sent_again_and_the_failure_names_it_with_the_services_reason()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        service.TaskClientError = task => task["id"]!.GetValue<string>() == "task-3"
            ? ("InvalidPropertyValue", "The value provided for one of the properties in the request body is invalid.")
            : null;

        var error = await Assert.ThrowsAsync<CreateTasksException>(() => Client(service).CreateTasksAsync("job", Tasks(5), Fast()));

        Assert.Equal("InvalidPropertyValue", error.ErrorCode);
        Assert.Equal(["task-3"], error.Failures.Select(f => f.TaskId));
        Assert.Equal((BatchTaskAddStatus?)BatchTaskAddStatus.ClientError, error.Failures[0].Status);
        Assert.Contains("1 of 5 tasks were not added to job 'job': 'task-3': InvalidPropertyValue", error.Message, StringComparison.Ordinal);
        Assert.Equal(["task-0", "task-1", "task-2", "task-4"], error.Done.Added);
        Assert.Single(service.CollectionRequests);
    }

    [Fact]
    public async Task A_missing_job_ends_the_call_with_the_services_error()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        service.JobExists = false;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(service).CreateTasksAsync("job", Tasks(250), Fast(parallelism: 1)));

        Assert.IsNotType<CreateTasksException>(error);
        Assert.Equal((404, "JobNotFound"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task A_request_the_service_finds_too_large_is_split_until_it_fits()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        service.MaxBodyBytes = 20_000;

        var result = await Client(service).CreateTasksAsync("job", Tasks(40, environmentValueBytes: 1_000), Fast());

        Assert.Equal(Ids(40).Order(), result.Added.Order());
        Assert.Contains(service.BodySizes, size => size >= 20_000);
        Assert.All(service.Creations.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Tasks_still_failing_after_every_attempt_are_named_with_their_last_error()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        service.TaskServerError = id => id == "task-1";

        var error = await Assert.ThrowsAsync<CreateTasksException>(() =>
            Client(service).CreateTasksAsync("job", Tasks(3), new CreateTasksOptions { MaxAttempts = 3, RetryDelays = DelayStrategy.CreateFixedDelayStrategy(TimeSpan.Zero) }));

        Assert.Equal(["task-1"], error.Failures.Select(f => f.TaskId));
        Assert.Equal((BatchTaskAddStatus?)BatchTaskAddStatus.ServerError, error.Failures[0].Status);
        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Equal(3, service.CollectionRequests.Count(r => r.Contains("task-1")));
    }

    [Fact]
    public async Task Bad_options_and_arguments_are_refused_naming_the_value()
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        var client = Client(service);

        var parallelism = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CreateTasksAsync("job", Tasks(1), new CreateTasksOptions { MaxDegreeOfParallelism = 0 }));
        var attempts = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CreateTasksAsync("job", Tasks(1), new CreateTasksOptions { MaxAttempts = 0 }));
        var noId = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTasksAsync("job", [new BatchTaskCreateOptions { CommandLine = "true" }]));

        Assert.Contains("MaxDegreeOfParallelism is 0", parallelism.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts is 0", attempts.Message, StringComparison.Ordinal);
        Assert.Contains("Task 0 of the tasks to add has no id", noId.Message, StringComparison.Ordinal);
    }

    internal static BatchClient Client(TaskServiceStandIn service, int retries = 3)
    {
        var options = new BatchClientOptions();
        options.Retry.MaxRetries = retries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
        return new BatchClient(service.Endpoint, new AzureNamedKeyCredential("devbatch", Convert.ToBase64String(new byte[32])), options);
    }

    internal static CreateTasksOptions Fast(int parallelism = 4) =>
        new() { MaxDegreeOfParallelism = parallelism, RetryDelays = DelayStrategy.CreateFixedDelayStrategy(TimeSpan.Zero) };

    internal static IEnumerable<BatchTaskCreateOptions> Tasks(int count, int environmentValueBytes = 0) =>
        Enumerable.Range(0, count).Select(i => Task($"task-{i}", environmentValueBytes));

    internal static List<string> Ids(int count) => Enumerable.Range(0, count).Select(i => $"task-{i}").ToList();

    internal static BatchTaskCreateOptions Task(string id, int environmentValueBytes = 0) => new()
    {
        Id = id,
        CommandLine = "/bin/bash -c 'echo $CHPC_TASK_INDEX'",
        EnvironmentSettings =
        [
            new EnvironmentSetting { Name = "CHPC_TASK_INDEX", Value = id },
            new EnvironmentSetting { Name = "CHPC_PAYLOAD", Value = new string('x', environmentValueBytes) },
        ],
    };

    private static JsonObject Json(BatchTaskCreateOptions task) =>
        System.Text.Json.JsonSerializer.SerializeToNode(task, BatchJsonContext.Default.BatchTaskCreateOptions)!.AsObject();
}
