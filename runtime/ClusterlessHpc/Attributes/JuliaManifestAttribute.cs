using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// Pins the pool's Julia packages to a manifest kept in the project: every node instantiates exactly this
    /// <c>Manifest.toml</c> (with the <c>Project.toml</c> beside it) instead of resolving the <c>[JuliaPackage]</c>s, so
    /// nodes that join later get the same versions and commits as the first ones. The generator reads both files as
    /// additional files (the package adds <c>julia/*.toml</c>) and checks them at build time.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JuliaManifestAttribute : Attribute
    {
        /// <param name="path">The manifest's path relative to the project's folder, for example <c>julia/Manifest.toml</c>.</param>
        public JuliaManifestAttribute(string path) => Path = path;

        public string Path { get; }
    }
}
