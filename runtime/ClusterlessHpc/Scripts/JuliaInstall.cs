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
        /// string literals; names are identifiers (the rules allow nothing else). With <paramref name="steps"/>, each of
        /// those and the load announce their step.
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
            if (registered.Count > 0) program.Append(steps?.InJulia(StartupStepKind.AddRegistered)).Append("Pkg.add([").Append(string.Join(", ", registered)).Append("])\n");
            if (added.Count > 0) program.Append(steps?.InJulia(StartupStepKind.AddFromRepositories)).Append("Pkg.add([").Append(string.Join(", ", added)).Append("])\n");
            if (developed.Count > 0) program.Append(steps?.InJulia(StartupStepKind.Develop)).Append("Pkg.develop([").Append(string.Join(", ", developed)).Append("])\n");
            AppendLoads(program, packages, steps);
            return program.ToString();
        }

        /// <summary>
        /// The Julia program that installs exactly a published resolved manifest (already in the default environment): each
        /// developed repository cloned and checked out at the published commit (the file <c>$CHPC_DEVELOP_COMMITS</c>, lines
        /// of name and commit), the project written from the manifest's entries of the declared packages, then
        /// <c>Pkg.instantiate</c> and the same load of each package as <see cref="Program"/>. It is one step
        /// (<see cref="StartupStepKind.PublishedManifest"/>), in the place of <see cref="Program"/>'s package groups.
        /// </summary>
        public static string InstantiatePublishedProgram(IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers? steps = null)
        {
            var program = new StringBuilder("\nusing Pkg\n");
            program.Append(steps?.InJulia(StartupStepKind.PublishedManifest));
            var developed = new List<JuliaPackageDefinition>();
            foreach (var package in packages)
            {
                if (!package.IsRegistered && package.Develop) developed.Add(package);
            }
            if (developed.Count > 0)
            {
                program.Append("import LibGit2\n");
                program.Append("let commits = Dict(first(split(l)) => last(split(l)) for l in eachline(ENV[\"CHPC_DEVELOP_COMMITS\"]) if !isempty(strip(l)))\n");
                foreach (var package in developed)
                {
                    program.Append("    let path = joinpath(first(DEPOT_PATH), \"dev\", ").Append(JuliaLiterals.String(package.Name)).Append(")\n");
                    program.Append("        isdir(path) || LibGit2.clone(").Append(JuliaLiterals.String(package.Url!)).Append(", path)\n");
                    program.Append("        LibGit2.checkout!(LibGit2.GitRepo(path), commits[").Append(JuliaLiterals.String(package.Name)).Append("])\n");
                    program.Append("    end\n");
                }
                program.Append("end\n");
            }
            // Format 2 manifests keep the packages under "deps"; format 1 (Julia 1.0 to 1.6) at the top.
            program.Append("let manifest = Pkg.TOML.parsefile(joinpath(dirname(Base.active_project()), \"Manifest.toml\"))\n");
            program.Append("    deps = get(manifest, \"deps\", manifest)\n");
            program.Append("    open(Base.active_project(), \"w\") do io\n");
            program.Append("        println(io, \"[deps]\")\n");
            foreach (var package in packages)
            {
                program.Append("        println(io, ").Append(JuliaLiterals.String(package.Name + " = \"")).Append(", deps[").Append(JuliaLiterals.String(package.Name)).Append("][1][\"uuid\"], '\"')\n");
            }
            program.Append("    end\n");
            program.Append("end\n");
            program.Append("Pkg.instantiate()\n");
            AppendLoads(program, packages, steps);
            return program.ToString();
        }

        /// <summary>
        /// The Julia program that instantiates the pinned environment (the active project: <c>JULIA_PROJECT</c>) exactly as
        /// its manifest records it, then loads each declared package.
        /// </summary>
        public static string InstantiatePinnedProgram(IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers? steps = null)
        {
            var program = new StringBuilder("\nusing Pkg\n");
            program.Append(steps?.InJulia(StartupStepKind.PinnedManifest)).Append("Pkg.instantiate()\n");
            AppendLoads(program, packages, steps);
            return program.ToString();
        }

        /// <summary>The Julia program that only loads each package: what a node whose depot was unpacked still checks.</summary>
        public static string LoadProgram(IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers? steps = null)
        {
            var program = new StringBuilder("\n");
            AppendLoads(program, packages, steps);
            return program.ToString();
        }

        private static void AppendLoads(StringBuilder program, IReadOnlyList<JuliaPackageDefinition> packages, StepMarkers? steps)
        {
            if (packages.Count > 0) program.Append(steps?.InJulia(StartupStepKind.Load));
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
