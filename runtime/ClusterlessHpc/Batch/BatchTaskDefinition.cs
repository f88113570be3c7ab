using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Whether a task the service has is the one a create request asked for, so that <c>TaskExists</c> on a request sent
    /// again can count as done. Both are compared as the wire JSON of the create request's properties (so durations
    /// compare by meaning). What the service fills in with its defaults (constraints, user identity, required slots,
    /// exit conditions) compares only where the request set it; every other property must be equal, an empty list
    /// equalling none, list items in any order.
    /// </summary>
    internal static class BatchTaskDefinition
    {
        private static readonly HashSet<string> ServiceDefaulted = new(StringComparer.Ordinal)
        {
            "constraints", "userIdentity", "requiredSlots", "exitConditions",
        };

        /// <summary>The wire names of the properties in which <paramref name="existing"/> differs from <paramref name="requested"/>; empty when it is the same task.</summary>
        public static IReadOnlyList<string> Differences(BatchTaskCreateOptions requested, BatchTask existing)
        {
            var ours = JsonSerializer.SerializeToNode(requested, BatchJsonContext.Default.BatchTaskCreateOptions)!.AsObject();
            var theirs = JsonSerializer.SerializeToNode(existing, BatchJsonContext.Default.BatchTask)!.AsObject();
            var differences = new List<string>();
            foreach (var property in BatchJsonContext.Default.BatchTaskCreateOptions.Properties)
            {
                var name = property.Name;
                if (name == "id") continue;
                var mine = ours[name];
                var same = ServiceDefaulted.Contains(name)
                    ? mine is null || Covers(mine, theirs[name])
                    : Same(mine, theirs[name]);
                if (!same) differences.Add(name);
            }
            return differences;
        }

        /// <summary>Whether <paramref name="existing"/> has everything <paramref name="requested"/> sets, object by object.</summary>
        private static bool Covers(JsonNode requested, JsonNode? existing)
        {
            if (requested is JsonObject wanted)
            {
                return existing is JsonObject found && wanted.All(p => p.Value is null || Covers(p.Value, found[p.Key]));
            }
            return Same(requested, existing);
        }

        private static bool Same(JsonNode? a, JsonNode? b)
        {
            if (IsEmpty(a) || IsEmpty(b)) return IsEmpty(a) && IsEmpty(b);
            if (a is JsonArray left && b is JsonArray right)
            {
                // Order-free: the service keeps lists as given, but nothing a task does depends on the order of its
                // environment settings or resource files, so a reordered echo is still the same task.
                return left.Count == right.Count &&
                       left.Select(Canonical).Order(StringComparer.Ordinal).SequenceEqual(right.Select(Canonical).Order(StringComparer.Ordinal));
            }
            return JsonNode.DeepEquals(a, b);
        }

        private static bool IsEmpty(JsonNode? node) => node is null || node is JsonArray { Count: 0 };

        /// <summary>JSON text with object properties sorted, so equal objects written in another order compare equal.</summary>
        private static string Canonical(JsonNode? node) => node switch
        {
            JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
            JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
            null => "null",
            _ => node.ToJsonString(),
        };
    }
}
