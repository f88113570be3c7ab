using System.Text.RegularExpressions;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>docs/autoscale.md names the test of each ruling; those tests must exist, so no ruling goes untested.</summary>
public partial class RulingsDocumentTests
{
    [Fact]
    public void Every_ruling_names_tests_that_exist()
    {
        var page = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "autoscale.md"));
        var rulings = page.Where(line => RulingRow().IsMatch(line)).ToList();
        Assert.True(rulings.Count >= 29, $"{rulings.Count} rulings found");
        foreach (var row in rulings)
        {
            var cells = row.Split(" | ");
            var references = TestReference().Matches(cells[^1]).Select(m => m.Groups[1].Value).ToList();
            Assert.True(references.Count > 0, "no test named for " + cells[0]);
            Type? type = null;
            foreach (var reference in references)
            {
                var parts = reference.Split('.', 2);
                if (parts[0].Length > 0) type = typeof(RulingsDocumentTests).Assembly.GetType("ClusterlessHpc.Tests.AutoScale." + parts[0]);
                Assert.True(type is not null, $"{cells[0]}: no test class for `{reference}`");
                if (parts.Length == 2) Assert.True(type!.GetMethod(parts[1]) is not null, $"{cells[0]}: no test `{reference}`");
            }
        }
    }

    [GeneratedRegex(@"^\| R\d+ \|")]
    private static partial Regex RulingRow();

    [GeneratedRegex(@"`([A-Za-z]*(?:\.[A-Za-z0-9_]+)?)`")]
    private static partial Regex TestReference();
}
