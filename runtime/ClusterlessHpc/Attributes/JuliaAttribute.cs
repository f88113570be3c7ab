using System;

namespace ClusterlessHpc
{
    /// <summary>Installs this Julia release on every node of the pool, for the VM size's architecture.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JuliaAttribute : Attribute
    {
        /// <param name="version">A full release version, for example <c>1.10.5</c>.</param>
        public JuliaAttribute(string version) => Version = version;

        public string Version { get; }

        /// <summary>The base URL Julia releases are downloaded from instead of the official one.</summary>
        public string? Mirror { get; set; }

        /// <summary>The Julia package server (<c>JULIA_PKG_SERVER</c>) the nodes use.</summary>
        public string? PkgServer { get; set; }

        /// <summary>The SHA-256 of the release tarball for the VM size's architecture; the download is verified against it.</summary>
        public string? Sha256 { get; set; }
    }
}
