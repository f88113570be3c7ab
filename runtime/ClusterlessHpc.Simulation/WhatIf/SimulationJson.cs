using System;
using System.IO;

namespace ClusterlessHpc.Simulation
{
    internal static class SimulationJson
    {
        public static void WriteMetrics(Stream stream, SimulationEvaluation evaluation) => throw new NotImplementedException();

        public static void WriteResult(Stream stream, AutoScaleSimulationResult result, bool indented) => throw new NotImplementedException();

        public static string ToString(Action<Stream> write)
        {
            using var stream = new MemoryStream();
            write(stream);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
