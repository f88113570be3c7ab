using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>Writes JSON bodies as the service does: <c>odata.metadata</c> first, with the content type it uses.</summary>
    internal static class JsonResponses
    {
        /// <summary>Without a space, as the service's raw bytes show it (.NET recorders print one).</summary>
        public const string ContentType = "application/json;odata=minimalmetadata";

        /// <summary>Writes <paramref name="body"/>'s properties after <c>odata.metadata</c> for <paramref name="metadataKind"/>.</summary>
        public static Task WriteAsync(HttpContext context, int status, JsonObject body, string metadataKind)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString(ODataMetadata.PropertyName, ODataMetadata.Url(context.Request, metadataKind));
                foreach (var (name, value) in body)
                {
                    if (name == ODataMetadata.PropertyName) continue;
                    writer.WritePropertyName(name);
                    if (value is null) writer.WriteNullValue();
                    else value.WriteTo(writer);
                }
                writer.WriteEndObject();
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
