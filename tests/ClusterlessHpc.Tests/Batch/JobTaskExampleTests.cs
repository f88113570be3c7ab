using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// The job and task wire models against the service's own examples (../shared/batch-api/examples): every example body
/// of the job, task, task count and task file operations deserializes into our model and serializes back equal, but for
/// the properties the client leaves out (<see cref="WireModelConformanceTests.OutOfScope"/>), and conforms to its schema.
/// </summary>
public class JobTaskExampleTests
{
    private static readonly string Folder = SharedReferenceData.Path("batch-api", "examples");

    public static TheoryData<string, string, string> ExampleBodies() => new()
    {
        { "JobAdd_Basic", "job", nameof(BatchJobCreateOptions) },
        { "JobAdd_Complex", "job", nameof(BatchJobCreateOptions) },
        { "JobGet", "200", nameof(BatchJob) },
        { "JobList", "200", "list:" + nameof(BatchJob) },
        { "JobPatch", "jobPatchParameter", nameof(BatchJobUpdateOptions) },
        { "JobTerminate", "jobTerminateParameter", nameof(BatchJobTerminateOptions) },
        { "JobGetTaskCounts", "200", nameof(BatchTaskCountsResult) },
        { "TaskAdd_Basic", "task", nameof(BatchTaskCreateOptions) },
        { "TaskAdd_ContainerSettings", "task", nameof(BatchTaskCreateOptions) },
        { "TaskAdd_ContainerSettingsWithDataIsolation", "task", nameof(BatchTaskCreateOptions) },
        { "TaskAdd_ExitConditions", "task", nameof(BatchTaskCreateOptions) },
        { "TaskAdd_RequiredSlots", "task", nameof(BatchTaskCreateOptions) },
        { "TaskAddCollection_Basic", "taskCollection", nameof(BatchTaskGroup) },
        { "TaskAddCollection_Complex", "taskCollection", nameof(BatchTaskGroup) },
        { "TaskAddCollection_Basic", "200", nameof(BatchTaskAddCollectionResult) },
        { "TaskAddCollection_Complex", "200", nameof(BatchTaskAddCollectionResult) },
        { "TaskGet", "200", nameof(BatchTask) },
        { "TaskList", "200", "list:" + nameof(BatchTask) },
        { "FileListFromTask", "200", "list:" + nameof(BatchNodeFile) },
    };

    [Theory]
    [MemberData(nameof(ExampleBodies))]
    public void An_example_body_round_trips_through_its_model_but_for_what_the_client_leaves_out(string example, string where, string model)
    {
        var body = Body(example, where);
        var typeInfo = TypeInfoFor(model);

        var written = JsonNode.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(body.ToJsonString(), typeInfo), typeInfo));

        JsonAssert.Equal(WithoutOutOfScope(body), written);
    }

    [Theory]
    [MemberData(nameof(ExampleBodies))]
    public void What_the_model_writes_of_an_example_conforms_to_the_schema(string example, string where, string model)
    {
        var typeInfo = TypeInfoFor(model);
        var written = JsonNode.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(Body(example, where).ToJsonString(), typeInfo), typeInfo));

        Assert.Empty(BatchApiSpec.Validate(written, SchemaOf(model)));
    }

    [Fact]
    public void The_out_of_scope_properties_are_really_in_the_examples_so_the_round_trip_checks_them_away()
    {
        SharedReferenceData.Require();
        var removed = new HashSet<string>();
        foreach (var row in ExampleBodies()) Collect(Body((string)row.Data.Item1, (string)row.Data.Item2), removed);

        // The examples exercise multi-instance settings and auto pools; the rest are out of scope without an example here.
        Assert.Superset(new HashSet<string> { "multiInstanceSettings", "autoPoolSpecification" }, removed);
    }

    private static JsonNode Body(string example, string where)
    {
        SharedReferenceData.Require();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, example + ".json")))!;
        var body = where.All(char.IsDigit) ? file["responses"]![where]!["body"] : file["parameters"]![where];
        Assert.NotNull(body);
        return body;
    }

    private static JsonNode WithoutOutOfScope(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                foreach (var name in o.Select(p => p.Key).Where(WireModelConformanceTests.OutOfScope.Contains).ToList()) o.Remove(name);
                foreach (var p in o.ToList()) Strip(p.Value);
            }
            else if (n is JsonArray a)
            {
                foreach (var item in a) Strip(item);
            }
        }
    }

    private static void Collect(JsonNode? n, HashSet<string> found)
    {
        if (n is JsonObject o)
        {
            foreach (var p in o)
            {
                if (WireModelConformanceTests.OutOfScope.Contains(p.Key)) found.Add(p.Key);
                Collect(p.Value, found);
            }
        }
        else if (n is JsonArray a)
        {
            foreach (var item in a) Collect(item, found);
        }
    }

    private static string SchemaOf(string model) => model switch
    {
        "list:" + nameof(BatchJob) => "CloudJobListResult",
        "list:" + nameof(BatchTask) => "CloudTaskListResult",
        "list:" + nameof(BatchNodeFile) => "NodeFileListResult",
        _ => (string)WireModelConformanceTests.ModelRoots().Single(r => (string)r.Data.Item1 == model).Data.Item2,
    };

    private static JsonTypeInfo TypeInfoFor(string model)
    {
        var context = BatchJsonContext.Default;
        return model switch
        {
            "list:" + nameof(BatchJob) => context.BatchListResultBatchJob,
            "list:" + nameof(BatchTask) => context.BatchListResultBatchTask,
            "list:" + nameof(BatchNodeFile) => context.BatchListResultBatchNodeFile,
            _ => context.GetTypeInfo(typeof(BatchJob).Assembly.GetType("ClusterlessHpc.Batch.Models." + model, throwOnError: true)!)!,
        };
    }
}
