using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Xml;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// Reads a body the service wrote through our model (as BatchClient does, with <see cref="BatchJsonContext"/>), writes
/// the model back, and compares the two by meaning, property by property, beside the spec's schemas of 2024-07-01.20.0
/// and 2025-06-01: a property our model has must come out equal (durations as durations, times as instants, enums
/// without regard to case, numbers as numbers); a property or enum value it lacks is either one the current specs
/// define (our models must add it) or one only older versions had (ignored, and listed).
/// </summary>
internal sealed class RecordedBodyComparer
{
    /// <summary>Where our model reads a property differently from the JSON (or writes one the service did not send).</summary>
    public List<string> Differences { get; } = [];

    /// <summary>Properties and enum values the current specs define that our models lack, as "Model.property".</summary>
    public SortedSet<string> MissingFromModels { get; } = new(StringComparer.Ordinal);

    /// <summary>Properties and enum values only older versions had (neither current spec defines them).</summary>
    public SortedSet<string> OlderOnly { get; } = new(StringComparer.Ordinal);

    /// <summary>The answer being compared, for the differences' messages.</summary>
    private string _where = "";

    /// <summary>The model each recorded answer maps to, by verb, route and status; null for answers outside our models.</summary>
    public static (Type Model, string Definition2024, string Definition2025)? ModelFor(BatchRecordings.Interaction interaction)
    {
        if (interaction.Status >= 400) return (typeof(BatchErrorBody), "BatchError", "BatchError");
        if (interaction.Status != 200) return null;
        return (interaction.Method, interaction.Route) switch
        {
            ("GET", "pools") => (typeof(BatchListResult<BatchPool>), "CloudPool", "BatchPool"),
            ("GET", "pools/{}") => (typeof(BatchPool), "CloudPool", "BatchPool"),
            ("GET", "pools/{}/nodes") => (typeof(BatchListResult<BatchNode>), "ComputeNode", "BatchNode"),
            ("GET", "pools/{}/nodes/{}") => (typeof(BatchNode), "ComputeNode", "BatchNode"),
            ("GET", "pools/{}/nodes/{}/files") => (typeof(BatchListResult<BatchNodeFile>), "NodeFile", "BatchNodeFile"),
            ("GET", "nodecounts") => (typeof(BatchListResult<BatchPoolNodeCounts>), "PoolNodeCounts", "BatchPoolNodeCounts"),
            ("GET", "supportedimages") => (typeof(BatchListResult<BatchSupportedImage>), "ImageInformation", "BatchSupportedImage"),
            ("POST", "pools/{}/evaluateautoscale") => (typeof(AutoScaleRun), "AutoScaleRun", "AutoScaleRun"),
            _ => null,
        };
    }

    /// <summary>Reads <paramref name="body"/> as <paramref name="model"/>; a failure to read is thrown, as the client would.</summary>
    public void Compare(string where, string body, Type model, string definition2024, string definition2025)
    {
        _where = where;
        var typeInfo = BatchJsonContext.Default.GetTypeInfo(model)!;
        var value = JsonSerializer.Deserialize(body, typeInfo);
        var written = JsonNode.Parse(JsonSerializer.Serialize(value, typeInfo));
        var original = JsonNode.Parse(body);
        var isList = model.IsGenericType && model.GetGenericTypeDefinition() == typeof(BatchListResult<>);
        Schemas schemas = isList
            ? new(ListOf(definition2024), ListOf(definition2025))
            : new(Ref(definition2024), Ref(definition2025));
        Walk(original, written, typeInfo, schemas, "$");
    }

    private static JsonObject Ref(string definition) => new() { ["$ref"] = "#/definitions/" + definition };

