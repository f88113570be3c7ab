namespace ClusterlessHpc.Legacy
{
    /// <summary>Where a legacy value was read: the file and, in a credentials array, the 1-based entry.</summary>
    internal readonly struct LegacySource
    {
        public LegacySource(string name, int? entry = null)
        {
            Name = name;
            Entry = entry;
        }

        public string Name { get; }

        public int? Entry { get; }

        public LegacyWarning Warning(string? key, string message) => new(Name, key, message, Entry);
    }
}
