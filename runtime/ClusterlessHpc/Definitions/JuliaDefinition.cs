namespace ClusterlessHpc
{
    /// <summary>The Julia release installed on every node of a pool (or, with a custom image, the one the image has).</summary>
    /// <param name="Version">A full release version such as <c>1.10.5</c> or <c>1.11.0-rc2</c>.</param>
    public sealed record JuliaDefinition(string Version)
    {
        /// <summary>Where official Julia releases are downloaded from.</summary>
        public const string DefaultMirror = "https://julialang-s3.julialang.org/bin";

        /// <summary>The base URL releases are downloaded from (<c>{Mirror}/linux/x64/1.10/julia-1.10.5-linux-x86_64.tar.gz</c>); null for the official one.</summary>
        public string? Mirror { get; init; }

        /// <summary>The Julia package server the nodes use (<c>JULIA_PKG_SERVER</c>); null for Julia's default.</summary>
        public string? PkgServer { get; init; }

        /// <summary>The SHA-256 of the release tarball (64 hex digits); when set, the download is verified.</summary>
        public string? Sha256 { get; init; }

        /// <summary>The mirror the script downloads from.</summary>
        public string EffectiveMirror => (Mirror ?? DefaultMirror).TrimEnd('/');

        public override string ToString() => $"Julia {Version}";
    }
}
