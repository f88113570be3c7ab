using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The Batch Shared Key scheme: the string to sign (verb, eleven standard headers, the <c>ocp-</c> headers,
    /// the canonical resource) and its HMAC-SHA256. The client signs with it and the emulator verifies with it.
    /// </summary>
    public static class BatchSharedKeySignature
    {
        private static readonly string[] StandardHeaders =
        [
            "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
            "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
        ];

        /// <summary>
        /// The Content-Length line the client signs: the length, or an empty line when it is 0 or absent (as the Azure
        /// SDK's Batch client signs). HttpClient sends no length on a bodiless DELETE and "0" on a bodiless POST, so
        /// signing "0" on a DELETE is refused with 403, while an empty line holds for both.
        /// </summary>
        public static string? ContentLengthToSign(string? contentLength) => contentLength == "0" ? "" : contentLength;

        /// <param name="method">The HTTP verb.</param>
        /// <param name="header">Looks a request header up by name (case-insensitively); null or empty when absent.</param>
        /// <param name="headerNames">Every request header name, to find the <c>ocp-</c> ones.</param>
        /// <param name="accountName">The Batch account.</param>
        /// <param name="path">The URI path, still percent-encoded as sent.</param>
        /// <param name="query">The query parameters, names and values decoded.</param>
        public static string BuildStringToSign(
            string method,
            Func<string, string?> header,
            IEnumerable<string> headerNames,
            string accountName,
            string path,
            IEnumerable<KeyValuePair<string, string>> query)
        {
            method = method.ToUpperInvariant();
            var builder = new StringBuilder(256);
            builder.Append(method).Append('\n');
            foreach (var name in StandardHeaders)
            {
                // Each header as the caller gives it; absent is an empty line. Callers give Content-Length through
                // ContentLengthToSign.
                builder.Append(header(name) ?? "").Append('\n');
            }

            // Only the ocp- headers are lowercased and sorted; the others are not looked at again.
            var ocpHeaders = new List<string>(2);
            foreach (var name in headerNames)
            {
                if (!name.StartsWith("ocp-", StringComparison.OrdinalIgnoreCase)) continue;
                var lower = name.ToLowerInvariant();
                if (!ocpHeaders.Contains(lower)) ocpHeaders.Add(lower);
            }
            ocpHeaders.Sort(StringComparer.Ordinal);
            foreach (var name in ocpHeaders)
            {
                var value = header(name);
                if (!string.IsNullOrEmpty(value)) builder.Append(name).Append(':').Append(value).Append('\n');
            }

            builder.Append('/').Append(accountName).Append(path);
            var parameters = new List<KeyValuePair<string, string>>(2);
            foreach (var (name, value) in query) parameters.Add(new(name.ToLowerInvariant(), value));
            // Sorted by name, then value, so that repeated names join their values in order.
            parameters.Sort((a, b) =>
            {
                var byName = string.CompareOrdinal(a.Key, b.Key);
                return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
            });
            for (var i = 0; i < parameters.Count; i++)
            {
                if (i > 0 && parameters[i].Key == parameters[i - 1].Key)
                {
                    builder.Append(',').Append(parameters[i].Value);
                    continue;
                }
                builder.Append('\n').Append(parameters[i].Key).Append(':').Append(parameters[i].Value);
            }
            return builder.ToString();
        }

        /// <summary>Base64 HMAC-SHA256 of <paramref name="stringToSign"/> under the base64 account key.</summary>
        /// <exception cref="FormatException">The key is not base64 (the message never shows the key).</exception>
        public static string Sign(string base64AccountKey, string stringToSign) => Sign(DecodeKey(base64AccountKey), stringToSign);

        /// <summary>Base64 HMAC-SHA256 of <paramref name="stringToSign"/> under a key already decoded with <see cref="DecodeKey"/>.</summary>
        public static string Sign(byte[] key, string stringToSign) =>
            Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        /// <summary>The bytes of a base64 account key, to sign many requests with one decoding.</summary>
        /// <exception cref="FormatException">The key is not base64 (the message never shows the key).</exception>
        public static byte[] DecodeKey(string base64AccountKey)
        {
            try
            {
                return Convert.FromBase64String(base64AccountKey);
            }
            catch (FormatException)
            {
                throw new FormatException("The Batch account key is not valid base64.");
            }
        }
    }
}
