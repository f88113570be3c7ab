using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Views;
using ClusterlessHpc.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// The task resource: add one, add a collection (at most 100 tasks and less than 1 MB per request, a result per task),
    /// list, get, terminate and delete.
    /// </summary>
    internal static class TaskRoutes
    {
        /// <summary>The most tasks one add-collection request may carry.</summary>
        public const int MaxTasksPerCollection = ServiceLimits.MaxTasksPerCollection;

        /// <summary>An add-collection body must be smaller than this.</summary>
        public const int MaxCollectionBytes = ServiceLimits.MaxTaskCollectionBytes;

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapPost("/jobs/{jobId}/tasks", context => AddAsync(context, store));
            routes.MapPost("/jobs/{jobId}/addtaskcollection", context => AddCollectionAsync(context, store));
            routes.MapGet("/jobs/{jobId}/tasks", context => ListAsync(context, store));
            routes.MapGet("/jobs/{jobId}/tasks/{taskId}", context => GetAsync(context, store));
            routes.MapPost("/jobs/{jobId}/tasks/{taskId}/terminate", context => TerminateAsync(context, store));
            routes.MapDelete("/jobs/{jobId}/tasks/{taskId}", context => DeleteAsync(context, store));
        }

        internal static string TaskId(HttpContext context) => (string)context.Request.RouteValues["taskId"]!;

        private static async Task AddAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            ConditionalHeaders.Read(context.Request, ConditionSupport.None);
            var body = await RequestBodies.ReadObjectAsync(context.Request).ConfigureAwait(false);
            Unsupported.RefuseTaskFeatures(body);
            var spec = RequestBodies.Deserialize(body, JobJsonContext.Default.TaskSpec);
            var jobId = JobRoutes.JobId(context);
            var versions = store.AddTask(jobId, spec);
            await Responses.Empty(context, StatusCodes.Status201Created, versions, TaskView.Url(BaseUrl.Of(context.Request), jobId, spec.Id)).ConfigureAwait(false);
        }

        private static async Task AddCollectionAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request);
            ConditionalHeaders.Read(request, ConditionSupport.None);
            if (request.ContentLength is >= MaxCollectionBytes) throw BatchErrors.RequestBodyTooLarge();
            var bytes = await ReadLimitedAsync(request).ConfigureAwait(false);
            JsonElement body;
            try
            {
                body = JsonDocument.Parse(bytes).RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw BatchErrors.InvalidRequestBody($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            }
            if (body.ValueKind != JsonValueKind.Object) throw BatchErrors.InvalidRequestBody("The body must be a JSON object.");
            if (!body.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array) throw BatchErrors.MissingRequiredProperty("value");
            var count = value.GetArrayLength();
            if (count > MaxTasksPerCollection)
            {
                throw BatchErrors.InvalidPropertyValue("value", $"A task collection holds at most {MaxTasksPerCollection} tasks; this one has {count}.");
            }

            // Each task on its own: one the emulator cannot read is refused in its result, and the others are added.
            var results = new JsonNode?[count];
            var specs = new List<(int Index, TaskSpec Spec)>();
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                    ? idValue.GetString()!
                    : "";
                try
                {
                    if (element.ValueKind != JsonValueKind.Object) throw BatchErrors.InvalidRequestBody("Each task must be a JSON object.");
                    Unsupported.RefuseTaskFeatures(element);
                    specs.Add((index, RequestBodies.Deserialize(element, JobJsonContext.Default.TaskSpec)));
                }
                catch (EmulatorException error)
                {
                    results[index] = ClientError(context, store, id, error.Code, error.Message, error.Values);
                }
                index++;
            }
            var jobId = JobRoutes.JobId(context);
            var added = store.AddTasks(jobId, specs.Select(s => s.Spec).ToList());
            var baseUrl = BaseUrl.Of(request);
            for (var i = 0; i < added.Count; i++)
            {
                var (taskId, versions, refusal) = added[i];
                results[specs[i].Index] = versions is { } v
                    ? new JsonObject
                    {
                        ["status"] = TaskAddStatus.Success,
                        ["taskId"] = taskId,
                        ["eTag"] = v.ETag,
                        ["lastModified"] = JobView.Time(v.LastModified),
                        ["location"] = TaskView.Url(baseUrl, jobId, taskId),
                    }
                    : ClientError(context, store, taskId, refusal!.Code, refusal.Message, refusal.Values);
            }
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = new JsonArray(results) }, ODataMetadata.TaskAddResults).ConfigureAwait(false);
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "$select", "$expand", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), TaskView.Properties);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), TaskView.Properties);
            JobRoutes.RefuseExpand(request);
            var baseUrl = BaseUrl.Of(request);
            var (items, nextLink, versions) = store.ReadJob(JobRoutes.JobId(context), null, (job, now) =>
            {
                // Without a filter only the page is rendered: a job may hold many thousands of tasks.
                IReadOnlyList<JsonObject> page;
                string? next;
                if (filter is null)
                {
                    var (tasks, link) = Paging.Page(request, job.Tasks, t => t.Id);
                    (page, next) = (tasks.Select(t => TaskView.Render(t, baseUrl)).ToList(), link);
                }
                else
                {
                    var rendered = job.Tasks.Select(t => (t.Id, Json: TaskView.Render(t, baseUrl))).Where(t => filter.Matches(t.Json)).ToList();
                    var (matches, link) = Paging.Page(request, rendered, t => t.Id);
                    (page, next) = (matches.Select(t => t.Json).ToList(), link);
                }
                return (page.Select(t => (JsonNode)(select?.Apply(t) ?? t)).ToArray(), next, JobRoutes.Newest(job.Tasks.Select(t => t.LastModified), now));
            });
            return Responses.List(context, ODataMetadata.Tasks, new JsonArray(items), nextLink, versions);
        }

        private static Task GetAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$select", "$expand");
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.All);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), TaskView.Properties);
            JobRoutes.RefuseExpand(request);
            var (json, versions) = store.ReadTask(JobRoutes.JobId(context), TaskId(context), conditions?.ForModel(isRead: true), (_, task, _) =>
                (TaskView.Render(task, BaseUrl.Of(request)), new Versions(task.ETag, task.LastModified)));
            Responses.SetVersions(context.Response, versions);
            context.Response.Headers["DataServiceId"] = TaskView.Url(BaseUrl.Of(request), JobRoutes.JobId(context), TaskId(context));
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, select?.Apply(json) ?? json, ODataMetadata.Task);
        }

        private static Task TerminateAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            var jobId = JobRoutes.JobId(context);
            var versions = store.TerminateTask(jobId, TaskId(context), conditions?.ForModel(isRead: false));
            return Responses.Empty(context, StatusCodes.Status204NoContent, versions, TaskView.Url(BaseUrl.Of(context.Request), jobId, TaskId(context)));
        }

        private static Task DeleteAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            store.DeleteTask(JobRoutes.JobId(context), TaskId(context), conditions?.ForModel(isRead: false));
            return Responses.Empty(context, StatusCodes.Status200OK);
        }

        /// <summary>The body, refused with <c>RequestBodyTooLarge</c> once it reaches 1 MB (whatever Content-Length said).</summary>
        private static async Task<byte[]> ReadLimitedAsync(HttpRequest request)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read >= MaxCollectionBytes) throw BatchErrors.RequestBodyTooLarge();
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }

        /// <summary>
        /// A task the collection could not add, with the error the service would have answered for it alone, shaped as the service answers it (batch-recordings,
        /// batch-cli-ext-test_batch_extensions_live.jsonl, the add-task-collection of 2019-03-06): a link to the error, the
        /// error with the request's id and time in its message, the status and the task's id.
        /// </summary>
        private static JsonObject ClientError(
            HttpContext context, PoolModel store, string taskId, string code, string message, IReadOnlyList<KeyValuePair<string, string>> values)
        {
            var error = new JsonObject
            {
                ["code"] = code,
                ["message"] = new JsonObject { ["lang"] = "en-US", ["value"] = ErrorResponses.MessageValue(message, RequestIds.Of(context), store.Now) },
            };
            if (values.Count > 0)
            {
                error["values"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["key"] = v.Key, ["value"] = v.Value }).ToArray());
            }
            return new JsonObject
            {
                ["error@odata.navigationLinkUrl"] = TaskView.Url(BaseUrl.Of(context.Request), JobRoutes.JobId(context), taskId) + "/error",
                ["error"] = error,
                ["status"] = TaskAddStatus.ClientError,
                ["taskId"] = taskId,
            };
        }

        /// <summary>
        /// The statuses of an add-task-collection result as the service spells them ("Success", "ClientError" in every
        /// recording from 2016 to 2022), not as the specification's enum does ("success", "clienterror").
        /// </summary>
        private static class TaskAddStatus
        {
            public const string Success = "Success";
            public const string ClientError = "ClientError";
        }
    }
}
