using System;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Hosting
{
    /// <summary>ClusterlessHpc's log events; the ids are stable so they can be filtered and alerted on.</summary>
    internal static partial class LogEvents
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Provisioning pool {PoolId} on {Account}")]
        public static partial void ProvisioningStarted(ILogger logger, string poolId, string account);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Pool {PoolId}: {Progress}")]
        public static partial void ProvisioningProgress(ILogger logger, string poolId, string progress);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Pool {PoolId} is ready after {Elapsed}")]
        public static partial void PoolReady(ILogger logger, string poolId, TimeSpan elapsed);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Pool {PoolId} is stalled: {Explanation}")]
        public static partial void PoolStalled(ILogger logger, string poolId, string explanation);

        // The exception goes on the entry, so its type, inner exceptions and stack reach the log's sinks.
        [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Provisioning pool {PoolId} failed: {Reason}")]
        public static partial void ProvisioningFailed(ILogger logger, string poolId, string reason, Exception exception);
    }
}
