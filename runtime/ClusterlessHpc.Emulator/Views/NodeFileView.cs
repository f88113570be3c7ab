using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// A node file as list returns it. Names use <c>\</c> on Windows nodes, as the service writes them; files on
    /// Linux nodes have a file mode and no creation time; directories have no properties.
    /// </summary>
    internal static class NodeFileView
    {
        /// <summary>
        /// The Content-Type the service gives a file: text/plain for a <c>.txt</c> file (every recording from api-version
        /// 2018-12-01.8.0 on, node and task files alike; older ones said application/octet-stream for the same files),
        /// application/octet-stream otherwise.
        /// </summary>
        public static string ContentType(string name) =>
            name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain" : "application/octet-stream";

        public static string Name(NodeFileEntry entry, bool windows) => windows ? entry.Name.Replace('/', '\\') : entry.Name;

        public static string Url(string nodeUrl, NodeFileEntry entry, bool windows) =>
            nodeUrl + "/files/" + string.Join("/", Name(entry, windows).Split('/').Select(Uri.EscapeDataString));

        public static JsonObject Render(NodeFileEntry entry, string nodeUrl, bool windows)
        {
            var model = new BatchNodeFile
            {
                Name = Name(entry, windows),
                Url = Url(nodeUrl, entry, windows),
                IsDirectory = entry.IsDirectory,
                Properties = entry.IsDirectory ? null : new FileProperties
                {
                    CreationTime = windows ? entry.CreationTime : null,
                    LastModified = entry.LastModified,
                    ContentLength = entry.Length,
                    ContentType = ContentType(entry.Name),
                    FileMode = windows ? null : entry.FileMode,
                },
            };
            return JsonSerializer.SerializeToNode(model, BatchJson.TypeInfo<BatchNodeFile>())!.AsObject();
        }
    }
}
