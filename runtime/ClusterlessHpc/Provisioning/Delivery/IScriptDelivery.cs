using System.Threading;
using System.Threading.Tasks;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// Turns a rendered startup script into the start-task pieces that bring it to a node: a command line,
    /// environment settings and resource files. Made by <see cref="ScriptDeliveryFactory.Create"/> from the
    /// <c>Delivery</c> and <c>Storage</c> settings; see docs/delivery.md.
    /// </summary>
    public interface IScriptDelivery
    {
        /// <summary>
        /// Prepares <paramref name="script"/> for a start task: for blob delivery this uploads it (once per content)
        /// and creates or renews the container's stored access policy; inline delivery only encodes it.
        /// </summary>
        /// <exception cref="InlineScriptTooLargeException">The script does not fit inline and no blob storage is configured.</exception>
        /// <exception cref="ScriptDeliveryException">Storage is configured in a way that cannot deliver the script.</exception>
        Task<StartTaskScript> PrepareAsync(string script, CancellationToken cancellationToken = default);
    }
}
