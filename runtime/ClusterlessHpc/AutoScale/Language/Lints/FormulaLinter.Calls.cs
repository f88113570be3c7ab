using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;

namespace ClusterlessHpc.AutoScale.Language.Lints
{
    /// <summary>Functions and sample methods: what they give, and the sample reads that may find no sample.</summary>
    internal sealed partial class FormulaLinter
    {
        private LintFacts Call(CallSyntax call, bool guarded)
        {
            var arguments = new LintFacts[call.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = Walk(call.Arguments[i], guarded);
            var check = false;
            foreach (var argument in arguments) check |= argument.SampleCheck;
            switch (Functions.All[call.NameText])
            {
                case FunctionKind.Max:
                case FunctionKind.Min:
                {
                    NeedsSample(call.NameText, arguments, arguments.Length, guarded);
                    var max = call.NameText == "max";
                    bool? constant = null;
                    var fraction = false;
                    var negative = max;
                    double? folded = null;
                    foreach (var argument in arguments)
                    {
                        fraction |= argument.Fraction;
                        negative = max ? negative && argument.Negative : negative || argument.Negative;
                        if (argument.Kind == LintKind.Number && argument.Number is { } n) folded = folded is { } f ? (max ? System.Math.Max(f, n) : System.Math.Min(f, n)) : n;
                        else constant = false;
                    }
                    if (constant is null && folded is { } value) return LintFacts.Constant(value);
                    if (Dominant(arguments, max) is { } picked)
                    {
                        // A clamp whose bounds decide it, as max(3, min(x, 3)): the value is that argument's, whatever the others.
                        return new LintFacts(LintKind.Number, picked.Number, fraction: picked.Fraction, negative: picked.Negative, sampleCheck: check,
                            lower: picked.Lower, upper: picked.Upper);
                    }
                    var (lower, upper) = max ? MaxBounds(arguments) : MinBounds(arguments);
                    return new LintFacts(LintKind.Number, fraction: fraction, negative: negative, sampleCheck: check, lower: lower, upper: upper);
                }
                case FunctionKind.Avg:
                case FunctionKind.Range:
                case FunctionKind.Std:
                {
                    NeedsSample(call.NameText, arguments, arguments.Length, guarded);
                    var negative = false;
                    foreach (var argument in arguments) negative |= argument.Negative;
                    // An average lies between the smallest and the largest of what it averages.
                    var average = call.NameText == "avg";
                    return new LintFacts(LintKind.Number, fraction: true, negative: average && negative, sampleCheck: check,
                        lower: average ? MinBounds(arguments).Lower : null, upper: average ? MaxBounds(arguments).Upper : null);
                }
                case FunctionKind.Val:
                case FunctionKind.Percentile:
                    // The second argument is an index or a percentage, not a value to fall back on.
                    NeedsSample(call.NameText, arguments, 1, guarded);
                    return arguments.Length > 0
                        ? new LintFacts(LintKind.Number, fraction: arguments[0].Fraction, negative: arguments[0].Negative, sampleCheck: check,
                            lower: arguments[0].Lower, upper: arguments[0].Upper)
                        : LintFacts.AnyNumber;
                case FunctionKind.Sum:
                {
                    var fraction = false;
                    var negative = false;
                    foreach (var argument in arguments) { fraction |= argument.Fraction; negative |= argument.Negative; }
                    return new LintFacts(LintKind.Number, fraction: fraction, negative: negative, sampleCheck: check);
                }
                case FunctionKind.Len: return LintFacts.Count(sampleCheck: true);
                case FunctionKind.Norm: return new LintFacts(LintKind.Number, fraction: true);
                case FunctionKind.Rand: return new LintFacts(LintKind.Number, fraction: true);
                case FunctionKind.Ceil:
                case FunctionKind.Floor:
                case FunctionKind.Round:
                    return Rounded(call, arguments);
                case FunctionKind.Lg:
                case FunctionKind.Ln:
                case FunctionKind.Log:
                    return arguments.Length == 1 && arguments[0].Kind == LintKind.Number
                        ? LintFacts.AnyNumber
                        : new LintFacts(LintKind.Vector, fraction: true, negative: true, mayBeEmpty: FirstEmpty(arguments));
                default: return LintFacts.Other;
            }
        }

        private static LintFacts Rounded(CallSyntax call, LintFacts[] arguments)
        {
            if (arguments.Length == 1 && arguments[0].Kind == LintKind.Number)
            {
                if (arguments[0].Number is { } n)
                {
                    var rounded = call.NameText == "ceil" ? System.Math.Ceiling(n) : call.NameText == "floor" ? System.Math.Floor(n) : System.Math.Round(n, System.MidpointRounding.AwayFromZero);
                    return LintFacts.Constant(rounded);
                }
                return new LintFacts(LintKind.Number, negative: arguments[0].Negative, sampleCheck: arguments[0].SampleCheck,
                    lower: Floor(arguments[0].Lower), upper: Ceiling(arguments[0].Upper));
            }
            var negative = false;
            foreach (var argument in arguments) negative |= argument.Negative;
            return new LintFacts(LintKind.Vector, negative: negative, mayBeEmpty: FirstEmpty(arguments));
        }

        private static double? Floor(double? value) => value is { } v ? System.Math.Floor(v) : null;

        private static double? Ceiling(double? value) => value is { } v ? System.Math.Ceiling(v) : null;

        /// <summary>
        /// The argument max (or min) is sure to give: one that can be no smaller (larger) than every other can be large
        /// (small), and that is never empty, so it never leaves the choice to the others.
        /// </summary>
        private static LintFacts? Dominant(LintFacts[] arguments, bool max)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                var candidate = arguments[i];
                if (candidate.Kind is not (LintKind.Number or LintKind.Vector) || candidate.MayBeEmpty is not null) continue;
                if ((max ? candidate.Lower : candidate.Upper) is not { } edge) continue;
                var decides = true;
                for (var j = 0; j < arguments.Length && decides; j++)
                {
                    if (j == i) continue;
                    decides = max ? arguments[j].Upper is { } upper && upper <= edge : arguments[j].Lower is { } lower && lower >= edge;
                }
                if (decides) return candidate;
            }
            return null;
        }

