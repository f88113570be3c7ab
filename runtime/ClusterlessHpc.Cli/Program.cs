using System;

namespace ClusterlessHpc.Cli
{
    internal static class Program
    {
        private static int Main(string[] args) => Chpc.Run(args, new CliConsole(Console.In, Console.Out, Console.Error));
    }
}
