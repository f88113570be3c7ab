using System;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>Options for <see cref="BatchClient"/>: the service version and Azure.Core's retry, transport and diagnostics.</summary>
    public sealed class BatchClientOptions : ClientOptions
    {
        internal const ServiceVersion LatestVersion = ServiceVersion.V2024_07_01_20_0;

        public BatchClientOptions(ServiceVersion version = LatestVersion)
        {
            Version = version switch
            {
                ServiceVersion.V2024_07_01_20_0 => "2024-07-01.20.0",
                _ => throw new NotSupportedException($"Batch service version {version} is not supported."),
            };
        }

        /// <summary>The Batch REST API versions this client speaks.</summary>
        public enum ServiceVersion
        {
            /// <summary>2024-07-01.20.0.</summary>
            V2024_07_01_20_0 = 1,
        }

        /// <summary>The <c>api-version</c> sent with every request.</summary>
        internal string Version { get; }
    }
}
