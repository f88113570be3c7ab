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
    /// The node file operations: list (top level, or everything with <c>recursive=true</c>), get (whole, or the bytes
    /// of <c>ocp-range</c>), get properties (HEAD), with the file's properties in the response headers
    /// (<see cref="FileResponses"/>, as for task files), and delete. The file path is read by <see cref="NodeFilePath"/>.
    /// </summary>
    internal static class NodeFileRoutes
    {
        private static readonly System.Collections.Generic.KeyValuePair<string, string> SimulatedNotice =
            new(EmulatorNotices.StartTaskHeader, EmulatorNotices.SimulatedStartTaskValue);

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/pools/{poolId}/nodes/{nodeId}/files", context => ListAsync(context, store));
            routes.MapGet("/pools/{poolId}/nodes/{nodeId}/files/{**filePath}", context => GetAsync(context, store, withContent: true));
            routes.MapMethods("/pools/{poolId}/nodes/{nodeId}/files/{**filePath}", ["HEAD"], context => GetAsync(context, store, withContent: false));
            routes.MapDelete("/pools/{poolId}/nodes/{nodeId}/files/{**filePath}", context => DeleteAsync(context, store));
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var (filter, recursive) = FileResponses.ReadListQuery(context.Request);
            var baseUrl = BaseUrl.Of(context.Request);
            var (files, node, windows, versions) = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) =>
            {
                var found = PoolModel.FindNode(pool, NodeRoutes.NodeId(context));
                return (found.Files, NodeView.Url(baseUrl, pool, found), pool.IsWindows, PoolModel.NodeVersions(found));
            });
            // Outside the lock: an executed node's files are on disk.
            return FileResponses.ListAsync(context, files.List(recursive), e => (NodeFileView.Name(e, windows), NodeFileView.Render(e, node, windows)), filter, versions);
        }

        private static Task GetAsync(HttpContext context, PoolModel store, bool withContent)
        {
            var request = context.Request;
            QueryRules.Require(request);
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.Dates);
            var path = NodeFilePath.Of(context);
            var baseUrl = BaseUrl.Of(request);
            var (files, nodeUrl, windows) = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) =>
            {
                var node = PoolModel.FindNode(pool, NodeRoutes.NodeId(context));
                return (node.Files, NodeView.Url(baseUrl, pool, node), pool.IsWindows);
            });
            var entry = files.Find(path) ?? throw BatchErrors.FileNotFound();
            // The notice says why a simulated start task's output is empty.
            return FileResponses.WriteAsync(context, conditions, entry, NodeFileView.Url(nodeUrl, entry, windows), windows ? null : entry.FileMode,
                files.IsSimulated ? SimulatedNotice : null, () => files.Read(path), withContent);
        }

        /// <summary>DELETE: 200 with no body; a directory must be empty unless <c>recursive=true</c>.</summary>
        private static Task DeleteAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "recursive");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var path = NodeFilePath.Of(context);
            var recursive = FileResponses.Recursive(request);
            var files = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) => PoolModel.FindNode(pool, NodeRoutes.NodeId(context)).Files);
            switch (files.Delete(path, recursive))
            {
                case NodeFileDeletion.NotFound:
                    throw BatchErrors.FileNotFound();
                case NodeFileDeletion.DirectoryNotEmpty:
                    throw BatchErrors.DirectoryNotEmpty(path);
            }
            return Responses.Empty(context, StatusCodes.Status200OK);
        }
    }
}
