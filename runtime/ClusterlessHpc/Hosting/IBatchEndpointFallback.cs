using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace ClusterlessHpc.Hosting
{
    /// <summary>Where Batch requests go when no endpoint is configured; the emulator package registers one.</summary>
    public interface IBatchEndpointFallback
    {
        Task<(Uri Endpoint, AzureNamedKeyCredential Credential)> GetEndpointAsync(CancellationToken cancellationToken);
    }
}
