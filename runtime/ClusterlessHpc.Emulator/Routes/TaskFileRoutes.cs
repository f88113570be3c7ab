using System.Collections.Generic;
using System.Threading.Tasks;
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
    /// or the bytes of <c>ocp-range</c>) and get properties (HEAD), answered as the node file operations answer them
    /// (<see cref="FileResponses"/>).
    /// </summary>
    internal static class TaskFileRoutes
    {
        private static readonly KeyValuePair<string, string> SimulatedNotice = new(EmulatorNotices.TaskHeader, EmulatorNotices.SimulatedTaskValue);

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/jobs/{jobId}/tasks/{taskId}/files", context => ListAsync(context, store));
            routes.MapGet("/jobs/{jobId}/tasks/{taskId}/files/{**filePath}", context => GetAsync(context, store, withContent: true));
            routes.MapMethods("/jobs/{jobId}/tasks/{taskId}/files/{**filePath}", ["HEAD"], context => GetAsync(context, store, withContent: false));
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var (filter, recursive) = FileResponses.ReadListQuery(context.Request);
            var (files, taskUrl) = Files(context, store);
            var versions = store.ReadTask(JobRoutes.JobId(context), TaskRoutes.TaskId(context), null, (_, task, _) => new Versions(task.ETag, task.LastModified));
            // Outside the lock: an executed task's files are on disk.
            return FileResponses.ListAsync(context, files.List(recursive), e => (e.Name, NodeFileView.Render(e, taskUrl, windows: false)), filter, versions);
        }

        private static Task GetAsync(HttpContext context, PoolModel store, bool withContent)
        {
            var request = context.Request;
            QueryRules.Require(request);
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.Dates);
            var path = ((string?)request.RouteValues["filePath"] ?? "").Replace('\\', '/');
            var (files, taskUrl) = Files(context, store);
            var entry = files.Find(path) ?? throw BatchErrors.FileNotFound();
            // The notice says why a simulated task's output is empty.
            return FileResponses.WriteAsync(context, conditions, entry, NodeFileView.Url(taskUrl, entry, windows: false), entry.FileMode,
                files.Simulated ? SimulatedNotice : null, () => files.Read(path), withContent);
        }

        private static (TaskFiles Files, string TaskUrl) Files(HttpContext context, PoolModel store)
        {
            var jobId = JobRoutes.JobId(context);
            var taskId = TaskRoutes.TaskId(context);
            return (store.FilesOf(jobId, taskId), TaskView.Url(BaseUrl.Of(context.Request), jobId, taskId));
        }
    }
}
