using System.Globalization;
using System.Web;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>Raw HTTP requests signed with Shared Key, for what BatchClient does not send (or sends correctly).</summary>
    internal static class SignedRequests
    {
        public static async Task<HttpResponseMessage> SendAsync(
            HttpClient http,
            BatchEmulator emulator,
            HttpMethod method,
            string pathAndQuery,
            CancellationToken cancellationToken,
            HttpContent? content = null,
            Action<HttpRequestMessage>? configure = null)
        {
            var request = new HttpRequestMessage(method, new Uri(emulator.Endpoint, pathAndQuery)) { Content = content };
            request.Headers.TryAddWithoutValidation("ocp-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
            configure?.Invoke(request);
            Sign(request, emulator);
            return await http.SendAsync(request, cancellationToken);
        }

        private static void Sign(HttpRequestMessage request, BatchEmulator emulator)
        {
            var (account, key) = emulator.Credential;
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            if (request.Content is not null) headers["Content-Length"] = request.Content.Headers.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "";
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var stringToSign = BatchSharedKeySignature.BuildStringToSign(
                request.Method.Method,
                name => headers.TryGetValue(name, out var value) ? value : null,
                headers.Keys,
                account,
                request.RequestUri.AbsolutePath,
                query.AllKeys.SelectMany(k => query.GetValues(k)!.Select(v => new KeyValuePair<string, string>(k ?? "", v))));
            request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {account}:{BatchSharedKeySignature.Sign(key, stringToSign)}");
        }
    }
}
