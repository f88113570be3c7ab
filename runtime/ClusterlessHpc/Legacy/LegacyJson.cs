using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// Reads the legacy files. A parse error is reported by line, position and the last key read, never with
    /// the parser's own message or inner exception: those may quote the text of a credentials file.
    /// </summary>
    internal static class LegacyJson
    {
        // The files are hand-edited; comments and a trailing comma cost nothing to accept.
        private static readonly JsonDocumentOptions DocumentOptions = new()
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        };

        public static byte[] ReadFile(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new LegacyConfigurationException(path, null, "the file does not exist", null, null, null, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new LegacyConfigurationException(path, null, "the file cannot be read: " + e.Message, null, null, null, e);
            }
        }

        public static JsonDocument Parse(string json, string sourceName)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            return Parse(Encoding.UTF8.GetBytes(json), sourceName);
        }

        public static JsonDocument Parse(byte[] utf8, string sourceName)
        {
            if (sourceName is null) throw new ArgumentNullException(nameof(sourceName));
            var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
            var memory = new ReadOnlyMemory<byte>(utf8, start, utf8.Length - start);
            if (IsBlank(memory.Span))
            {
                // JSON's own error for this ("expected a value at line 1") reads as a syntax mistake; the file simply has nothing in it.
                throw new LegacyConfigurationException(sourceName, null, "the file is empty: it holds no JSON at all", null, null, null, inner: null);
            }
            try
            {
                return JsonDocument.Parse(memory, DocumentOptions);
            }
            catch (JsonException e)
            {
                var line = (int)(e.LineNumber ?? 0) + 1;
                var position = (int)(e.BytePositionInLine ?? 0) + 1;
                var key = LastKeyBefore(memory.Span);
                var reason = (key is null ? "the file is not valid JSON" : "the file is not valid JSON after this key") +
                    "; look for a missing quote, comma or brace";
                throw new LegacyConfigurationException(sourceName, key, reason, null, line, position, inner: null);
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> utf8)
        {
            foreach (var b in utf8)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
            }
            return true;
        }

        /// <summary>The object's properties by name; a repeated key keeps its last value, as the package's JSON reader did.</summary>
        public static IReadOnlyList<KeyValuePair<string, JsonElement>> Properties(JsonElement obj, LegacySource source, List<LegacyWarning> warnings)
        {
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            var properties = new List<KeyValuePair<string, JsonElement>>();
            foreach (var property in obj.EnumerateObject())
            {
                if (byName.TryGetValue(property.Name, out var index))
                {
                    var shown = LooksLikeKeyName(property.Name) ? property.Name : null;
                    warnings.Add(source.Warning(shown, "the key is given more than once; the last value is used"));
                    properties[index] = new KeyValuePair<string, JsonElement>(property.Name, property.Value);
                }
                else
                {
                    byName.Add(property.Name, properties.Count);
                    properties.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value));
                }
            }
            return properties;
        }

        /// <summary>How a JSON value's kind reads in a message.</summary>
        public static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

        private static string? LastKeyBefore(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            string? key = null;
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName) key = reader.GetString();
                }
            }
            catch (JsonException)
            {
                // Stops where JsonDocument stopped; the key read last is the one the error follows.
            }
            catch (InvalidOperationException)
            {
                // A property name with an invalid escape cannot be decoded: report none.
            }
            return key is not null && LooksLikeKeyName(key) ? key : null;
        }

        /// <summary>
        /// Whether a property name looks like a legacy key (<c>_POOL_ID</c>). Other names are not shown in
        /// messages: in a file with key and value swapped, the "name" may be a secret.
        /// </summary>
        public static bool LooksLikeKeyName(string name)
        {
            if (name.Length == 0 || name.Length > 64) return false;
            foreach (var c in name)
            {
                if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '_')) return false;
            }
            return name[0] == '_';
        }
    }
}
