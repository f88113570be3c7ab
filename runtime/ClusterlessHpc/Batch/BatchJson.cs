using System;
using System.Text.Json.Serialization.Metadata;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The JSON of the Batch REST API's models exactly as <see cref="BatchClient"/> writes and reads it (camelCase names,
    /// nulls left out, ISO-8601 durations, UTC timestamps), for code that speaks the same API from the other side: the
    /// emulator reads requests and writes responses with it, so both ends agree on every property.
    /// </summary>
    public static class BatchJson
    {
        /// <summary>The serialization metadata of <typeparamref name="T"/>, a model of <c>ClusterlessHpc.Batch.Models</c>.</summary>
        /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model the client serializes.</exception>
        public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)TypeInfo(typeof(T));

        /// <summary>The serialization metadata of <paramref name="type"/>, a model of <c>ClusterlessHpc.Batch.Models</c>.</summary>
        /// <exception cref="NotSupportedException"><paramref name="type"/> is not a model the client serializes.</exception>
        public static JsonTypeInfo TypeInfo(Type type)
        {
            ArgumentNullException.ThrowIfNull(type);
            return BatchJsonContext.Default.GetTypeInfo(type)
                ?? throw new NotSupportedException($"{type} is not a Batch model that ClusterlessHpc serializes.");
        }
    }
}