        /// <summary>max(...) is at least the largest known lower bound, and at most the largest upper bound when every one is known.</summary>
        private static (double? Lower, double? Upper) MaxBounds(LintFacts[] arguments)
        {
            double? lower = null, upper = double.NegativeInfinity;
            foreach (var argument in arguments)
            {
                if (argument.Lower is { } l) lower = lower is { } known ? System.Math.Max(known, l) : l;
                upper = argument.Upper is { } u && upper is { } most ? System.Math.Max(most, u) : null;
            }
            return (lower, arguments.Length > 0 ? upper : null);
        }

        /// <summary>min(...) is at most the smallest known upper bound, and at least the smallest lower bound when every one is known.</summary>
        private static (double? Lower, double? Upper) MinBounds(LintFacts[] arguments)
        {
            double? lower = double.PositiveInfinity, upper = null;
            foreach (var argument in arguments)
            {
                if (argument.Upper is { } u) upper = upper is { } known ? System.Math.Min(known, u) : u;
                lower = argument.Lower is { } l && lower is { } least ? System.Math.Min(least, l) : null;
            }
            return (arguments.Length > 0 ? lower : null, upper);
        }

        private static MethodCallSyntax? FirstEmpty(LintFacts[] arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.MayBeEmpty is { } read) return read;
            }
            return null;
        }

        /// <summary>
        /// An aggregate of the first <paramref name="values"/> arguments fails on no values at all. It is safe when one
        /// of them is a double (the fallback, as in max(0, v)), or inside a branch chosen by a check of the samples.
        /// </summary>
        private void NeedsSample(string function, LintFacts[] arguments, int values, bool guarded)
        {
            if (guarded) return;
            for (var i = 0; i < values && i < arguments.Length; i++)
            {
                if (arguments[i].Kind != LintKind.Vector) return;
            }
            for (var i = 0; i < values && i < arguments.Length; i++)
            {
                if (arguments[i].MayBeEmpty is { } read && _reportedEmpty.Add(read)) _diagnostics.SampleMayBeMissing(read, function);
            }
        }

        private LintFacts SampleMethod(MethodCallSyntax method, bool guarded)
        {
            var arguments = new LintFacts[method.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = Walk(method.Arguments[i], guarded);
            var variable = method.Receiver is NameSyntax receiver ? SystemVariables.Find(receiver.Name) : null;
            if (variable is { IsAlias: true }) _diagnostics.LegacyAlias(method.Receiver.Start, method.Receiver.Length, variable);
            switch (SampleMethods.All[method.NameText])
            {
                case SampleMethodKind.Count: return LintFacts.Count(sampleCheck: true);
                case SampleMethodKind.GetSamplePercent:
                    LintWindow(method, arguments, arguments.Length);
                    return new LintFacts(LintKind.Number, fraction: true, sampleCheck: true, lower: 0, upper: 100);
                case SampleMethodKind.GetSamplePeriod: return new LintFacts(LintKind.Interval, ticks: 30 * TimeIntervals.TicksPerSecond);
                case SampleMethodKind.HistoryBeginTime: return LintFacts.Other;
            }

            var whole = variable is not null && Counts.Contains(variable.CanonicalName);
            // A count's samples are whole and never below 0.
            double? lowest = whole ? 0 : null;
            if (arguments.Length == 1 && arguments[0].Kind == LintKind.Number)
            {
                // The n most recent samples: none before the first sample of the pool's history.
                return new LintFacts(LintKind.Vector, fraction: !whole, mayBeEmpty: method, lower: lowest);
            }
            var withPercent = arguments.Length > 0 && arguments[arguments.Length - 1].Kind == LintKind.Number;
            LintWindow(method, arguments, withPercent ? arguments.Length - 1 : arguments.Length);
            // With a percentage, too few samples stop the evaluation without a change, as documented; without one, the window may be empty.
            return new LintFacts(LintKind.Vector, fraction: !whole, mayBeEmpty: withPercent ? null : method, lower: lowest);
        }

        /// <summary>A window that lies wholly in the last minute may hold no sample: samples reach formulas about a minute late.</summary>
        private void LintWindow(MethodCallSyntax method, LintFacts[] arguments, int timeArguments)
        {
            if (timeArguments == 0) return;
            long oldest = 0;
            for (var i = 0; i < timeArguments; i++)
            {
                if (arguments[i].Kind != LintKind.Interval || arguments[i].Ticks is not { } ticks) return;
                oldest = System.Math.Max(oldest, ticks);
            }
            if (oldest <= LastMinuteTicks) _diagnostics.WindowInLastMinute(method, oldest / TimeIntervals.TicksPerSecond);
        }
    }
}
