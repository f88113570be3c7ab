using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// Reads a request body into its wire model: JSON that does not parse is <c>InvalidRequestBody</c>; a property of
    /// the wrong type or format (a string for a count, a bad duration) is <c>InvalidPropertyValue</c> naming the property.
    /// </summary>
    internal static class RequestBodies
    {
        public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo) =>
            Deserialize(await ReadObjectAsync(request).ConfigureAwait(false), typeInfo);

        /// <summary>The body as a JSON object, for operations that must tell a missing property from an empty one.</summary>
        public static async Task<JsonElement> ReadObjectAsync(HttpRequest request)
        {
            JsonElement root;
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
                root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw BatchErrors.InvalidRequestBody($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            }
            if (root.ValueKind != JsonValueKind.Object) throw BatchErrors.InvalidRequestBody("The body must be a JSON object.");
            return root;
        }

        public static T Deserialize<T>(JsonElement body, JsonTypeInfo<T> typeInfo)
        {
            try
            {
                return body.Deserialize(typeInfo) ?? throw BatchErrors.InvalidRequestBody("The body must be a JSON object.");
            }
            catch (JsonException e)
            {
                var property = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : e.Path ?? "";
                throw BatchErrors.InvalidPropertyValue(property, "The value is not of the type or format the property takes.");
            }
        }
    }
}
