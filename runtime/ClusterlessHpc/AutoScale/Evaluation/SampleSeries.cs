using System;
using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>The samples of one metric, oldest first; timestamps are kept as UTC ticks for binary search.</summary>
    public sealed class SampleSeries
    {
        public static SampleSeries Empty { get; } = new(Array.Empty<MetricSample>());

        private readonly long[] _ticks;
        private readonly double[] _values;

        public SampleSeries(IEnumerable<MetricSample> samples)
        {
            // Samples usually come in time order (a simulation makes a series per evaluation, of up to two days of
            // samples): then they are read once, into the series' arrays, and not sorted.
            var list = samples as IReadOnlyList<MetricSample> ?? new List<MetricSample>(samples);
            _ticks = new long[list.Count];
            _values = new double[list.Count];
            var ordered = true;
            for (var i = 0; i < list.Count; i++)
            {
                var sample = list[i];
                _ticks[i] = sample.Time.UtcTicks;
                _values[i] = sample.Value;
                ordered &= i == 0 || _ticks[i] >= _ticks[i - 1];
            }
            if (!ordered) Array.Sort(_ticks, _values);
        }

        public int Count => _ticks.Length;

        public MetricSample this[int index] => new(new DateTimeOffset(_ticks[index], TimeSpan.Zero), _values[index]);

        /// <summary>Index of the first sample after <paramref name="ticks"/> (samples at exactly that time are before it).</summary>
        internal int FirstAfter(long ticks)
        {
            int low = 0, high = _ticks.Length;
            while (low < high)
            {
                var mid = (low + high) >> 1;
                if (_ticks[mid] <= ticks) low = mid + 1;
                else high = mid;
            }
            return low;
        }

        internal long TicksAt(int index) => _ticks[index];

        /// <summary>The values, oldest first; evaluation reads windows of it without copying.</summary>
        internal double[] Values => _values;

        internal double ValueAt(int index) => _values[index];
    }
}
