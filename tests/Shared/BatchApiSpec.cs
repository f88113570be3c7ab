using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace ClusterlessHpc.Testing;

/// <summary>
/// The Batch REST specification (2024-07-01.20.0, and 2025-06-01's definitions) and its examples, read from the shared reference data
/// (../shared/batch-api), and a validator of JSON against the spec's schemas: types, formats, enums, required and
/// unknown properties. Reading the spec or an example ends the test as not run where the shared folder is absent.
/// </summary>
internal static class BatchApiSpec
{
    public static string Folder { get; } = SharedReferenceData.Path("batch-api");

    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Folder, "BatchService.2024-07-01.20.0.json")))!.AsObject());

    public static JsonObject Spec
    {
        get
        {
            SharedReferenceData.Require();
            return Document.Value;
        }
    }

    public static JsonObject Definitions => Spec["definitions"]!.AsObject();

    private static readonly Lazy<JsonObject> Document2025 = new(() =>
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Folder, "BatchService.2025-06-01.21.0.json")))!.AsObject());

    /// <summary>The definitions of the newer stable spec, 2025-06-01 (its TypeSpec names: BatchPool, BatchNode, ...).</summary>
    public static JsonObject Definitions2025
    {
        get
        {
            SharedReferenceData.Require();
            return Document2025.Value["definitions"]!.AsObject();
        }
    }

    public static JsonObject Example(string name)
    {
        SharedReferenceData.Require();
        return JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Folder, "examples", name + ".json")))!.AsObject();
    }

    /// <summary>The examples whose names start with <paramref name="prefix"/>, as theory rows (a placeholder where the folder is absent).</summary>
    public static IEnumerable<string> ExampleNames(string prefix) =>
        SharedReferenceData.RowsOrPlaceholder(() => Directory.EnumerateFiles(System.IO.Path.Combine(Folder, "examples"), prefix + "*.json")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal));

    /// <summary>The operation object for a path and verb, e.g. ("/pools/{poolId}", "get").</summary>
    public static JsonObject Operation(string path, string verb) => Spec["paths"]![path]![verb]!.AsObject();

    /// <summary>Every way <paramref name="instance"/> breaks the schema of <paramref name="definition"/>; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? instance, string definition)
    {
        var errors = new List<string>();
        Check(instance, new JsonObject { ["$ref"] = "#/definitions/" + definition }, "$", errors);
        return errors;
    }

    /// <summary>Validates against an inline schema (a response's or parameter's <c>schema</c> object).</summary>
    public static IReadOnlyList<string> ValidateSchema(JsonNode? instance, JsonNode schema)
    {
        var errors = new List<string>();
        Check(instance, schema, "$", errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonNode schema, string path, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            Check(value, Definitions[name]!, path, errors);
            return;
        }
        if (value is null)
        {
            errors.Add($"{path}: null");
            return;
        }
        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : null);
        switch (type)
        {
            case "object":
                CheckObject(value, schema, path, errors);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{path}: expected an array, found {value.GetValueKind()}");
                    break;
                }
                for (var i = 0; i < array.Count; i++) Check(array[i], schema["items"]!, $"{path}[{i}]", errors);
                break;
            case "string":
                CheckString(value, schema, path, errors);
                break;
            case "integer":
                if (value.GetValueKind() != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    errors.Add($"{path}: expected an integer, found {value.ToJsonString()}");
                }
                else if (schema["format"]?.GetValue<string>() == "int32" && integer is < int.MinValue or > int.MaxValue)
                {
                    errors.Add($"{path}: {integer} is not an int32");
                }
                break;
            case "number":
                if (value.GetValueKind() != JsonValueKind.Number) errors.Add($"{path}: expected a number, found {value.GetValueKind()}");
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean, found {value.GetValueKind()}");
                break;
        }
    }

    private static void CheckObject(JsonNode value, JsonNode schema, string path, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{path}: expected an object, found {value.GetValueKind()}");
            return;
        }
        var properties = schema["properties"]?.AsObject();
        if (properties is null)
        {
            if (schema["additionalProperties"] is JsonObject valueSchema)
            {
                foreach (var (key, item) in obj) Check(item, valueSchema, $"{path}.{key}", errors);
            }
            return;
        }
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (!obj.ContainsKey(name)) errors.Add($"{path}: missing required property '{name}'");
        }
        foreach (var (key, item) in obj)
        {
            // An optional member written as null is the same as one left out.
            if (item is null && !IsRequired(schema, key)) continue;
            // The service starts every body with OData's annotation, which the spec leaves out.
            if (path == "$" && key == "odata.metadata") continue;
            // OData annotations of a property ("error@odata.navigationLinkUrl" in add-task-collection results) are the
            // protocol's, in no schema.
            if (key.Contains("@odata.", StringComparison.Ordinal)) continue;
            if (properties[key] is { } propertySchema) Check(item, propertySchema, $"{path}.{key}", errors);
            else errors.Add($"{path}: property '{key}' is not in the schema");
        }
    }

    private static bool IsRequired(JsonNode schema, string name) =>
        schema["required"]?.AsArray().Any(r => r!.GetValue<string>() == name) ?? false;

    private static void CheckString(JsonNode value, JsonNode schema, string path, List<string> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{path}: expected a string, found {value.GetValueKind()}");
            return;
        }
        var text = value.GetValue<string>();
        // Without case: the service writes several values in another case than the spec's enums ("Spread", "UserError",
        // "Success", "ClientError", "Zonal" in ../shared/batch-recordings), and clients compare them so.
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => string.Equals(a!.GetValue<string>(), text, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"{path}: '{text}' is not one of {string.Join(", ", allowed.Select(a => a!.GetValue<string>()))}");
        }
        switch (schema["format"]?.GetValue<string>())
        {
            case "date-time" when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _):
                errors.Add($"{path}: '{text}' is not a date-time");
                break;
            case "duration":
                try
                {
                    XmlConvert.ToTimeSpan(text);
                }
                catch (FormatException)
                {
                    errors.Add($"{path}: '{text}' is not an ISO-8601 duration");
                }
                break;
        }
    }
}
