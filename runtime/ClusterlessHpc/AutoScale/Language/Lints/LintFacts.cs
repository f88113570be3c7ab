using ClusterlessHpc.AutoScale.Language.Syntax;

namespace ClusterlessHpc.AutoScale.Language.Lints
{
    internal enum LintKind
    {
        Number,
        Vector,
        Interval,
        Other,
    }

    /// <summary>
    /// What the linter knows of a value without evaluating it: its constant (a number or an interval) when folding gives
    /// one, whether it may be fractional or negative (for a vector: any of its elements), the bounds it is known to lie
    /// within (so that a clamp such as max(3, min(x, 3)) is known to be 3), whether it comes from a check of how many
    /// samples exist, and the sample read that may leave it empty.
    /// </summary>
    internal readonly struct LintFacts
    {
        public LintFacts(LintKind kind, double? number = null, long? ticks = null, bool fraction = false, bool negative = false,
            bool sampleCheck = false, MethodCallSyntax? mayBeEmpty = null, double? lower = null, double? upper = null)
        {
            Kind = kind;
            Number = number;
            Ticks = ticks;
            Fraction = fraction;
            Negative = negative;
            SampleCheck = sampleCheck;
            MayBeEmpty = mayBeEmpty;
            Lower = number ?? lower;
            Upper = number ?? upper;
        }

        public LintKind Kind { get; }

        public double? Number { get; }

        public long? Ticks { get; }

        public bool Fraction { get; }

        public bool Negative { get; }

        public bool SampleCheck { get; }

        public MethodCallSyntax? MayBeEmpty { get; }

        /// <summary>A value the number (for a vector: each element) is known never to be below; null when unknown.</summary>
        public double? Lower { get; }

        /// <summary>A value the number (for a vector: each element) is known never to exceed; null when unknown.</summary>
        public double? Upper { get; }

        public static LintFacts Other => new(LintKind.Other);

        /// <summary>A count: a whole number, never negative.</summary>
        public static LintFacts Count(bool sampleCheck = false) => new(LintKind.Number, sampleCheck: sampleCheck, lower: 0);

        /// <summary>Any double.</summary>
        public static LintFacts AnyNumber => new(LintKind.Number, fraction: true, negative: true);

        public static LintFacts Constant(double value) =>
            new(LintKind.Number, value, fraction: !IsWhole(value), negative: value < 0);

        /// <summary>0 or 1, as comparisons and logical operators give; constant when known.</summary>
        public static LintFacts Truth(bool? value, bool sampleCheck) =>
            new(LintKind.Number, value is null ? null : value.Value ? 1 : 0, sampleCheck: sampleCheck, lower: 0, upper: 1);

        public LintFacts With(bool fraction, bool negative) =>
            new(Kind, Number, Ticks, fraction, negative, SampleCheck, MayBeEmpty, Lower, Upper);

        /// <summary>Either of two values, as the branches of '?:' whose condition is not known.</summary>
        public static LintFacts Either(LintFacts a, LintFacts b) =>
            new(a.Kind,
                a.Number is { } x && b.Number is { } y && x.Equals(y) ? x : null,
                a.Ticks is { } s && b.Ticks is { } t && s == t ? s : null,
                a.Fraction || b.Fraction, a.Negative || b.Negative, a.SampleCheck || b.SampleCheck, a.MayBeEmpty ?? b.MayBeEmpty,
                a.Lower is { } l && b.Lower is { } m ? System.Math.Min(l, m) : null,
                a.Upper is { } u && b.Upper is { } v ? System.Math.Max(u, v) : null);

        public static bool IsWhole(double value) => !double.IsNaN(value) && !double.IsInfinity(value) && System.Math.Floor(value) == value;
    }
}
