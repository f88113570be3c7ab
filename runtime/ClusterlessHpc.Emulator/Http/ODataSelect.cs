using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary><c>$select</c>: a comma-separated list of top-level properties; the response keeps only those.</summary>
    internal sealed class ODataSelect
    {
        private readonly HashSet<string> _names;

        private ODataSelect(HashSet<string> names) => _names = names;

        public static ODataSelect? Parse(string? text, IReadOnlySet<string> properties)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var names = text.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToHashSet();
            foreach (var name in names)
            {
                if (!properties.Contains(name))
                {
                    throw BatchErrors.InvalidQueryParameterValue("$select", text, $"'{name}' is not a property of the resource.");
                }
            }
            return new ODataSelect(names);
        }

        public JsonObject Apply(JsonObject item)
        {
            foreach (var name in item.Select(p => p.Key).Where(n => !_names.Contains(n)).ToList()) item.Remove(name);
            return item;
        }
    }
}
