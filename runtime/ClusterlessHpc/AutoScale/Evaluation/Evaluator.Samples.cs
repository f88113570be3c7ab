using System;
using ClusterlessHpc.AutoScale.Language.Binding;
using ClusterlessHpc.AutoScale.Language.BuiltIns;

namespace ClusterlessHpc.AutoScale.Evaluation
{
    /// <summary>
    /// The sample methods. Intervals look back from now; a window (from, to] holds the samples after its start up to and
    /// including its end, and "all samples" for a window is one per 30 seconds (at least one).
    /// </summary>
    internal sealed partial class Evaluator
    {
        public const long SamplePeriodTicks = 30 * TimeIntervals.TicksPerSecond;

        private FormulaValue EvaluateSampleCall(BoundSampleCall call)
        {
            var arguments = new FormulaValue[call.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = Evaluate(call.Arguments[i]);
            var series = _context.SamplesOf(call.Variable.CanonicalName);
            var upTo = series.FirstAfter(_now);
            switch (call.Method)
            {
                case SampleMethodKind.Count:
                    return FormulaValue.Double(upTo);
                case SampleMethodKind.GetSamplePeriod:
                    return FormulaValue.Interval(SamplePeriodTicks);
                case SampleMethodKind.HistoryBeginTime:
                    if (upTo == 0) throw NoSamples(call.Variable, call.Position);
                    return FormulaValue.Timestamp(series.TicksAt(0));
                case SampleMethodKind.GetSamplePercent:
                {
                    var (from, to) = Window(arguments, arguments.Length);
                    return FormulaValue.Double(Percent(series, from, to));
                }
            }

            if (arguments.Length == 1 && arguments[0].Type == FormulaType.Double)
            {
                // The n most recent samples, whatever their age; fewer when fewer exist.
                var wanted = arguments[0].Number;
                var count = double.IsNaN(wanted) || wanted < 1 ? 0 : (int)Math.Min(wanted, upTo);
                return FormulaValue.Vec(series.Values, upTo - count, count);
            }
            var hasPercent = arguments[arguments.Length - 1].Type == FormulaType.Double;
            var (start, end) = Window(arguments, hasPercent ? arguments.Length - 1 : arguments.Length);
            if (hasPercent)
            {
                var wantedPercent = arguments[arguments.Length - 1].Number;
                var received = Percent(series, start, end);
                if (received < wantedPercent)
                {
                    throw new EvaluationFailure(AutoScaleErrorCodes.InsufficientSampleData, call.Position,
                        "Insufficient data from data set: " + call.Variable.Name + " wanted " + ResultFormatter.FormatNumber(wantedPercent) +
                        "%, received " + ResultFormatter.FormatNumber(received) + "%");
                }
            }
            var first = series.FirstAfter(start);
            return FormulaValue.Vec(series.Values, first, Math.Max(0, series.FirstAfter(end) - first));
        }

        /// <summary>The window (from, to] of the time arguments: one means "from then until now"; the order of two does not matter.</summary>
        private (long From, long To) Window(FormulaValue[] arguments, int timeArguments)
        {
            var first = Absolute(arguments[0]);
            var second = timeArguments > 1 ? Absolute(arguments[1]) : _now;
            var from = Math.Min(first, second);
            var to = Math.Min(Math.Max(first, second), _now);
            return (Math.Min(from, to), to);
        }

        private long Absolute(FormulaValue time) =>
            time.Type == FormulaType.Timestamp
                ? time.Ticks
                : (long)Math.Min(DateTime.MaxValue.Ticks, Math.Max(DateTime.MinValue.Ticks, (decimal)_now - time.Ticks));

        private static double Percent(SampleSeries series, long from, long to)
        {
            var received = series.FirstAfter(to) - series.FirstAfter(from);
            var expected = Math.Max(1, (long)Math.Ceiling((to - from) / (double)SamplePeriodTicks));
            return Math.Min(100, received * 100.0 / expected);
        }
    }
}
