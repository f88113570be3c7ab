using System.Collections.Generic;
using System.Text;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Scripts
{
    /// <summary>What installing a pool's Julia means, shared by the startup script and the Dockerfile so both install the same.</summary>
    internal static class JuliaInstall
    {
        /// <summary>The release tarball for the pool's VM size architecture, from the declared mirror.</summary>
        public static string DownloadUrl(PoolDefinition definition, JuliaDefinition julia)
        {
            var arm = VmSize.IsArm64(definition.VmSize);
            return $"{julia.EffectiveMirror}/linux/{(arm ? "aarch64" : "x64")}/{JuliaRules.MinorVersion(julia.Version)}/julia-{julia.Version}-linux-{Platform(definition)}.tar.gz";
        }

        /// <summary><c>x86_64</c> or <c>aarch64</c>, from the VM size.</summary>
        public static string Platform(PoolDefinition definition) => VmSize.IsArm64(definition.VmSize) ? "aarch64" : "x86_64";

        /// <summary>
        /// The Julia program that installs every package in one process and then loads each: registered packages in
        /// one <c>Pkg.add</c>, repository packages in one <c>Pkg.add</c> and one <c>Pkg.develop</c>. Values are Julia
        /// string literals; names are identifiers (the rules allow nothing else).
        /// </summary>
        public static string Program(IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers? steps = null)
        {
            var registered = new List<string>();
            var added = new List<string>();
            var developed = new List<string>();
            foreach (var package in packages)
            {
                if (package.IsRegistered)
                {
                    registered.Add(Spec(("name", package.Name), ("version", package.Version?.Replace(" ", ""))));
                }
                else if (package.Develop)
                {
                    developed.Add(Spec(("url", package.Url)));
                }
                else
                {
                    added.Add(Spec(("url", package.Url), ("rev", package.Rev)));
                }
            }

            var program = new StringBuilder("\nusing Pkg\n");
            // The markers follow the step plan's order: registered, from repositories, developed, then the load check.
            if (registered.Count > 0) program.Append(steps?.NextInJulia()).Append("Pkg.add([").Append(string.Join(", ", registered)).Append("])\n");
            if (added.Count > 0) program.Append(steps?.NextInJulia()).Append("Pkg.add([").Append(string.Join(", ", added)).Append("])\n");
            if (developed.Count > 0) program.Append(steps?.NextInJulia()).Append("Pkg.develop([").Append(string.Join(", ", developed)).Append("])\n");
            AppendLoads(program, packages, steps);
            return program.ToString();
        }

        /// <summary>
        /// The Julia program that instantiates the pinned environment (the active project: <c>JULIA_PROJECT</c>) exactly as
        /// its manifest records it, then loads each declared package.
        /// </summary>
        public static string InstantiateProgram(IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers steps)
        {
            var program = new StringBuilder("\nusing Pkg\n");
            program.Append(steps.NextInJulia()).Append("Pkg.instantiate()\n");
            AppendLoads(program, packages, steps);
            return program.ToString();
        }

        private static void AppendLoads(StringBuilder program, IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers? steps)
        {
            if (packages.Count > 0) program.Append(steps?.NextInJulia());
            foreach (var package in packages)
            {
                // import, not using: loads without bringing exported names into scope, so exports cannot clash.
                program.Append("import ").Append(package.Name).Append('\n');
            }
        }

        private static string Spec(params (string Name, string? Value)[] fields)
        {
            var parts = new List<string>();
            foreach (var (name, value) in fields)
            {
                if (value is not null) parts.Add($"{name} = {JuliaLiterals.String(value)}");
            }
            return "PackageSpec(" + string.Join(", ", parts) + ")";
        }
    }
}
