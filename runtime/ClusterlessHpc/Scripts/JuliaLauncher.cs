using System.Text;

namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// The <c>julia</c> tasks run, on a node and in the generated Dockerfile's image: a bash launcher that sets Julia's
    /// depots and runs the real Julia. The depots are the user's own, writable one first; then the pool's read-only one,
    /// where the startup script (or the image build) installed the packages; then Julia's bundled depots
    /// (<c>local/share/julia</c> and <c>share/julia</c> beside its <c>bin</c>), which hold the precompiled standard
    /// library. Every entry is written out, none left empty: Julia 1.0 and 1.1 take an empty entry literally, 1.2 to 1.10
    /// expand one to the whole default (root's or the user's <c>~/.julia</c> included) and 1.11 expands a trailing one to
    /// the bundled depots only, so only explicit entries mean the same to every version.
    /// </summary>
    internal static class JuliaLauncher
    {
        /// <summary>
        /// The launcher's fixed lines. Before them a launcher sets <c>depots</c> (the pool's depot, then the bundled ones)
        /// and <c>julia</c> (the real executable), and <c>pkg_server</c> when the pool names a package server.
        /// </summary>
        public static string Body(bool hasPkgServer) =>
            "export JULIA_DEPOT_PATH=\"${HOME:-${TMPDIR:-/tmp}}/.julia:$depots\"\n" +
            (hasPkgServer ? "export JULIA_PKG_SERVER=\"${JULIA_PKG_SERVER:-$pkg_server}\"\n" : "") +
            "exec \"$julia\" \"$@\"\n";

        /// <summary>Julia's bundled depots, for a Julia installed in <paramref name="juliaHome"/> (the folder above its <c>bin</c>).</summary>
        public static string BundledDepots(string juliaHome) => juliaHome + "/local/share/julia:" + juliaHome + "/share/julia";

        /// <summary>A launcher for fixed paths (the Dockerfile's), every value single-quoted.</summary>
        public static string ForPaths(string juliaHome, string depot, string? pkgServer)
        {
            var text = new StringBuilder("#!/bin/bash\n");
            text.Append("depots=").Append(ShellQuoting.Quote(depot + ":" + BundledDepots(juliaHome))).Append('\n');
            text.Append("julia=").Append(ShellQuoting.Quote(juliaHome + "/bin/julia")).Append('\n');
            if (pkgServer is not null) text.Append("pkg_server=").Append(ShellQuoting.Quote(pkgServer)).Append('\n');
            return text.Append(Body(pkgServer is not null)).ToString();
        }
    }
}
