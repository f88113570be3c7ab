using System;

namespace ClusterlessHpc
{
    /// <summary>The Julia release installed on every node of a pool.</summary>
    public sealed class JuliaDefinition : IEquatable<JuliaDefinition>
    {
        /// <summary>Where official Julia releases are downloaded from.</summary>
        public const string DefaultMirror = "https://julialang-s3.julialang.org/bin";

        public JuliaDefinition(string version) => Version = version;

        /// <summary>A full release version such as <c>1.10.5</c> or <c>1.11.0-rc2</c>.</summary>
        public string Version { get; }

        public bool Equals(JuliaDefinition? other) => other is not null && Version == other.Version;

        public override bool Equals(object? obj) => Equals(obj as JuliaDefinition);

        public override int GetHashCode() => Version.GetHashCode();

        public override string ToString() => $"Julia {Version}";
    }
}
