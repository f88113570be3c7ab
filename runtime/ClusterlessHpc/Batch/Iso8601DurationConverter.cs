using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace ClusterlessHpc.Batch
{
    /// <summary>Batch durations travel as ISO-8601 (<c>PT15M</c>), not as .NET's <c>00:15:00</c>.</summary>
    public sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("A duration must be an ISO-8601 string such as PT15M.");
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException e)
            {
                throw new JsonException($"'{text}' is not an ISO-8601 duration such as PT15M.", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