    private static JsonObject ListOf(string definition) =>
        new() { ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "array", ["items"] = Ref(definition) } } };

    /// <summary>The schema of the same place in the 2024-07-01.20.0 and the 2025-06-01 spec (null where it has none).</summary>
    private readonly record struct Schemas(JsonNode? Of2024, JsonNode? Of2025)
    {
        public Schemas Resolved => new(Resolve(Of2024, BatchApiSpec.Definitions), Resolve(Of2025, BatchApiSpec.Definitions2025));

        public Schemas Property(string name) => new(Resolved.Of2024?["properties"]?[name], Resolved.Of2025?["properties"]?[name]);

        public Schemas Items => new(Resolved.Of2024?["items"], Resolved.Of2025?["items"]);

        public bool Define(string property) => Resolved.Of2024?["properties"]?[property] is not null || Resolved.Of2025?["properties"]?[property] is not null;

        public bool Enumerate(string value) => InEnum(Resolved.Of2024, value) || InEnum(Resolved.Of2025, value);

        private static bool InEnum(JsonNode? schema, string value) =>
            schema?["enum"] is JsonArray values && values.Any(v => string.Equals(v!.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase));

        private static JsonNode? Resolve(JsonNode? schema, JsonObject definitions)
        {
            while (schema?["$ref"] is { } reference) schema = definitions[reference.GetValue<string>().Split('/')[^1]];
            return schema;
        }
    }

    private void Walk(JsonNode? original, JsonNode? written, JsonTypeInfo typeInfo, Schemas schemas, string path)
    {
        if (original is null) return;
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                WalkObject(original, written, typeInfo, schemas, path);
                break;
            case JsonTypeInfoKind.Enumerable:
                var items = original.AsArray();
                var writtenItems = written as JsonArray;
                var elementInfo = BatchJsonContext.Default.GetTypeInfo(typeInfo.ElementType!)!;
                if (writtenItems is null || writtenItems.Count != items.Count)
                {
                    Differ(path, $"{items.Count} items read as {writtenItems?.Count.ToString(CultureInfo.InvariantCulture) ?? "none"}");
                    break;
                }
                for (var i = 0; i < items.Count; i++) Walk(items[i], writtenItems[i], elementInfo, schemas.Items, $"{path}[{i}]");
                break;
            default:
                CompareValue(original, written, typeInfo.Type, schemas, path);
                break;
        }
    }

    private void WalkObject(JsonNode original, JsonNode? written, JsonTypeInfo typeInfo, Schemas schemas, string path)
    {
        var model = ModelName(typeInfo.Type);
        var properties = typeInfo.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var writtenObject = written as JsonObject;
        foreach (var (name, value) in original.AsObject())
        {
            // The OData envelope (odata.metadata, odata.nextLink where the list model has no such property) is not the resource's.
            if (name.StartsWith("odata.", StringComparison.Ordinal) && !properties.ContainsKey(name)) continue;
            if (properties.TryGetValue(name, out var property))
            {
                Walk(value, writtenObject?[name], BatchJsonContext.Default.GetTypeInfo(property.PropertyType)!, schemas.Property(name), $"{path}.{name}");
            }
            else if (schemas.Define(name))
            {
                MissingFromModels.Add($"{model}.{name}");
            }
            else
            {
                OlderOnly.Add($"{model}.{name}");
            }
        }
        // A property the service left out reads as its type's default (0, false, ""); anything else would be made up.
        foreach (var (name, value) in writtenObject ?? [])
        {
            if (!original.AsObject().ContainsKey(name) && !IsDefault(value)) Differ($"{path}.{name}", $"written as {value?.ToJsonString()} though the service sent nothing");
        }
    }

    private void CompareValue(JsonNode original, JsonNode? written, Type type, Schemas schemas, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (written is null)
        {
            Differ(path, $"{original.ToJsonString()} read as nothing");
            return;
        }
        bool same;
        if (type == typeof(DateTimeOffset))
        {
            same = Instant(original) == Instant(written);
        }
        else if (type == typeof(TimeSpan))
        {
            same = XmlConvert.ToTimeSpan(original.GetValue<string>()) == XmlConvert.ToTimeSpan(written.GetValue<string>());
        }
        else if (IsExtensibleEnum(type))
        {
            var text = original.GetValue<string>();
            same = string.Equals(text, written.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            if (!KnownValues(type).Contains(text))
            {
                (schemas.Enumerate(text) ? MissingFromModels : OlderOnly).Add($"{ModelName(type)} '{text}'");
            }
        }
        else if (original.GetValueKind() is JsonValueKind.Number || written.GetValueKind() is JsonValueKind.Number)
        {
            same = Number(original) == Number(written);
        }
        else
        {
            same = JsonNode.DeepEquals(original, written);
        }
        if (!same) Differ(path, $"{original.ToJsonString()} read as {written.ToJsonString()}");
    }

    private static bool IsDefault(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.False => true,
        JsonValueKind.Number => value.GetValue<decimal>() == 0,
        JsonValueKind.String => value.GetValue<string>().Length == 0,
        _ => false,
    };

    private void Differ(string path, string what) => Differences.Add($"{_where} {path}: {what}");

    private static DateTimeOffset Instant(JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static decimal? Number(JsonNode node) =>
        decimal.TryParse(node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static bool IsExtensibleEnum(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>));

    /// <summary>The values an extensible enum names (its static properties), in any case.</summary>
    private static HashSet<string> KnownValues(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .Select(p => p.GetValue(null)!.ToString()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string ModelName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(",", type.GetGenericArguments().Select(ModelName))}>" : type.Name;
}
