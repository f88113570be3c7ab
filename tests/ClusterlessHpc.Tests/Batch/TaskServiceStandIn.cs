using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>A fault the stand-in injects into one add-task-collection request.</summary>
internal enum RequestFault
{
    None,

    /// <summary>500 <c>InternalError</c> before the request is looked at.</summary>
    InternalErrorBefore,

    /// <summary>503 <c>ServerBusy</c> with <c>Retry-After: 0</c> before the request is looked at.</summary>
    ServerBusyBefore,

    /// <summary>The connection reset before the request is looked at.</summary>
    ResetBefore,

    /// <summary>The tasks added, then the connection reset: the answer is lost.</summary>
    AnswerLostAfter,

    /// <summary>The tasks added, then 500 <c>OperationTimedOut</c>, as the service answers a request that ran out of time.</summary>
    TimedOutAfter,
}

/// <summary>
/// A stand-in for the Batch service's task operations on loopback (real sockets, Kestrel): add-task-collection, add
/// task and get task, for one job, with the service's limits (100 tasks, under 1 MiB a request), its answers
/// (per-task results in an order of their own, <c>TaskExists</c>, the defaults it echoes on a task) and injected
/// faults. It records everything a test needs to judge the client: each task's creations, every request's task ids
/// and size, and any task sent again after its success was answered.
/// </summary>
internal sealed class TaskServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();

    private TaskServiceStandIn(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The tasks the job holds, by id ignoring case, as their create requests sent them.</summary>
    public ConcurrentDictionary<string, JsonObject> Tasks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often each task was created (a task made twice would show 2, even if the store kept one).</summary>
    public ConcurrentDictionary<string, int> Creations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The task ids of every add-task-collection request received, in arrival order.</summary>
    public ConcurrentQueue<string[]> CollectionRequests { get; } = new();

    /// <summary>The body size of every add-task-collection request received.</summary>
    public ConcurrentQueue<int> BodySizes { get; } = new();

    /// <summary>Tasks sent again although the success of their creation had been answered: the client retried what had not failed.</summary>
    public ConcurrentQueue<string> SentAfterSuccess { get; } = new();

    /// <summary>Every fault injected, by kind.</summary>
    public ConcurrentDictionary<RequestFault, int> Injected { get; } = new();

    /// <summary>Per-task server errors injected (the task not added).</summary>
    public int TaskServerErrors => _taskServerErrors;

    private int _taskServerErrors;
    private readonly ConcurrentDictionary<string, byte> _answeredSuccess = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fault of an add-task-collection request, given its task ids; none by default.</summary>
    public Func<string[], RequestFault> NextFault { get; set; } = _ => RequestFault.None;

    /// <summary>Whether one task of an answered request gets a <c>servererror</c> result instead of being added.</summary>
    public Func<string, bool> TaskServerError { get; set; } = _ => false;

    /// <summary>A client error (code, message) for one task instead of adding it, or null to add it.</summary>
    public Func<JsonObject, (string Code, string Message)?> TaskClientError { get; set; } = _ => null;

    /// <summary>A smaller body limit than the service's, to see the client split a request the service refuses with 413.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    public bool JobExists { get; set; } = true;

    public static async Task<TaskServiceStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var service = new TaskServiceStandIn(app);
        app.MapPost("/jobs/{job}/addtaskcollection", service.AddCollectionAsync);
        app.MapPost("/jobs/{job}/tasks", service.AddOneAsync);
        app.MapGet("/jobs/{job}/tasks/{task}", service.GetAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        service.Endpoint = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return service;
    }

    /// <summary>Seeds the job with a task, as an earlier run would have left it.</summary>
    public void Seed(JsonObject task) => Tasks[task["id"]!.GetValue<string>()] = task;

    private async Task AddCollectionAsync(HttpContext context, string job)
    {
        var bytes = await ReadBodyAsync(context);
        BodySizes.Enqueue(bytes.Length);
        if (!JobExists)
        {
            await ErrorAsync(context, 404, "JobNotFound", "The specified job does not exist.");
            return;
        }
        if (bytes.Length >= MaxBodyBytes)
        {
            await ErrorAsync(context, 413, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum permissible limit.");
            return;
        }
        var tasks = JsonNode.Parse(bytes)!["value"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var ids = tasks.Select(t => t["id"]!.GetValue<string>()).ToArray();
        CollectionRequests.Enqueue(ids);
        foreach (var id in ids.Where(_answeredSuccess.ContainsKey)) SentAfterSuccess.Enqueue(id);
        if (tasks.Count > 100)
        {
            await ErrorAsync(context, 400, "InvalidPropertyValue", "The number of tasks in the collection exceeds 100.");
            return;
        }

        var fault = NextFault(ids);
        if (fault != RequestFault.None) Injected.AddOrUpdate(fault, 1, (_, n) => n + 1);
        switch (fault)
        {
            case RequestFault.InternalErrorBefore:
                await ErrorAsync(context, 500, "InternalError", "Server encountered an internal error. Please try again after some time.");
                return;
            case RequestFault.ServerBusyBefore:
                context.Response.Headers.RetryAfter = "0";
                await ErrorAsync(context, 503, "ServerBusy", "The server is currently unable to receive requests. Please retry your request.");
                return;
            case RequestFault.ResetBefore:
                context.Abort();
                return;
        }

        var results = new JsonArray();
        var succeeded = new List<string>();
        foreach (var task in tasks)
        {
            var id = task["id"]!.GetValue<string>();
            var result = new JsonObject { ["taskId"] = id };
            if (TaskServerError(id))
            {
                Interlocked.Increment(ref _taskServerErrors);
                result["status"] = "ServerError";
                result["error"] = Error("InternalError", "Server encountered an internal error.");
            }
            else if (TaskClientError(task) is { } refusal)
            {
                result["status"] = "ClientError";
                result["error"] = Error(refusal.Code, refusal.Message);
            }
            else if (!TryAdd(task))
            {
                result["status"] = "ClientError";
                result["error"] = Error("TaskExists", "The specified task already exists.");
            }
            else
            {
                result["status"] = "Success";
                result["eTag"] = "0x8D4";
                result["location"] = Endpoint + $"jobs/{job}/tasks/{id}";
                succeeded.Add(id);
            }
            results.Add(result);
        }

        switch (fault)
        {
            case RequestFault.AnswerLostAfter:
                context.Abort();
                return;
            case RequestFault.TimedOutAfter:
                await ErrorAsync(context, 500, "OperationTimedOut", "Operation could not be completed within the specified time.");
                return;
        }
        // The service answers in an order of its own: the client must match results by id.
        await JsonAsync(context, 200, new JsonObject { ["value"] = new JsonArray(results.Reverse().Select(r => r!.DeepClone()).ToArray()) });
        foreach (var id in succeeded) _answeredSuccess[id] = 0;
    }

    private async Task AddOneAsync(HttpContext context, string job)
    {
        var task = JsonNode.Parse(await ReadBodyAsync(context))!.AsObject();
        if (!JobExists) await ErrorAsync(context, 404, "JobNotFound", "The specified job does not exist.");
        else if (!TryAdd(task)) await ErrorAsync(context, 409, "TaskExists", "The specified task already exists.");
        else context.Response.StatusCode = 201;
    }

    private async Task GetAsync(HttpContext context, string job, string task)
    {
        if (!Tasks.TryGetValue(task, out var stored))
        {
            await ErrorAsync(context, 404, "TaskNotFound", "The specified task does not exist.");
            return;
        }
        await JsonAsync(context, 200, WithServiceDefaults(stored, job));
    }

    private bool TryAdd(JsonObject task)
    {
        var id = task["id"]!.GetValue<string>();
        lock (_gate)
        {
            if (!Tasks.TryAdd(id, (JsonObject)task.DeepClone())) return false;
            Creations.AddOrUpdate(id, 1, (_, n) => n + 1);
            return true;
        }
    }

    /// <summary>A task as GET returns it: what was sent, the state, and the defaults the service fills in.</summary>
    private JsonObject WithServiceDefaults(JsonObject stored, string job)
    {
        var task = (JsonObject)stored.DeepClone();
        task["url"] = Endpoint + $"jobs/{job}/tasks/{stored["id"]}";
        task["state"] = "active";
        task["requiredSlots"] ??= 1;
        var constraints = task["constraints"] as JsonObject ?? new JsonObject();
        constraints["maxWallClockTime"] ??= "P10675199DT2H48M5.4775807S";
        constraints["retentionTime"] ??= "P7D";
        constraints["maxTaskRetryCount"] ??= 0;
        task["constraints"] = constraints;
        task["userIdentity"] ??= new JsonObject { ["autoUser"] = new JsonObject { ["scope"] = "pool", ["elevationLevel"] = "nonadmin" } };
        task["executionInfo"] = new JsonObject { ["retryCount"] = 0, ["requeueCount"] = 0 };
        return task;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["code"] = code, ["message"] = new JsonObject { ["lang"] = "en-US", ["value"] = message } };

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) => JsonAsync(context, status, Error(code, message));

    private static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;odata=minimalmetadata";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
