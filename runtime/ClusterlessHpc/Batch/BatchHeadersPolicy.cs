using Azure.Core;
using Azure.Core.Pipeline;

namespace ClusterlessHpc.Batch
{
    /// <summary>Batch names its request-id headers without the <c>x-ms-</c> prefix Azure.Core uses.</summary>
    internal sealed class BatchHeadersPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            message.Request.Headers.SetValue("client-request-id", message.Request.ClientRequestId);
            message.Request.Headers.SetValue("return-client-request-id", "true");
        }
    }
}
