using System.Threading.Tasks;

namespace ClusterlessHpc.Cli
{
    internal static class Program
    {
        private static Task<int> Main(string[] args) => Chpc.RunAsync(args, CliConsole.FromProcess(), handleSignals: true);
    }
}
