using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterlessHpc.Testing;

/// <summary>
/// Compares JSON by structure: member order is ignored, a null member counts as absent (the service's examples
/// write some), and two ISO-8601 timestamps are equal when they are the same instant (the service writes varying
/// fractional digits: <c>00:00:00.0Z</c>); everything else must match exactly.
/// </summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        var difference = FirstDifference(expected, actual, "$");
        if (difference is not null)
        {
            Assert.Fail($"{difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
        }
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        }
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (e[key] is null && a[key] is null) continue;
                    if (!e.ContainsKey(key)) return $"{path}.{key}: not expected, found {Show(a[key])}";
                    if (!a.ContainsKey(key)) return $"{path}.{key}: missing, expected {Show(e[key])}";
                    var inner = FirstDifference(e[key], a[key], $"{path}.{key}");
                    if (inner is not null) return inner;
                }
                return null;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count) return $"{path}: {e.Count} items != {a.Count} items";
                for (var i = 0; i < e.Count; i++)
                {
                    var inner = FirstDifference(e[i], a[i], $"{path}[{i}]");
                    if (inner is not null) return inner;
                }
                return null;
            default:
                if (expected.GetValueKind() != actual.GetValueKind()) return $"{path}: {Show(expected)} != {Show(actual)}";
                if (expected.GetValueKind() == JsonValueKind.Number)
                {
                    return expected.GetValue<decimal>() == actual.GetValue<decimal>() ? null : $"{path}: {Show(expected)} != {Show(actual)}";
                }
                if (expected.ToJsonString() == actual.ToJsonString()) return null;
                return SameInstant(expected, actual) ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        }
    }

    private static bool SameInstant(JsonNode expected, JsonNode actual) =>
        expected.GetValueKind() == JsonValueKind.String &&
        DateTimeOffset.TryParseExact(expected.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a) &&
        DateTimeOffset.TryParseExact(actual.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) &&
        a == b;

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "(absent)";
}
