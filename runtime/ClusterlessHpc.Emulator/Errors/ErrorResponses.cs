using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Errors
{
    /// <summary>
    /// Writes the Batch error body exactly as the service does: <c>odata.metadata</c>, <c>code</c>,
    /// <c>message {lang, value}</c> whose value ends with the request id and time, and <c>values</c> when there are any.
    /// </summary>
    internal static class ErrorResponses
    {
        public static Task WriteAsync(HttpContext context, EmulatorException error, DateTimeOffset now)
        {
            if (error.Status == StatusCodes.Status304NotModified)
            {
                // 304 has no body by definition.
                context.Response.StatusCode = error.Status;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            }
            var requestId = RequestIds.Of(context);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString(ODataMetadata.PropertyName, ODataMetadata.Url(context.Request, ODataMetadata.Error));
                writer.WriteString("code", error.Code);
                writer.WriteStartObject("message");
                writer.WriteString("lang", "en-US");
                writer.WriteString("value", string.Create(CultureInfo.InvariantCulture,
                    $"{error.Message}\nRequestId:{requestId}\nTime:{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}"));
                writer.WriteEndObject();
                if (error.Values.Count > 0)
                {
                    writer.WriteStartArray("values");
                    foreach (var (key, value) in error.Values)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("key", key);
                        writer.WriteString("value", value);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            return JsonResponses.WriteAsync(context, error.Status, buffer.WrittenMemory);
        }
    }
}
