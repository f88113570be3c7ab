using System.Text.RegularExpressions;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>
/// The client reads what the live service wrote: every recorded answer (../shared/batch-recordings) from api-version
/// 2017-05-01.5.0 on for pools, nodes, node files, node counts, supported images, autoscale evaluations and errors goes
/// through BatchClient's models without an exception, and comes out equal by meaning.
/// </summary>
public class RecordedResponsesTests
{
    /// <summary>The first api-version with today's pool property names (INDEX.md observation 12).</summary>
    private const string FirstVersion = "2017-05-01";

    /// <summary>What reading every recorded body found, per recording file.</summary>
    private sealed record Reading(int Total, int Read, List<string> Failures, RecordedBodyComparer Comparer);

    private static readonly Lazy<IReadOnlyDictionary<string, Reading>> Readings = new(ReadAll);

    public static TheoryData<string> Files() =>
        new(SharedReferenceData.RowsOrPlaceholder(() =>
            Directory.GetFiles(BatchRecordings.Folder, "*.jsonl").Select(f => Path.GetFileName(f)!).Where(f => f != "autoscale-pairs.jsonl").Order(StringComparer.Ordinal)));

    private static IReadOnlyDictionary<string, Reading> ReadAll()
    {
        var readings = new Dictionary<string, Reading>();
        foreach (var file in BatchRecordings.All().GroupBy(i => i.File))
        {
            var comparer = new RecordedBodyComparer();
            var failures = new List<string>();
            int total = 0, read = 0;
            foreach (var interaction in file)
            {
                if (string.CompareOrdinal(interaction.ApiVersionDate, FirstVersion) < 0 || string.IsNullOrEmpty(interaction.ResponseBody)) continue;
                if (RecordedBodyComparer.ModelFor(interaction) is not { } model) continue;
                total++;
                try
                {
                    comparer.Compare(interaction.ToString(), interaction.ResponseBody!, model.Model, model.Definition2024, model.Definition2025);
                    read++;
                }
                catch (Exception e)
                {
                    failures.Add($"{interaction}: {e.GetType().Name}: {e.Message}");
                }
            }
            readings[file.Key] = new Reading(total, read, failures, comparer);
        }
        return readings;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_recorded_answer_reads_through_our_models_equal_by_meaning(string file)
    {
        SharedReferenceData.Require();
        var reading = Readings.Value[file];
        Assert.True(reading.Failures.Count == 0, "bodies our models cannot read:\n  " + string.Join("\n  ", reading.Failures));
        Assert.True(reading.Comparer.MissingFromModels.Count == 0,
            "properties and enum values the current specs define that our models lack:\n  " + string.Join("\n  ", reading.Comparer.MissingFromModels));
        Assert.True(reading.Comparer.Differences.Count == 0, "read differently:\n  " + string.Join("\n  ", reading.Comparer.Differences.Take(40)));
        Assert.Equal(reading.Total, reading.Read);
    }

    [Fact]
    public void Every_answer_of_the_kinds_we_model_is_read()
    {
        SharedReferenceData.Require();
        var total = Readings.Value.Values.Sum(r => r.Total);
        var read = Readings.Value.Values.Sum(r => r.Read);
        // docs/reliability.md gives these figures.
        Assert.Equal((650, 650), (total, read));
    }

    [Fact]
    public void The_properties_only_older_versions_had_are_the_ones_the_reliability_page_lists()
    {
        SharedReferenceData.Require();
        var olderOnly = Readings.Value.Values.SelectMany(r => r.Comparer.OlderOnly).ToHashSet(StringComparer.Ordinal);
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "reliability.md"));
        var section = page[page.IndexOf("<!-- older-only:start -->", StringComparison.Ordinal)..page.IndexOf("<!-- older-only:end -->", StringComparison.Ordinal)];
        var listed = Regex.Matches(section, @"^- `([^`]+)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(olderOnly.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }
}
