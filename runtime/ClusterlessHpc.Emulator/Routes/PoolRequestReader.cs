using System;
using System.Text.Json;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// Reads an add-pool body: JSON that does not parse is <c>InvalidRequestBody</c>; a property of the wrong type or
    /// format (a string for a count, a bad duration) is <c>InvalidPropertyValue</c> naming the property.
    /// </summary>
    internal static class PoolRequestReader
    {
        public static async Task<(BatchPoolCreateOptions Pool, JsonElement? TaskSchedulingPolicy)> ReadAsync(HttpRequest request)
        {
            JsonElement root;
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)
                    .ConfigureAwait(false);
                root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw BatchErrors.InvalidRequestBody($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            }
            if (root.ValueKind != JsonValueKind.Object) throw BatchErrors.InvalidRequestBody("The body must be a JSON object.");

            BatchPoolCreateOptions? pool;
            try
            {
                pool = root.Deserialize(BatchJsonContext.Default.BatchPoolCreateOptions);
            }
            catch (JsonException e)
            {
                var property = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : e.Path ?? "";
                throw BatchErrors.InvalidPropertyValue(property, "The value is not of the type or format the property takes.");
            }
            if (pool is null) throw BatchErrors.InvalidRequestBody("The body must be a JSON object.");

            JsonElement? policy = root.TryGetProperty("taskSchedulingPolicy", out var sent) && sent.ValueKind == JsonValueKind.Object
                ? sent
                : null;
            return (pool, policy);
        }
    }
}
