using System.Text;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// Something in a legacy file that ClusterlessHpc accepted but handles differently from AzureClusterlessHPC.jl,
    /// or ignores. Names the file and the key (or a startup script's line); never holds a credential value.
    /// </summary>
    public sealed class LegacyWarning
    {
        public LegacyWarning(string sourceName, string? key, string message, int? entry = null)
        {
            SourceName = sourceName;
            Key = key;
            Message = message;
            Entry = entry;
        }

        internal LegacyWarning(string sourceName, int line, string message, bool isNote = false)
            : this(sourceName, null, message)
        {
            Line = line;
            IsNote = isNote;
        }

        /// <summary>The file the key came from (or <see cref="LegacyPoolOptions.SourceName"/> for a create_pool argument).</summary>
        public string SourceName { get; }

        public string? Key { get; }

        public string Message { get; }

        /// <summary>The 1-based entry of a credentials array.</summary>
        public int? Entry { get; }

        /// <summary>The 1-based line of a startup script the warning is about.</summary>
        public int? Line { get; }

        /// <summary>Information, not a problem: something the import recognised and handled, such as the template's fixed lines.</summary>
        public bool IsNote { get; }

        public override string ToString()
        {
            var text = new StringBuilder(SourceName);
            if (Line is not null) text.Append('(').Append(Line.Value).Append(')');
            if (Entry is not null) text.Append(", entry ").Append(Entry.Value);
            text.Append(IsNote ? ": note: " : ": warning: ");
            if (Key is not null) text.Append(Key).Append(": ");
            return text.Append(Message).ToString();
        }
    }
}
