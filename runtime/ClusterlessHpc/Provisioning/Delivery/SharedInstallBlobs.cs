using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// The content-addressed names of the shared install in the delivery container (docs/delivery.md, "Shared install"):
    /// what the first node of a definition publishes, and every later node reads. A name changes whenever what it holds
    /// would: the definition hash changes with any change of the startup script's body, and a Julia release is named by the
    /// SHA-256 of the URL it is downloaded from (mirror, version and platform).
    /// </summary>
    public static class SharedInstallBlobs
    {
        /// <summary>The folder of a definition's published files.</summary>
        public const string DefinitionFolder = "clusterlesshpc/definitions/";

        /// <summary>The folder of published Julia releases.</summary>
        public const string JuliaFolder = "clusterlesshpc/julia/";

        /// <summary>The depot archive (packages and precompiled caches) of a definition built on <paramref name="architecture"/> (<c>uname -m</c>).</summary>
        public static string DepotArchive(string definitionHash, string architecture) =>
            DefinitionFolder + Check(definitionHash) + "/depot-" + architecture + ".tar.gz";

        /// <summary>The Manifest.toml the first node of a definition resolved.</summary>
        public static string ResolvedManifest(string definitionHash) => DefinitionFolder + Check(definitionHash) + "/Manifest.toml";

        /// <summary>The commit of each <c>Develop = true</c> repository the first node of a definition checked out: lines of name and commit.</summary>
        public static string DevelopCommits(string definitionHash) => DefinitionFolder + Check(definitionHash) + "/develop-commits.txt";

        /// <summary>The Julia release tarball downloaded from <paramref name="downloadUrl"/>.</summary>
        public static string JuliaRelease(string downloadUrl)
        {
            ArgumentNullException.ThrowIfNull(downloadUrl);
            return JuliaFolder + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(downloadUrl))) + ".tar.gz";
        }

        /// <summary>The names of a definition that downloads its Julia and installs packages (else null): what its nodes may create.</summary>
        /// <remarks>
        /// A pool that pins its manifest (<c>[JuliaManifest]</c>) gets no resolved manifest and no developed commits to
        /// publish: every node already instantiates the same manifest, so its nodes may create the depot archive and the
        /// Julia release only.
        /// </remarks>
        internal static Names? For(PoolDefinition definition, string definitionHash)
        {
            if (!NodeCache.Applies(definition)) return null;
            var resolves = definition.JuliaManifest is null;
            return new Names(
                DepotArchive(definitionHash, JuliaInstall.Platform(definition)),
                resolves ? ResolvedManifest(definitionHash) : null,
                resolves ? DevelopCommits(definitionHash) : null,
                JuliaRelease(JuliaInstall.DownloadUrl(definition, definition.Julia!)));
        }

        private static string Check(string definitionHash)
        {
            ArgumentException.ThrowIfNullOrEmpty(definitionHash);
            foreach (var c in definitionHash)
            {
                if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
                {
                    throw new ArgumentException($"'{definitionHash}' is not a definition hash (lower-case hex).", nameof(definitionHash));
                }
            }
            return definitionHash;
        }

        /// <summary>A definition's four names, paired with the variables that carry their URLs.</summary>
        /// <remarks>A pinned pool's <see cref="Manifest"/> and <see cref="Commits"/> are null: <see cref="All"/> leaves them out.</remarks>
        internal sealed record Names(string Depot, string? Manifest, string? Commits, string Julia)
        {
            public (string ReadVariable, string CreateVariable, string Blob)[] All =>
                new (string ReadVariable, string CreateVariable, string? Blob)[]
                {
                    (NodeCache.DepotRead, NodeCache.DepotCreate, Depot),
                    (NodeCache.ManifestRead, NodeCache.ManifestCreate, Manifest),
                    (NodeCache.CommitsRead, NodeCache.CommitsCreate, Commits),
                    (NodeCache.JuliaRead, NodeCache.JuliaCreate, Julia),
                }.Where(n => n.Blob is not null).Select(n => (n.ReadVariable, n.CreateVariable, n.Blob!)).ToArray();
        }
    }
}
