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
            if (error.Status == StatusCodes.Status304NotModified || HttpMethods.IsHead(context.Request.Method))
            {
                // 304 has no body by definition, and a HEAD's answer none: the service's 404 and 400 to a HEAD carry no body
                // and no Content-Type (batch-recordings INDEX.md, xplat-cli-cli-batch-file-tests.jsonl).
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
                writer.WriteString("value", MessageValue(error.Message, requestId, now));
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

        /// <summary>
        /// An error message as the service words it: the sentence, then the request's id and the time on lines of their
        /// own (in error bodies and in the per-task errors of an add-task-collection result).
        /// </summary>
        public static string MessageValue(string message, string requestId, DateTimeOffset now) =>
            string.Create(CultureInfo.InvariantCulture, $"{message}\nRequestId:{requestId}\nTime:{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}");

        /// <summary>The front end's refusal of a URL: its HTML page, without the Batch service's request id.</summary>
        public static async Task WriteInvalidUrlAsync(HttpContext context)
        {
            var body = System.Text.Encoding.ASCII.GetBytes(
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n" +
                "<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n" +
                "<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n" +
                "<BODY><h2>Bad Request - Invalid URL</h2>\r\n<hr><p>HTTP Error 400. The request URL is invalid.</p>\r\n</BODY></HTML>\r\n");
            var response = context.Response;
            response.Headers.Remove("request-id");
            response.Headers.Remove("client-request-id");
            response.StatusCode = StatusCodes.Status400BadRequest;
            response.ContentType = "text/html; charset=us-ascii";
            response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(context.Request.Method)) await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
