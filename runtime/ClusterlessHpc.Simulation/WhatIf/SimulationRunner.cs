using System;

namespace ClusterlessHpc.Simulation
{
    internal static class SimulationRunner
    {
        public static AutoScaleSimulationResult Run(AutoScaleSimulation simulation) => throw new NotImplementedException();
    }
}
