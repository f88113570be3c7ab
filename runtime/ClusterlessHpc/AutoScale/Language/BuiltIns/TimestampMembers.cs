using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>The parts of a timestamp, read as <c>t.hour</c>; each is a double (weekday: 1 Monday … 7 Sunday).</summary>
    internal enum TimestampMember
    {
        Year,
        Month,
        Day,
        Weekday,
        Hour,
        Minute,
        Second,
    }

    internal static class TimestampMembers
    {
        public static IReadOnlyDictionary<string, TimestampMember> All { get; } = new Dictionary<string, TimestampMember>(System.StringComparer.Ordinal)
        {
            ["year"] = TimestampMember.Year,
            ["month"] = TimestampMember.Month,
            ["day"] = TimestampMember.Day,
            ["weekday"] = TimestampMember.Weekday,
            ["hour"] = TimestampMember.Hour,
            ["minute"] = TimestampMember.Minute,
            ["second"] = TimestampMember.Second,
        };
    }
}
