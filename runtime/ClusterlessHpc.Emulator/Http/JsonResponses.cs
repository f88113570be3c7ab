using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>Writes JSON bodies with the content type the service uses.</summary>
    internal static class JsonResponses
    {
        public const string ContentType = "application/json;odata=minimalmetadata";

        public static Task WriteAsync(HttpContext context, int status, JsonNode body)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                body.WriteTo(writer);
            }
            return WriteAsync(context, status, buffer.WrittenMemory);
        }

        public static async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
        {
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = ContentType;
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
