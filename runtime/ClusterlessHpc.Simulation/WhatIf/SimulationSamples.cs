using System;
using System.Collections.Generic;
using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Simulation
{
    internal static class SimulationSamples
    {
        public static IReadOnlyDictionary<string, SampleSeries> Series(IReadOnlyList<PoolSample> samples, int first, int count) => throw new NotImplementedException();
    }
}
