using System;
using System.Linq;
using System.Threading;
using Azure;

namespace ClusterlessHpc.Batch
{
    /// <summary>The one rule for which failures are worth trying again once the client pipeline's own retries are spent.</summary>
    internal static class TransientFailures
    {
        /// <summary>
        /// No answer (a transport failure), the service's time-out, throttling and server errors; and, when the caller's
        /// token is given and not cancelled, a cancellation, which then was the pipeline's network time-out.
        /// </summary>
        public static bool IsTransient(Exception e, CancellationToken? callerToken = null) => e switch
        {
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
            // What the client's retry policy throws once its tries are spent: every try failed transiently.
            AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(inner => IsTransient(inner, callerToken)),
            System.Net.Http.HttpRequestException or System.IO.IOException => true,
            OperationCanceledException => callerToken is { IsCancellationRequested: false },
            _ => false,
        };
    }
}
