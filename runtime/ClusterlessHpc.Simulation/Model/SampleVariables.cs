using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The task and node variables of a run of samples (<see cref="PoolSample"/>), each a <see cref="SampleSeries"/> made
    /// the first time it is read and kept. The samples must not change while it is in use: the model makes one per
    /// evaluation, under its lock, and the simulation's record only grows.
    /// </summary>
    internal sealed class SampleVariables : IReadOnlyDictionary<string, SampleSeries>
    {
        /// <summary>The variables, and how each is read from a sample.</summary>
        private static readonly (string Name, Func<PoolSample, int> Value)[] Variables =
        [
            ("$ActiveTasks", s => s.Active),
            ("$RunningTasks", s => s.Running),
            ("$PendingTasks", s => s.Active + s.Running),
            ("$SucceededTasks", s => s.Succeeded),
            ("$FailedTasks", s => s.Failed),
            ("$PreemptedNodeCount", s => s.Preempted),
            ("$CurrentDedicatedNodes", s => s.Dedicated),
            ("$CurrentLowPriorityNodes", s => s.LowPriority),
        ];

        private readonly IReadOnlyList<PoolSample> _samples;
        private readonly int _first;
        private readonly int _count;
        private readonly SampleSeries?[] _made = new SampleSeries?[Variables.Length];

        public SampleVariables(IReadOnlyList<PoolSample> samples, int first, int count)
        {
            _samples = samples;
            _first = first;
            _count = count;
        }

        public int Count => Variables.Length;

        public IEnumerable<string> Keys
        {
            get
            {
                foreach (var (name, _) in Variables) yield return name;
            }
        }

        public IEnumerable<SampleSeries> Values
        {
            get
            {
                for (var i = 0; i < Variables.Length; i++) yield return Series(i);
            }
        }

        public SampleSeries this[string key] => TryGetValue(key, out var series) ? series : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out SampleSeries value)
        {
            var index = IndexOf(key);
            value = index < 0 ? null : Series(index);
            return index >= 0;
        }

        public IEnumerator<KeyValuePair<string, SampleSeries>> GetEnumerator()
        {
            for (var i = 0; i < Variables.Length; i++) yield return new(Variables[i].Name, Series(i));
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static int IndexOf(string key)
        {
            for (var i = 0; i < Variables.Length; i++)
            {
                if (string.Equals(Variables[i].Name, key, StringComparison.Ordinal)) return i;
            }
            return -1;
        }

        private SampleSeries Series(int index) =>
            _made[index] ??= new SampleSeries(new VariableSamples(_samples, _first, _count, Variables[index].Value));

        /// <summary>One variable's samples, read in place: the series copies them once, into its own arrays.</summary>
        private sealed class VariableSamples(IReadOnlyList<PoolSample> samples, int first, int count, Func<PoolSample, int> value) : IReadOnlyList<MetricSample>
        {
            public int Count => count;

            public MetricSample this[int index]
            {
                get
                {
                    var sample = samples[first + index];
                    return new MetricSample(sample.Time, value(sample));
                }
            }

            public IEnumerator<MetricSample> GetEnumerator()
            {
                for (var i = 0; i < count; i++) yield return this[i];
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
