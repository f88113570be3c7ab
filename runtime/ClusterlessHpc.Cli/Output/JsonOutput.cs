using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>Writes the one JSON document of a <c>--json</c> command.</summary>
    internal static class JsonOutput
    {
        // Relaxed escaping: the document is for scripts and people, never embedded in HTML, so '<' and '+' stay as they are.
        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static void Write(CliConsole console, JsonNode document) => console.Output.WriteLine(document.ToJsonString(Indented));

        public static JsonArray Array(IEnumerable<JsonNode?> items)
        {
            var array = new JsonArray();
            foreach (var item in items) array.Add(item);
            return array;
        }

        /// <summary>Counts by name, in name order, as one object: <c>{"idle": 2, "starting": 1}</c>.</summary>
        public static JsonObject Counts(IEnumerable<KeyValuePair<string, int>> counts)
        {
            var sorted = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
            foreach (var (name, count) in counts) sorted[name] = count;
            var json = new JsonObject();
            foreach (var (name, count) in sorted) json[name] = count;
            return json;
        }
    }
}
