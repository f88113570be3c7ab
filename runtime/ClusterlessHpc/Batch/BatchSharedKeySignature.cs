using System;
using System.Collections.Generic;
using System.Linq;
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
            var builder = new StringBuilder();
            builder.Append(method).Append('\n');
            foreach (var name in StandardHeaders)
            {
                var value = header(name);
                // Bodiless GET and HEAD sign an empty length; any other verb without a length signs "0".
                if (name == "Content-Length" && string.IsNullOrEmpty(value) && method is not ("GET" or "HEAD")) value = "0";
                if (name == "Content-Length" && value == "0" && method is ("GET" or "HEAD")) value = "";
                builder.Append(value ?? "").Append('\n');
            }

            foreach (var name in headerNames
                         .Select(n => n.ToLowerInvariant())
                         .Where(n => n.StartsWith("ocp-", StringComparison.Ordinal))
                         .Distinct()
                         .OrderBy(n => n, StringComparer.Ordinal))
            {
                var value = header(name);
                if (!string.IsNullOrEmpty(value)) builder.Append(name).Append(':').Append(value).Append('\n');
            }

            builder.Append('/').Append(accountName).Append(path);
            foreach (var group in query
                         .GroupBy(p => p.Key.ToLowerInvariant())
                         .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                builder.Append('\n').Append(group.Key).Append(':')
                       .Append(string.Join(",", group.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal)));
            }
            return builder.ToString();
        }

        /// <summary>Base64 HMAC-SHA256 of <paramref name="stringToSign"/> under the base64 account key.</summary>
        /// <exception cref="FormatException">The key is not base64 (the message never shows the key).</exception>
        public static string Sign(string base64AccountKey, string stringToSign)
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(base64AccountKey);
            }
            catch (FormatException)
            {
                throw new FormatException("The Batch account key is not valid base64.");
            }
            return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        }
    }
}
