using System;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ClusterlessHpc.Batch
{
    /// <summary>Batch names its request-id headers without the <c>x-ms-</c> prefix Azure.Core uses; one id per call, kept across retries.</summary>
    internal sealed class BatchHeadersPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            message.Request.Headers.SetValue("client-request-id", message.Request.ClientRequestId);
            message.Request.Headers.SetValue("return-client-request-id", "true");
        }
    }

    /// <summary>
    /// Sets <c>ocp-date</c> on every try: the service wants the time of the request (Shared Key signs it and refuses
    /// dates more than 15 minutes off), and a retry after a long <c>Retry-After</c> must not send a stale one.
    /// </summary>
    internal sealed class BatchDatePolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("ocp-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
    }
}
