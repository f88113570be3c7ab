using System.Text;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// Something in a legacy file that ClusterlessHpc accepted but handles differently from AzureClusterlessHPC.jl,
    /// or ignores. Names the file and the key; never holds a credential value.
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

        /// <summary>The file the key came from (or <see cref="LegacyPoolOptions.SourceName"/> for a create_pool argument).</summary>
        public string SourceName { get; }

        public string? Key { get; }

        public string Message { get; }

        /// <summary>The 1-based entry of a credentials array.</summary>
        public int? Entry { get; }

        public override string ToString()
        {
            var text = new StringBuilder(SourceName);
            if (Entry is not null) text.Append(", entry ").Append(Entry.Value);
            text.Append(": warning: ");
            if (Key is not null) text.Append(Key).Append(": ");
            return text.Append(Message).ToString();
        }
    }
}
