using System.Text.Json;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>The comparison <see cref="RecordedResponsesTests"/> applies to every recorded body, on bodies made to show each rule.</summary>
public class RecordedBodyComparerTests
{
    private static RecordedBodyComparer Compare(string body)
    {
        var comparer = new RecordedBodyComparer();
        comparer.Compare("test", body, typeof(BatchPool), "CloudPool", "BatchPool");
        return comparer;
    }

    [Fact]
    public void Durations_times_and_enums_compare_by_meaning()
    {
        var comparer = Compare("""
            {"id": "p", "autoScaleEvaluationInterval": "PT06M00S", "resizeTimeout": "PT15M",
             "creationTime": "2020-09-24T21:51:27.2384513+02:00", "state": "Active", "targetDedicatedNodes": 2}
            """);

        Assert.Empty(comparer.Differences);
        Assert.Empty(comparer.MissingFromModels);
        Assert.Empty(comparer.OlderOnly);
    }

    [Fact]
    public void Properties_and_enum_values_no_current_spec_defines_are_listed_as_older_only()
    {
        var comparer = Compare("""{"id": "p", "targetDedicated": 3, "state": "upgrading"}""");

        Assert.Equal(["BatchPool.targetDedicated", "BatchPoolState 'upgrading'"], comparer.OlderOnly);
        Assert.Empty(comparer.MissingFromModels);
    }

    [Fact]
    public void A_body_our_model_cannot_read_throws_as_the_client_would()
    {
        Assert.Throws<JsonException>(() => Compare("""{"id": "p", "targetDedicatedNodes": "three"}"""));
    }
}
