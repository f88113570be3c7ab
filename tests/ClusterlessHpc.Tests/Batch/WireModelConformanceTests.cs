using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// The wire models against the REST specification: every example body of the operations we use deserializes into
/// our model and serializes back equal, and each model carries exactly its schema's properties with matching types.
/// </summary>
public class WireModelConformanceTests
{
    /// <summary>Example file, where its body is (a parameter or a response status), and the model it maps to.</summary>
    public static TheoryData<string, string, string> ExampleBodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var name in BatchApiSpec.ExampleNames("PoolAdd_")) data.Add(name, "pool", nameof(BatchPoolCreateOptions));
        foreach (var name in BatchApiSpec.ExampleNames("PoolGet_")) data.Add(name, "200", nameof(BatchPool));
        data.Add("PoolList_Basic", "200", "list:" + nameof(BatchPool));
        data.Add("PoolPatch", "poolPatchParameter", nameof(BatchPoolUpdateOptions));
        data.Add("PoolUpdate", "poolUpdatePropertiesParameter", nameof(BatchPoolReplaceOptions));
        data.Add("PoolResize", "poolResizeParameter", nameof(BatchPoolResizeOptions));
        data.Add("PoolEnableAutoscale", "poolEnableAutoScaleParameter", nameof(BatchPoolEnableAutoScaleOptions));
        data.Add("PoolEvaluateAutoscale", "poolEvaluateAutoScaleParameter", nameof(BatchPoolEvaluateAutoScaleOptions));
        data.Add("PoolEvaluateAutoscale", "200", nameof(AutoScaleRun));
        data.Add("PoolRemoveNodes", "nodeRemoveParameter", nameof(BatchNodeRemoveOptions));
        data.Add("NodeList", "200", "list:" + nameof(BatchNode));
        data.Add("NodeGet_Basic", "200", nameof(BatchNode));
        data.Add("NodeReboot", "nodeRebootParameter", nameof(BatchNodeRebootOptions));
        data.Add("NodeReimage", "nodeReimageParameter", nameof(BatchNodeReimageOptions));
        data.Add("FileListFromNode", "200", "list:" + nameof(BatchNodeFile));
        data.Add("AccountListSupportedImages", "200", "list:" + nameof(BatchSupportedImage));
        data.Add("AccountListPoolNodeCounts", "200", "list:" + nameof(BatchPoolNodeCounts));
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleBodies))]
    public void An_example_body_round_trips_through_its_model_unchanged(string example, string where, string model)
    {
        var file = BatchApiSpec.Example(example);
        var body = where.All(char.IsDigit) ? file["responses"]![where]!["body"] : file["parameters"]![where];
        Assert.NotNull(body);
        var typeInfo = TypeInfoFor(model);

        var value = JsonSerializer.Deserialize(body.ToJsonString(), typeInfo);
        var written = JsonNode.Parse(JsonSerializer.Serialize(value, typeInfo));

        JsonAssert.Equal(body, written);
    }

    [Theory]
    [MemberData(nameof(ExampleBodies))]
    public void An_example_body_conforms_to_the_schema_the_validator_checks(string example, string where, string model)
    {
        var file = BatchApiSpec.Example(example);
        var body = where.All(char.IsDigit) ? file["responses"]![where]!["body"] : file["parameters"]![where];

        var errors = BatchApiSpec.Validate(body, SchemaOf(model));

        // The service's own example sends VM extension settings as a string where the schema says object.
        Assert.All(errors, e => Assert.Matches(@"\.extensions\[\d+\]\.settings: expected an object", e));
    }

    [Fact]
    public void The_schema_validator_reports_unknown_properties_bad_enums_formats_and_missing_required_ones()
    {
        var pool = JsonNode.Parse("""
            {"id": "p", "vmSize": "s", "colour": "red", "resizeTimeout": "15 minutes",
             "taskSchedulingPolicy": {"nodeFillType": "sideways"}, "metadata": [{"name": "n"}]}
            """);

        var errors = BatchApiSpec.Validate(pool, "PoolAddParameter");

        Assert.Equal(
            [
                "$: property 'colour' is not in the schema",
                "$.resizeTimeout: '15 minutes' is not an ISO-8601 duration",
                "$.taskSchedulingPolicy.nodeFillType: 'sideways' is not one of spread, pack",
                "$.metadata[0]: missing required property 'value'",
            ],
            errors);
    }

    public static TheoryData<string, string> ModelRoots() => new()
    {
        { nameof(BatchPoolCreateOptions), "PoolAddParameter" },
        { nameof(BatchPool), "CloudPool" },
        { nameof(BatchPoolUpdateOptions), "PoolPatchParameter" },
        { nameof(BatchPoolReplaceOptions), "PoolUpdatePropertiesParameter" },
        { nameof(BatchPoolResizeOptions), "PoolResizeParameter" },
        { nameof(BatchNodeRemoveOptions), "NodeRemoveParameter" },
        { nameof(BatchPoolEnableAutoScaleOptions), "PoolEnableAutoScaleParameter" },
        { nameof(BatchPoolEvaluateAutoScaleOptions), "PoolEvaluateAutoScaleParameter" },
        { nameof(BatchNodeRebootOptions), "NodeRebootParameter" },
        { nameof(BatchNodeReimageOptions), "NodeReimageParameter" },
        { nameof(AutoScaleRun), "AutoScaleRun" },
        { nameof(BatchNode), "ComputeNode" },
        { nameof(BatchNodeFile), "NodeFile" },
        { nameof(BatchSupportedImage), "ImageInformation" },
        { nameof(BatchPoolNodeCounts), "PoolNodeCounts" },
        { nameof(BatchErrorBody), "BatchError" },
        { nameof(BatchJobCreateOptions), "JobAddParameter" },
        { nameof(BatchJob), "CloudJob" },
        { nameof(BatchJobUpdateOptions), "JobPatchParameter" },
        { nameof(BatchJobTerminateOptions), "JobTerminateParameter" },
        { nameof(BatchTaskCreateOptions), "TaskAddParameter" },
        { nameof(BatchTaskGroup), "TaskAddCollectionParameter" },
        { nameof(BatchTaskAddCollectionResult), "TaskAddCollectionResult" },
        { nameof(BatchTask), "CloudTask" },
        { nameof(BatchTaskCountsResult), "TaskCountsResult" },
    };

    /// <summary>
    /// The spec's properties the client leaves out, as docs/jobs-and-tasks.md says: multi-instance (MPI) tasks, task
    /// dependencies (and the exit action on dependent tasks), output files, and auto pools.
    /// </summary>
    internal static readonly HashSet<string> OutOfScope =
        ["multiInstanceSettings", "dependsOn", "usesTaskDependencies", "dependencyAction", "outputFiles", "autoPoolSpecification"];

    [Theory]
    [MemberData(nameof(ModelRoots))]
    public void A_model_and_every_type_below_it_carry_exactly_the_schema_properties(string model, string definition)
    {
        var problems = new List<string>();
        var visited = new HashSet<Type>();
        Compare(TypeInfoFor(model).Type, definition, model, problems, visited);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(visited);
    }

    private static void Compare(Type type, string definition, string path, List<string> problems, HashSet<Type> visited)
    {
        if (!visited.Add(type)) return;
        var schema = BatchApiSpec.Definitions[definition]!.AsObject();
        var specProperties = schema["properties"]!.AsObject();
        var info = BatchJsonContext.Default.GetTypeInfo(type)!;
        var ours = info.Properties.ToDictionary(p => p.Name);

        foreach (var name in specProperties.Select(p => p.Key).Except(ours.Keys).Except(OutOfScope)) problems.Add($"{path} ({type.Name}): no property for '{name}'");
        foreach (var name in ours.Keys.Except(specProperties.Select(p => p.Key)))
        {
            if (!NewerProperties.TryGetValue((definition, name), out var newer) || BatchApiSpec.Definitions2025[newer]?["properties"]?[name] is null)
            {
                problems.Add($"{path} ({type.Name}): '{name}' is not in {definition}");
            }
        }

        foreach (var (name, propertySchema) in specProperties)
        {
            if (!ours.TryGetValue(name, out var property)) continue;
            CompareType(property.PropertyType, propertySchema!, $"{path}.{name}", problems, visited);
        }
    }

    /// <summary>
    /// Properties our models carry beyond 2024-07-01.20.0 because the service writes them (the recordings of
    /// 2025-06-01), each with the 2025-06-01 definition that must define it.
    /// </summary>
    private static readonly Dictionary<(string Definition, string Property), string> NewerProperties = new()
    {
        [("TaskSchedulingPolicy", "jobDefaultOrder")] = "BatchTaskSchedulingPolicy",
    };

    private static void CompareType(Type type, JsonNode schema, string path, List<string> problems, HashSet<Type> visited)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (schema["$ref"] is { } reference)
        {
            var target = reference.GetValue<string>().Split('/')[^1];
            schema = BatchApiSpec.Definitions[target]!;
            if (schema["enum"] is null)
            {
                Compare(type, target, path, problems, visited);
                return;
            }
        }
        var format = schema["format"]?.GetValue<string>();
        var expected = (schema["type"]?.GetValue<string>(), format) switch
        {
            ("string", "date-time") => type == typeof(DateTimeOffset),
            ("string", "duration") => type == typeof(TimeSpan),
            ("string", _) when schema["enum"] is not null => IsExtensibleEnum(type),
            ("string", _) => type == typeof(string),
            ("integer", "int64") => type == typeof(long),
            ("integer", _) => type == typeof(int),
            ("number", _) => type == typeof(double),
            ("boolean", _) => type == typeof(bool),
            ("object", _) when schema["additionalProperties"] is not null => type.IsAssignableTo(typeof(IEnumerable<KeyValuePair<string, string>>)),
            ("object", _) => type == typeof(JsonNode),
            ("array", _) => CompareItems(type, schema["items"]!, path, problems, visited),
            _ => false,
        };
        if (!expected) problems.Add($"{path}: {type.Name} does not fit {schema.ToJsonString()[..Math.Min(120, schema.ToJsonString().Length)]}");
    }

    private static bool CompareItems(Type type, JsonNode items, string path, List<string> problems, HashSet<Type> visited)
    {
        var element = type.IsGenericType && type.IsAssignableTo(typeof(IEnumerable)) ? type.GetGenericArguments()[0] : null;
        if (element is null) return false;
        CompareType(element, items, path + "[]", problems, visited);
        return true;
    }

    private static bool IsExtensibleEnum(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>));

    private static string SchemaOf(string model) => model switch
    {
        "list:" + nameof(BatchPool) => "CloudPoolListResult",
        "list:" + nameof(BatchNode) => "ComputeNodeListResult",
        "list:" + nameof(BatchNodeFile) => "NodeFileListResult",
        "list:" + nameof(BatchSupportedImage) => "AccountListSupportedImagesResult",
        "list:" + nameof(BatchPoolNodeCounts) => "PoolNodeCountsListResult",
        _ => ModelRoots().Single(r => (string)r.Data.Item1 == model).Data.Item2,
    };

    private static JsonTypeInfo TypeInfoFor(string model)
    {
        var context = BatchJsonContext.Default;
        return model switch
        {
            "list:" + nameof(BatchPool) => context.BatchListResultBatchPool,
            "list:" + nameof(BatchNode) => context.BatchListResultBatchNode,
            "list:" + nameof(BatchNodeFile) => context.BatchListResultBatchNodeFile,
            "list:" + nameof(BatchSupportedImage) => context.BatchListResultBatchSupportedImage,
            "list:" + nameof(BatchPoolNodeCounts) => context.BatchListResultBatchPoolNodeCounts,
            _ => context.GetTypeInfo(typeof(BatchPool).Assembly.GetType("ClusterlessHpc.Batch.Models." + model, throwOnError: true)!)!,
        };
    }
}
