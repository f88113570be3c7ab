using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Batch writes times in UTC with a <c>Z</c> (<c>2016-11-22T18:55:25.2608598Z</c>); System.Text.Json would write
    /// <c>+00:00</c>. Any offset is read; times are written as the same instant in UTC.
    /// </summary>
    public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
                ? value
                : throw new JsonException("A time must be an ISO-8601 string such as 2025-03-01T12:00:00Z.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime);
    }
}
