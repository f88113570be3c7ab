using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>The built-in functions.</summary>
    internal enum FunctionKind
    {
        Avg,
        Len,
        Lg,
        Ln,
        Log,
        Max,
        Min,
        Norm,
        Percentile,
        Rand,
        Range,
        Std,
        Stop,
        Sum,
        Time,
        Val,
        Ceil,
        Floor,
        Round,
    }

    /// <summary>
    /// The function table. Aggregates take a doubleVecList (one or more doubles and doubleVecs) and give a double;
    /// lg, ln, log, ceil, floor and round give a double for one double and a doubleVec for anything else.
    /// </summary>
    internal static class Functions
    {
        public static IReadOnlyDictionary<string, FunctionKind> All { get; } = new Dictionary<string, FunctionKind>(System.StringComparer.Ordinal)
        {
            ["avg"] = FunctionKind.Avg,
            ["len"] = FunctionKind.Len,
            ["lg"] = FunctionKind.Lg,
            ["ln"] = FunctionKind.Ln,
            ["log"] = FunctionKind.Log,
            ["max"] = FunctionKind.Max,
            ["min"] = FunctionKind.Min,
            ["norm"] = FunctionKind.Norm,
            ["percentile"] = FunctionKind.Percentile,
            ["rand"] = FunctionKind.Rand,
            ["range"] = FunctionKind.Range,
            ["std"] = FunctionKind.Std,
            ["stop"] = FunctionKind.Stop,
            ["sum"] = FunctionKind.Sum,
            ["time"] = FunctionKind.Time,
            ["val"] = FunctionKind.Val,
            ["ceil"] = FunctionKind.Ceil,
            ["floor"] = FunctionKind.Floor,
            ["round"] = FunctionKind.Round,
        };

        public static bool IsAggregate(FunctionKind kind) =>
            kind == FunctionKind.Avg || kind == FunctionKind.Len || kind == FunctionKind.Max || kind == FunctionKind.Min ||
            kind == FunctionKind.Norm || kind == FunctionKind.Range || kind == FunctionKind.Std || kind == FunctionKind.Sum;

        public static bool IsComponentWise(FunctionKind kind) =>
            kind == FunctionKind.Lg || kind == FunctionKind.Ln || kind == FunctionKind.Log ||
            kind == FunctionKind.Ceil || kind == FunctionKind.Floor || kind == FunctionKind.Round;
    }
}
