using System;
using System.Text;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// A legacy <c>parameters.json</c> or <c>credentials.json</c> cannot be used. The message names the file, the
    /// credential entry and the key; it never holds a credential value.
    /// </summary>
    public sealed class LegacyConfigurationException : Exception
    {
        public LegacyConfigurationException(string sourceName, string? key, string reason)
            : this(sourceName, key, reason, entry: null, line: null, position: null, inner: null)
        {
        }

        internal LegacyConfigurationException(string sourceName, string? key, string reason, int? entry, int? line, int? position, Exception? inner)
            : base(Format(sourceName, key, reason, entry, line, position), inner)
        {
            SourceName = sourceName;
            Key = key;
            Reason = reason;
            Entry = entry;
            Line = line;
            Position = position;
        }

        /// <summary>The file (or <see cref="LegacyPoolOptions.SourceName"/> for a create_pool argument).</summary>
        public string SourceName { get; }

        /// <summary>The key whose value is wrong, or <c>null</c> when the whole file is (it is not JSON, or not an object).</summary>
        public string? Key { get; }

        /// <summary>What is wrong, without the file and key.</summary>
        public string Reason { get; }

        /// <summary>The 1-based entry of a credentials array.</summary>
        public int? Entry { get; }

        /// <summary>The 1-based line of malformed JSON.</summary>
        public int? Line { get; }

        /// <summary>The 1-based byte position in <see cref="Line"/> of malformed JSON.</summary>
        public int? Position { get; }

        internal static LegacyConfigurationException ForEntry(LegacySource source, string? key, string reason) =>
            new(source.Name, key, reason, source.Entry, line: null, position: null, inner: null);

        private static string Format(string sourceName, string? key, string reason, int? entry, int? line, int? position)
        {
            var text = new StringBuilder(sourceName);
            if (line is not null) text.Append('(').Append(line.Value).Append(',').Append(position ?? 1).Append(')');
            if (entry is not null) text.Append(", entry ").Append(entry.Value);
            text.Append(": ");
            if (key is not null) text.Append(key).Append(": ");
            return text.Append(reason).ToString();
        }
    }
}
