using System;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// Log events of script delivery (ids 1101-1199). Blob URLs are logged without their query, so no SAS, and no
    /// key or connection string is ever an argument.
    /// </summary>
    internal static partial class DeliveryLogEvents
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Startup script of {Length} bytes ({EncodedLength} characters encoded) is above the inline limit of {Limit}: delivering it by blob")]
        public static partial void ChoseBlob(ILogger logger, int length, int encodedLength, int limit);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Uploaded startup script {BlobUri} ({Length} bytes)")]
        public static partial void Uploaded(ILogger logger, string blobUri, int length);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Startup script {BlobUri} is already uploaded")]
        public static partial void AlreadyUploaded(ILogger logger, string blobUri);

        [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Stored access policy {Policy} on container {Container} {Change}; it expires {ExpiresOn:O}")]
        public static partial void PolicySet(ILogger logger, string policy, string container, string change, DateTimeOffset expiresOn);

        [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Stored access policy {Policy} on container {Container} deleted: the SAS bound to it no longer work")]
        public static partial void PolicyRevoked(ILogger logger, string policy, string container);
    }
}
