using ClusterlessHpc.AutoScale;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Tests.AutoScale;

public class FormattingAndTimeTests
{
    [Theory]
    [InlineData(96.66666666666667, "96.6667")]
    [InlineData(0.5, "0.5")]
    [InlineData(100, "100")]
    [InlineData(0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(123456, "123456")]
    [InlineData(1234567, "1.23457e+06")]
    [InlineData(16777216, "1.67772e+07")]
    [InlineData(999999.5, "1e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001234, "1.234e-05")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(1e100, "1e+100")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    public void Numbers_print_as_c_percent_g(double value, string expected) => Assert.Equal(expected, ResultFormatter.FormatNumber(value));

    [Fact]
    public void Timestamps_print_in_utc_with_milliseconds() =>
        Assert.Equal("2016-10-13T19:18:47.805Z", ResultFormatter.FormatTimestamp(new DateTimeOffset(2016, 10, 13, 21, 18, 47, 805, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData("2014-10-06T10:20:00Z", "2014-10-06T10:20:00.0000000Z")]
    [InlineData("2023-04-14T13:26:49.123456Z", "2023-04-14T13:26:49.1234560Z")]
    [InlineData("2023-04-14T13:26:49.1Z", "2023-04-14T13:26:49.1000000Z")]
    [InlineData("2014-10-06T10:20Z", "2014-10-06T10:20:00.0000000Z")]
    [InlineData("2014-10-06T10:20:00-05:30", "2014-10-06T15:50:00.0000000Z")]
    [InlineData("2014-10-06", "2014-10-06T00:00:00.0000000Z")]
    [InlineData("2014-10", "2014-10-01T00:00:00.0000000Z")]
    [InlineData("2014", "2014-01-01T00:00:00.0000000Z")]
    [InlineData("Mon, 06 Oct 2014 10:20:00 GMT", "2014-10-06T10:20:00.0000000Z")]
    [InlineData("Wed, 14 May 2025 17:31:28 GMT", "2025-05-14T17:31:28.0000000Z")]
    [InlineData("Mon, 6 Oct 2014 10:20:00 GMT", "2014-10-06T10:20:00.0000000Z")]
    public void Time_strings_the_service_parses(string text, string utc)
    {
        Assert.True(FormulaTime.TryParse(text, out var ticks, out var problem), problem);
        Assert.Equal(utc, new DateTime(ticks, DateTimeKind.Utc).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2023-04-14T13:26:49.123456789Z", "9 fractional-second digits")]
    [InlineData("2023-04-14T13:26:49.1234567Z", "7 fractional-second digits")]
    [InlineData("2023-04-14T13:26:49", "no time zone")]
    [InlineData("2023-04-14 13:26:49Z", "W3C-DTF")]
    [InlineData("2023-4-14", "W3C-DTF")]
    [InlineData("2023-13-01", "the month 13")]
    [InlineData("2023-04-14T24:00:00Z", "out of range")]
    [InlineData("2023-04-14T10:00:00+24:00", "offset is out of range")]
    [InlineData("0000-01-01", "0000")]
    [InlineData("0001-01-01T00:00:00+01:00", "outside the years")]
    [InlineData("Mon, 06 Oct 2014 10:20:00 +0000", "must end with GMT")]
    [InlineData("Monday, 06 Oct 2014 10:20:00 GMT", "RFC 1123")]
    [InlineData("Mon, 06 Okt 2014 10:20:00 GMT", "RFC 1123")]
    [InlineData(" 2014-10-06", "neither")]
    [InlineData("now", "RFC 1123")]
    public void Time_strings_it_refuses(string text, string why)
    {
        Assert.False(FormulaTime.TryParse(text, out _, out var problem));
        Assert.Contains(why, problem);
    }

    [Fact]
    public void The_autoscale_rules_are_in_the_catalogue_in_their_range()
    {
        // The formula's own rules; the [AutoScale] settings rules (CHPC0020-0022) share the category.
        // CHPC1048-1059 are the simulation expectations' (their own category).
        var rules = DiagnosticCatalogue.All.Where(r => string.CompareOrdinal(r.Id, "CHPC1000") >= 0 && r.Category != "ClusterlessHpc.Simulation").ToList();
        Assert.Equal(47, rules.Count);
        Assert.All(rules, r => Assert.Equal("ClusterlessHpc.AutoScale", r.Category));
        Assert.All(rules, r => Assert.InRange(int.Parse(r.Id[4..], System.Globalization.CultureInfo.InvariantCulture), 1000, 1999));
        Assert.DoesNotContain(DiagnosticCatalogue.All, r => r is null);
        Assert.Equal(RuleSeverity.Warning, DiagnosticCatalogue.FormulaShouldAssignTarget.Severity);
    }
}
