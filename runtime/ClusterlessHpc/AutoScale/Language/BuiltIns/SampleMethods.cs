using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>The methods of variables that have samples.</summary>
    internal enum SampleMethodKind
    {
        GetSample,
        GetSamplePeriod,
        Count,
        HistoryBeginTime,
        GetSamplePercent,
    }

    internal static class SampleMethods
    {
        public static IReadOnlyDictionary<string, SampleMethodKind> All { get; } = new Dictionary<string, SampleMethodKind>(System.StringComparer.Ordinal)
        {
            ["GetSample"] = SampleMethodKind.GetSample,
            ["GetSamplePeriod"] = SampleMethodKind.GetSamplePeriod,
            ["Count"] = SampleMethodKind.Count,
            ["HistoryBeginTime"] = SampleMethodKind.HistoryBeginTime,
            ["GetSamplePercent"] = SampleMethodKind.GetSamplePercent,
        };
    }
}
