using System.Collections.Concurrent;
using static ClusterlessHpc.Tests.Batch.CreateTasksTests;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// Adding tasks through 20 % injected faults (docs/reliability.md): of all add-task-collection requests, 20 % fail,
/// split evenly five ways (500 and 503 before the service looks at them, a connection reset before, the answer lost
/// after the tasks were added, and 500 <c>OperationTimedOut</c> after they were added), and 1 % of the tasks in answered
/// requests get a <c>servererror</c>. Every task must end in the job exactly once, none missing, none created twice, and
/// none sent again after its success was answered.
/// </summary>
public class CreateTasksFaultTests
{
    private const int TaskCount = 10_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Through_20_percent_faults_every_task_is_added_exactly_once(int seed)
    {
        await using var service = await TaskServiceStandIn.StartAsync();
        // Each draw depends on the seed, the request's (or task's) id and how often it was seen, not on the order in
        // which parallel requests arrive, so a seed gives the same faults every run.
        var seen = new ConcurrentDictionary<string, int>();
        double Draw(string key) => Uniform(seed, key, seen.AddOrUpdate(key, 1, (_, n) => n + 1));
        service.NextFault = ids =>
        {
            var draw = Draw("request:" + ids[0] + ":" + ids.Length);
            return draw >= 0.20 ? RequestFault.None : (RequestFault)(1 + (int)(draw / 0.04));
        };
        service.TaskServerError = id => Draw("task:" + id) < 0.01;

        var result = await Client(service).CreateTasksAsync("job", Tasks(TaskCount), Fast());

        Assert.Equal(Ids(TaskCount).Order(StringComparer.Ordinal), result.Added.Concat(result.AlreadyExisted).Order(StringComparer.Ordinal));
        Assert.Equal(TaskCount, service.Tasks.Count);
        Assert.All(service.Creations.Values, n => Assert.Equal(1, n));
        Assert.Empty(service.SentAfterSuccess);
        // Every kind of fault happened, and answers lost after adding came back as tasks already there.
        Assert.Equal(5, service.Injected.Count);
        Assert.NotEmpty(result.AlreadyExisted);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"seed {seed}: {TaskCount} tasks, {service.CollectionRequests.Count} requests received ({result.Requests} sent by CreateTasksAsync, the rest the pipeline's retries); " +
            $"faults: {string.Join(", ", service.Injected.OrderBy(f => f.Key).Select(f => $"{f.Value} {f.Key}"))}; {service.TaskServerErrors} task server errors; " +
            $"added {result.Added.Count}, found already added {result.AlreadyExisted.Count}; created twice 0, missing 0, sent after success 0");
    }

    /// <summary>A uniform draw in [0, 1) from FNV-1a of the seed, key and count (string hashes differ per process).</summary>
    private static double Uniform(int seed, string key, int count)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in $"{seed}|{key}|{count}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        // Mix the high bits down: FNV's low bits are weak.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (hash >> 11) / (double)(1UL << 53);
    }
}
