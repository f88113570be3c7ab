using System;
using System.Collections.Generic;
using System.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ClusterlessHpc.Batch
{
    /// <summary>Signs each try of a request with the account's Shared Key (per retry, so <c>ocp-date</c> is fresh).</summary>
    internal sealed class BatchSharedKeyPolicy : HttpPipelineSynchronousPolicy
    {
        private readonly AzureNamedKeyCredential _credential;

        // The decoded key, kept while the credential holds the same key (AzureNamedKeyCredential.Update can change it);
        // one reference, so concurrent requests never see half of an update.
        private DecodedKey? _key;

        public BatchSharedKeyPolicy(AzureNamedKeyCredential credential) => _credential = credential;

        public override void OnSendingRequest(HttpMessage message)
        {
            var request = message.Request;
            // BatchDatePolicy sets ocp-date before this policy; a pipeline built without it still gets a signed date.
            if (!request.Headers.Contains("ocp-date"))
            {
                request.Headers.SetValue("ocp-date", DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
            }
            // The transport sets Content-Length itself. A length of 0 signs an empty line, as an absent one does
            // (BatchSharedKeySignature.ContentLengthToSign): HttpClient sends "Content-Length: 0" on a bodiless POST and
            // nothing on a bodiless DELETE, and both sign the same.
            string? contentLength = request.Content is not null && request.Content.TryComputeLength(out var length)
                ? BatchSharedKeySignature.ContentLengthToSign(length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : null;

            var (name, key) = _credential;
            // The path and query as they will be sent (still escaped), without building a System.Uri for each try.
            var stringToSign = BatchSharedKeySignature.BuildStringToSign(
                request.Method.Method,
                header => string.Equals(header, "Content-Length", StringComparison.OrdinalIgnoreCase)
                    ? contentLength
                    : request.Headers.TryGetValue(header, out var value) ? value : null,
                request.Headers.Select(h => h.Name),
                name,
                request.Uri.Path,
                ParseQuery(request.Uri.Query));
            var cached = _key;
            if (cached is null || !ReferenceEquals(cached.Text, key)) _key = cached = new DecodedKey(key, BatchSharedKeySignature.DecodeKey(key));
            request.Headers.SetValue("Authorization", $"SharedKey {name}:{BatchSharedKeySignature.Sign(cached.Bytes, stringToSign)}");
        }

        internal static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
        {
            foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? "" : part[(equals + 1)..];
                yield return new(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
            }
        }

        private sealed record DecodedKey(string Text, byte[] Bytes);
    }
}
