using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A string-valued enum that accepts values it does not know, as the Azure SDKs model service enums.</summary>
    public interface IExtensibleEnum<TSelf> where TSelf : struct, IExtensibleEnum<TSelf>
    {
        string Value { get; }

        static abstract TSelf FromString(string value);
    }

    /// <summary>Writes an extensible enum as its wire string and reads any string back.</summary>
    public sealed class ExtensibleEnumConverter<T> : JsonConverter<T> where T : struct, IExtensibleEnum<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? T.FromString(reader.GetString()!)
                : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
