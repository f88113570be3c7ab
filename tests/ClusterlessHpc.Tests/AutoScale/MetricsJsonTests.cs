using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>The metrics JSON of docs/autoscale.md, as the CLI and the emulator read it.</summary>
public class MetricsJsonTests
{
    [Fact]
    public void The_documented_example_loads()
    {
        const string json = """
            {
              "now": "2024-05-06T12:00:00Z",
              "pool": { "targetDedicatedNodes": 2, "targetLowPriorityNodes": 1, "currentDedicatedNodes": 1, "taskSlotsPerNode": 4 },
              "samples": {
                "$ActiveTasks": [
                  { "time": "2024-05-06T11:59:00Z", "value": 3 },
                  { "time": "2024-05-06T11:59:30Z", "value": 5 }
                ],
                "$CPUPercent": { "end": "2024-05-06T11:59:30Z", "values": [10, null, 30] },
                "$CurrentDedicated": { "start": "2024-05-06T11:59:00Z", "values": [1, 1] }
              }
            }
            """;
        var context = AutoScaleMetrics.Load(json);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 12, 0, 0, TimeSpan.Zero), context.Now);
        Assert.Equal((2, 1, 1, 1, 4.0), (context.TargetDedicatedNodes, context.TargetLowPriorityNodes, context.CurrentDedicatedNodes, context.CurrentLowPriorityNodes, context.TaskSlotsPerNode));
        var active = context.Samples["$ActiveTasks"];
        Assert.Equal([3.0, 5.0], new[] { active[0].Value, active[1].Value });
        var cpu = context.Samples["$CPUPercent"];
        Assert.Equal(2, cpu.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 11, 58, 30, TimeSpan.Zero), cpu[0].Time);
        Assert.Equal(30, cpu[1].Value);
        Assert.True(context.Samples.ContainsKey("$CurrentDedicatedNodes"));

        var evaluation = AutoScaleFormula.Parse("$TargetDedicatedNodes = max($ActiveTasks.GetSample(2)) / $TaskSlotsPerNode + avg($CPUPercent.GetSample(3)) / 10;")
            .Formula!.Evaluate(context);
        // 5 / 4 + (10 + 30) / 2 / 10 = 3.25.
        Assert.Equal("$TargetDedicatedNodes=3;$TargetLowPriorityNodes=1;$NodeDeallocationOption=requeue", evaluation.Results);
    }

    [Fact]
    public void Missing_parts_default_sensibly()
    {
        var fallback = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var context = AutoScaleMetrics.Load("{}", fallback);
        Assert.Equal(fallback, context.Now);
        Assert.Equal((0, 0, 0, 0, 1.0), (context.TargetDedicatedNodes, context.TargetLowPriorityNodes, context.CurrentDedicatedNodes, context.CurrentLowPriorityNodes, context.TaskSlotsPerNode));
        Assert.Empty(context.Samples);
        using var stream = new MemoryStream("{ \"pool\": { \"currentDedicatedNodes\": 3 } }"u8.ToArray());
        var fromStream = AutoScaleMetrics.Load(stream, fallback);
        Assert.Equal((3, 3), (fromStream.TargetDedicatedNodes, fromStream.CurrentDedicatedNodes));
    }

    [Theory]
    [InlineData("[]", "must be an object")]
    [InlineData("{ \"now\": 5 }", "now must be an ISO 8601 time")]
    [InlineData("{ \"nw\": \"2024-05-06T12:00:00Z\" }", "unknown property 'nw'")]
    [InlineData("{ \"pool\": { \"targetDedicated\": 1 } }", "unknown setting 'pool.targetDedicated'")]
    [InlineData("{ \"pool\": { \"targetDedicatedNodes\": -1 } }", "pool.targetDedicatedNodes must be a whole number")]
    [InlineData("{ \"samples\": { \"$Bogus\": [] } }", "'$Bogus' is not a variable with samples")]
    [InlineData("{ \"samples\": { \"$TaskSlotsPerNode\": [] } }", "'$TaskSlotsPerNode' is not a variable with samples")]
    [InlineData("{ \"samples\": { \"$ActiveTasks\": [ { \"time\": \"2024-05-06T12:00:00Z\" } ] } }", "samples.$ActiveTasks[0] must be an object with 'time' and 'value'")]
    [InlineData("{ \"samples\": { \"$ActiveTasks\": { \"values\": [1] } } }", "exactly one of 'start'")]
    [InlineData("{ \"samples\": { \"$ActiveTasks\": { \"start\": \"2024-05-06T12:00:00Z\", \"values\": [\"1\"] } } }", "samples.$ActiveTasks.values[0] must be a number")]
    [InlineData("{ \"samples\": { \"$CurrentDedicated\": [], \"$CurrentDedicatedNodes\": [] } }", "given twice")]
    [InlineData("{ \"now\": ", "malformed")]
    public void Mistakes_are_reported_with_where_they_are(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => AutoScaleMetrics.Load(json));
        Assert.Contains(message, error.Message);
    }
}
