using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// A task's files (its directory on its node, <c>stdout.txt</c>, <c>stderr.txt</c> and <c>wd</c>): list, get (whole,
    /// or the bytes of <c>ocp-range</c>) and get properties (HEAD), as the node file operations answer them.
    /// </summary>
    internal static class TaskFileRoutes
    {
        private static readonly System.Collections.Generic.IReadOnlySet<string> Properties = QueryRules.PropertiesOf(typeof(BatchNodeFile));

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/jobs/{jobId}/tasks/{taskId}/files", context => ListAsync(context, store));
            routes.MapGet("/jobs/{jobId}/tasks/{taskId}/files/{**filePath}", context => GetAsync(context, store, withContent: true));
            routes.MapMethods("/jobs/{jobId}/tasks/{taskId}/files/{**filePath}", ["HEAD"], context => GetAsync(context, store, withContent: false));
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "recursive", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), Properties);
            var recursiveText = QueryRules.Get(request, "recursive");
            var recursive = false;
            if (recursiveText is not null && !bool.TryParse(recursiveText, out recursive))
            {
                throw BatchErrors.InvalidQueryParameterValue("recursive", recursiveText, "recursive must be true or false.");
            }
            var (files, taskUrl) = Files(context, store);
            // Outside the lock: an executed task's files are on disk.
            var rendered = files.List(recursive)
                .Select(e => (e.Name, Json: NodeFileView.Render(e, taskUrl, windows: false)))
                .Where(e => filter?.Matches(e.Json) ?? true)
                .ToList();
            var (page, next) = Paging.Page(request, rendered, e => e.Name);
            var versions = store.ReadTask(JobRoutes.JobId(context), TaskRoutes.TaskId(context), null, (_, task, _) => new Versions(task.ETag, task.LastModified));
            return Responses.List(context, ODataMetadata.Files, new JsonArray(page.Select(e => (JsonNode)e.Json).ToArray()), next, versions);
        }

        private static async Task GetAsync(HttpContext context, PoolModel store, bool withContent)
        {
            var request = context.Request;
            QueryRules.Require(request);
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.Dates);
            var path = ((string?)request.RouteValues["filePath"] ?? "").Replace('\\', '/');
            var (files, taskUrl) = Files(context, store);
            var entry = files.Find(path) ?? throw BatchErrors.FileNotFound();
            var etag = "0x" + entry.LastModified.UtcTicks.ToString("X", CultureInfo.InvariantCulture);
            conditions?.Check(etag, entry.LastModified, isRead: true);
            if (withContent && entry.IsDirectory) throw BatchErrors.ResourceTypeMismatch("The path is a directory; list it instead.");

            var response = context.Response;
            response.Headers.ETag = etag;
            response.Headers.LastModified = entry.LastModified.ToString("R", CultureInfo.InvariantCulture);
            response.Headers["ocp-creation-time"] = entry.CreationTime.ToString("R", CultureInfo.InvariantCulture);
            response.Headers["ocp-batch-file-isdirectory"] = entry.IsDirectory ? "true" : "false";
            response.Headers["ocp-batch-file-url"] = NodeFileView.Url(taskUrl, entry, windows: false);
            if (entry.FileMode is not null) response.Headers["ocp-batch-file-mode"] = entry.FileMode;
            // Not in the service's API, whose clients ignore a header they do not know; ours say why the output is empty.
            if (files.Simulated) response.Headers[EmulatorNotices.TaskHeader] = EmulatorNotices.SimulatedTaskValue;
            response.ContentType = NodeFileView.ContentType(entry.Name);
            response.StatusCode = StatusCodes.Status200OK;
            if (!withContent)
            {
                response.ContentLength = entry.Length;
                return;
            }
            var bytes = files.Read(path);
            var (start, length) = NodeFileRoutes.Range(request.Headers["ocp-range"].ToString(), bytes.LongLength);
            response.ContentLength = length;
            await response.Body.WriteAsync(bytes.AsMemory((int)start, (int)length), context.RequestAborted).ConfigureAwait(false);
        }

        private static (TaskFiles Files, string TaskUrl) Files(HttpContext context, PoolModel store)
        {
            var jobId = JobRoutes.JobId(context);
            var taskId = TaskRoutes.TaskId(context);
            return (store.FilesOf(jobId, taskId), TaskView.Url(BaseUrl.Of(context.Request), jobId, taskId));
        }
    }
}
