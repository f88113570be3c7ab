using System;
using System.Linq;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Names a failed start task the way a compiler names an error: the step the node's <c>stdout.txt</c> last announced
    /// (see <see cref="StartupStepPlan"/>), and the attribute that declared it, at the place the generator recorded
    /// (<see cref="DeclarationSites"/>), or described from the definition when it was built in code.
    /// </summary>
    internal static class StartTaskFailureTrace
    {
        /// <summary>The failed step and the declaration behind it; null when the output announces none of the definition's steps.</summary>
        public static StartTaskFailurePoint? Find(PoolDefinition definition, string? stdout, string? stderrTail)
        {
            if (string.IsNullOrEmpty(stdout)) return null;
            var plan = StartupStepPlan.Of(definition);
            if (StartupStepPlan.LastAnnounced(plan, stdout!) is not { } step) return null;
            var target = Blamed(definition, step, stderrTail);
            var site = DeclarationSites.Of(definition).FirstOrDefault(s => s.Target == target);
            return new StartTaskFailurePoint(step, site?.ToString() ?? Describe(definition, target));
        }

        /// <summary>
        /// Of a step's declarations, the one its error names: a package group fails as a whole, but Pkg's error names the
        /// package, so the package named last in the end of stderr.txt is blamed (else the group's first).
        /// </summary>
        private static string Blamed(PoolDefinition definition, StartupStep step, string? stderrTail)
        {
            if (step.Targets.Count == 1 || string.IsNullOrEmpty(stderrTail)) return step.Targets[0];
            var best = step.Targets[0];
            var bestAt = -1;
            foreach (var target in step.Targets)
            {
                if (PackageIndex(target) is not { } index || index >= definition.JuliaPackages.Count) continue;
                var at = LastWordAt(stderrTail!, definition.JuliaPackages[index].Name);
                if (at > bestAt)
                {
                    best = target;
                    bestAt = at;
                }
            }
            return best;
        }

        private static int LastWordAt(string text, string word)
        {
            for (var at = text.LastIndexOf(word, StringComparison.Ordinal); at >= 0; at = at == 0 ? -1 : text.LastIndexOf(word, at - 1, StringComparison.Ordinal))
            {
                var before = at == 0 ? ' ' : text[at - 1];
                var after = at + word.Length < text.Length ? text[at + word.Length] : ' ';
                if (!char.IsLetterOrDigit(before) && before != '_' && !char.IsLetterOrDigit(after) && after != '_') return at;
            }
            return -1;
        }

        private static int? PackageIndex(string target)
        {
            var prefix = DefinitionTarget.JuliaPackageTarget + "[";
            if (!target.StartsWith(prefix, StringComparison.Ordinal)) return null;
            var end = target.IndexOf(']', prefix.Length);
            return end > 0 && int.TryParse(target.AsSpan(prefix.Length, end - prefix.Length), out var index) ? index : null;
        }

        /// <summary>The attribute behind <paramref name="target"/> in the words of its C# declaration, for a definition no generated code declared.</summary>
        private static string Describe(PoolDefinition definition, string target)
        {
            if (target == DefinitionTarget.JuliaAttribute && definition.Julia is { } julia) return $"[Julia(\"{julia.Version}\")]";
            if (target == DefinitionTarget.JuliaManifestAttribute && definition.JuliaManifest is { } manifest) return $"[JuliaManifest(\"{manifest.Path}\")]";
            if (PackageIndex(target) is { } index && index < definition.JuliaPackages.Count)
            {
                var package = definition.JuliaPackages[index];
                return package.Version is null && package.Url is null ? $"[JuliaPackage(\"{package.Name}\")]" : $"[JuliaPackage(\"{package.Name}\", ...)]";
            }
            return target.StartsWith(DefinitionTarget.StartupStepTarget + "[", StringComparison.Ordinal) ? "[StartupStep(...)]" : target;
        }
    }

    /// <summary>Where a start task failed: the announced step and the declaration that made it (<c>Pools.cs(12,2): [JuliaPackage("JOLI", ...)]</c>).</summary>
    internal sealed record StartTaskFailurePoint(StartupStep Step, string Declaration);
}
