using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>Signed JSON requests to an emulator over loopback, for the operations the client does not have yet.</summary>
    internal sealed class JsonRequests : IDisposable
    {
        public const string ApiVersion = "api-version=2024-07-01.20.0";

        private readonly HttpClient _http = new();
        private readonly BatchEmulator _emulator;

        public JsonRequests(BatchEmulator emulator) => _emulator = emulator;

        public void Dispose() => _http.Dispose();

        public async Task<Reply> SendAsync(HttpMethod method, string path, JsonNode? body = null, Action<HttpRequestMessage>? configure = null)
        {
            HttpContent? content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8);
            content?.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; odata=minimalmetadata");
            return await SendRawAsync(method, path, content, configure);
        }

        public async Task<Reply> SendRawAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage>? configure = null)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            using var response = await SignedRequests.SendAsync(_http, _emulator, method, path + separator + ApiVersion, TestContext.Current.CancellationToken, content, configure);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var json = response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0 ? JsonNode.Parse(text) : null;
            return new Reply(response.StatusCode, headers, json, text);
        }

        public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

        public Task<Reply> PostAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Post, path, body);

        /// <summary>A task that runs <paramref name="duration"/> on the emulator's clock and exits with <paramref name="exitCode"/>.</summary>
        public static JsonObject Task(string id, string duration = "10s", int exitCode = 0, int? slots = null)
        {
            var task = new JsonObject
            {
                ["id"] = id,
                ["commandLine"] = "/bin/bash -c 'echo " + id + "'",
                ["environmentSettings"] = new JsonArray(
                    new JsonObject { ["name"] = "CHPC_EMULATOR_TASK_DURATION", ["value"] = duration },
                    new JsonObject { ["name"] = "CHPC_EMULATOR_TASK_EXIT_CODE", ["value"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            };
            if (slots is not null) task["requiredSlots"] = slots;
            return task;
        }

        public static JsonObject Job(string id, string poolId, string? onAllTasksComplete = null)
        {
            var job = new JsonObject { ["id"] = id, ["poolInfo"] = new JsonObject { ["poolId"] = poolId } };
            if (onAllTasksComplete is not null) job["onAllTasksComplete"] = onAllTasksComplete;
            return job;
        }
    }

    internal sealed record Reply(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, string Text)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public string? ErrorCode => Body?["code"]?.GetValue<string>();
    }
}
