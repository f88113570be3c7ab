namespace ClusterlessHpc.Testing
{
    /// <summary>What a <see cref="JuliaStandInServer"/> serves and how its stand-in julia behaves.</summary>
    /// <param name="Version">The Julia release it serves (at the x86_64 path of the official mirror's layout).</param>
    public sealed record JuliaStandInOptions(string Version)
    {
        /// <summary>How long a <c>Pkg.add</c> takes.</summary>
        public TimeSpan ResolveCost { get; init; }

        /// <summary>How long loading a package with no compiled cache takes.</summary>
        public TimeSpan PrecompileCost { get; init; }

        /// <summary>Incompressible megabytes added to the release, so that downloading and unpacking it costs what a real one's does.</summary>
        public int ReleaseMegabytes { get; init; }

        /// <summary>The step (<c>develop JOLI</c>) at whose marker the stand-in fails, with <see cref="FailingError"/> as the last line of its stderr; null for none.</summary>
        public string? FailingStep { get; init; }

        public string FailingError { get; init; } = "ERROR: stand-in failure";
    }
}
