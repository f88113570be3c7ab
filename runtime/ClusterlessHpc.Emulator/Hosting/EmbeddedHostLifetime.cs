using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ClusterlessHpc.Emulator.Hosting
{
    /// <summary>
    /// The emulator lives inside someone else's process, which owns Ctrl+C and SIGTERM; the emulator stops when it
    /// is disposed, so its host must not install console handlers of its own.
    /// </summary>
    internal sealed class EmbeddedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
