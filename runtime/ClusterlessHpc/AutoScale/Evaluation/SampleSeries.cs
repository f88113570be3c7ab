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
            var list = new List<MetricSample>(samples);
            list.Sort((a, b) => a.Time.UtcTicks.CompareTo(b.Time.UtcTicks));
            _ticks = new long[list.Count];
            _values = new double[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                _ticks[i] = list[i].Time.UtcTicks;
                _values[i] = list[i].Value;
            }
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
