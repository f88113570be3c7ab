namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// The <c>JULIA_CPU_TARGET</c> a pool's packages are precompiled with, from its VM size's CPU family: the one place that
    /// maps sizes to families. One Azure size runs on several CPU generations (a <c>D</c>/<c>E</c> v3 node may be Haswell,
    /// Broadwell, Skylake or Cascade Lake), and since Julia 1.9 a package image built for the host's CPU is rejected (and
    /// compiled again) on a node of another generation. A multi-target string (Julia's devdocs, "System Image Building",
    /// "Specifying multiple system image targets") makes one image hold code for each generation, with <c>generic</c> first
    /// so that any CPU of the architecture can load it; <c>clone_all</c> clones every function for the family's base
    /// generation and <c>base(1)</c> clones for the newer ones only what benefits, as Julia's own release builds do.
    /// <c>-rdrnd</c> is taken from those builds: images never rely on the RDRAND instruction. The variable affects only code
    /// written to disk caches, never code Julia compiles at run time (Julia's manual, "Environment Variables").
    /// </summary>
    internal static class JuliaCpuTarget
    {
        /// <summary>Intel x86-64 sizes: Haswell/Broadwell (v3), Skylake-SP and Cascade Lake (v3, v4, F v2, HC), Ice Lake and later (v5, v6).</summary>
        public const string IntelX64 = "generic;haswell,-rdrnd,clone_all;skylake-avx512,-rdrnd,base(1);icelake-server,-rdrnd,base(1)";

        /// <summary>AMD x86-64 sizes (an <c>a</c> feature letter, HB and HX): EPYC Rome (Zen 2), Milan (Zen 3), Genoa (Zen 4).</summary>
        public const string AmdX64 = "generic;znver2,-rdrnd,clone_all;znver3,-rdrnd,base(1);znver4,-rdrnd,base(1)";

        /// <summary>Arm64 sizes (a <c>p</c> feature letter): Ampere Altra (Neoverse N1, v5) and Cobalt 100 (Neoverse N2, v6), which runs N1 code.</summary>
        public const string Arm64 = "generic;neoverse-n1,clone_all";

        /// <summary>The first Julia minor version whose package images hold native code (and so depend on the CPU).</summary>
        public const int FirstPackageImageMinor = 9;

        /// <summary>The target string for the VM size, or null when the Julia version writes no native package images.</summary>
        public static string? For(string vmSize, string juliaVersion)
        {
            var parts = juliaVersion.Split('.');
            if (parts.Length < 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor)) return null;
            if (major == 1 && minor < FirstPackageImageMinor) return null;
            if (VmSize.IsArm64(vmSize)) return Arm64;
            return IsAmd(vmSize) ? AmdX64 : IntelX64;
        }

        /// <summary>The family's name, for the script's comment and the docs.</summary>
        public static string Family(string vmSize) => VmSize.IsArm64(vmSize) ? "Arm64 (Neoverse)" : IsAmd(vmSize) ? "AMD x86-64 (EPYC)" : "Intel x86-64";

        // Azure marks AMD sizes with an 'a' among the feature letters after the vCPU count (D4as_v5, E8ads_v5); the HB and HX
        // HPC families are AMD without it.
        private static bool IsAmd(string vmSize)
        {
            var name = vmSize.StartsWith("Standard_", System.StringComparison.OrdinalIgnoreCase) ? vmSize.Substring("Standard_".Length) : vmSize;
            var i = 0;
            while (i < name.Length && char.IsLetter(name[i])) i++;
            var family = name.Substring(0, i).ToUpperInvariant();
            if (family is "HB" or "HX") return true;
            while (i < name.Length && (char.IsDigit(name[i]) || name[i] == '-')) i++;
            for (; i < name.Length && name[i] != '_'; i++)
            {
                if (char.ToLowerInvariant(name[i]) == 'a') return true;
            }
            return false;
        }
    }
}
