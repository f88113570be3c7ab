using System;
using ClusterlessHpc.AutoScale.Language.Binding;

namespace ClusterlessHpc.AutoScale.Evaluation
{
    /// <summary>A value during evaluation. Timestamps and intervals are 100 ns ticks (UTC for timestamps).</summary>
    internal readonly struct FormulaValue
    {
        private FormulaValue(FormulaType type, double number, long ticks, object? reference, int offset = 0, int count = 0)
        {
            Type = type;
            Number = number;
            Ticks = ticks;
            Reference = reference;
            _offset = offset;
            _count = count;
        }

        // A doubleVec is a window on an array: sample windows share the series' values instead of copying them.
        // Nothing writes to a vector once made, so sharing is safe.
        private readonly int _offset;
        private readonly int _count;

        public FormulaType Type { get; }

        public double Number { get; }

        public long Ticks { get; }

        private object? Reference { get; }

        public ReadOnlySpan<double> Vector => new((double[])Reference!, _offset, _count);

        public string Text => (string)Reference!;

        public static FormulaValue Double(double value) => new(FormulaType.Double, value, 0, null);

        public static FormulaValue Bool(bool value) => new(FormulaType.Double, value ? 1 : 0, 0, null);

        public static FormulaValue Vec(double[] values) => new(FormulaType.DoubleVec, 0, 0, values, 0, values.Length);

        public static FormulaValue Vec(double[] values, int offset, int count) => new(FormulaType.DoubleVec, 0, 0, values, offset, count);

        public static FormulaValue String(string value) => new(FormulaType.String, 0, 0, value);

        public static FormulaValue Timestamp(long ticks) => new(FormulaType.Timestamp, 0, ticks, null);

        public static FormulaValue Interval(long ticks) => new(FormulaType.TimeInterval, 0, ticks, null);

        public static FormulaValue None => new(FormulaType.None, 0, 0, null);
    }
}
