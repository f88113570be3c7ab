using System;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>Options for <see cref="BatchClient"/>: the service version and Azure.Core's retry, transport and diagnostics.</summary>
    public sealed class BatchClientOptions : ClientOptions
    {
        /// <summary>
        /// The default: the version whose spec the client's models follow, property for property. 2025-06-01 is
        /// offered for accounts and proxies that require it; its answers read the same (docs/service-versions.md).
        /// </summary>
        internal const ServiceVersion LatestVersion = ServiceVersion.V2024_07_01_20_0;

        public BatchClientOptions(ServiceVersion version = LatestVersion)
        {
            Version = version switch
            {
                ServiceVersion.V2024_07_01_20_0 => "2024-07-01.20.0",
                // The wire string has no ".21.0": Microsoft's SDKs of this version send it so, though the spec file's name carries it.
                ServiceVersion.V2025_06_01 => "2025-06-01",
                _ => throw new NotSupportedException($"Batch service version {version} is not supported."),
            };
        }

        /// <summary>The Batch REST API versions this client speaks.</summary>
        public enum ServiceVersion
        {
            /// <summary>2024-07-01.20.0, the default.</summary>
            V2024_07_01_20_0 = 1,

            /// <summary>2025-06-01 (sent as <c>2025-06-01</c>, without a suffix).</summary>
            V2025_06_01 = 2,
        }

        /// <summary>The <c>api-version</c> sent with every request.</summary>
        internal string Version { get; }
    }
}
