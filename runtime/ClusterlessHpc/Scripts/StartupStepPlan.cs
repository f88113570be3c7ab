using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// The steps a pool's startup script announces in the start task's <c>stdout.txt</c>, in order, each with the
    /// declarations (<see cref="DefinitionTarget"/> names of whole attributes) that made it. The renderer writes a marker
    /// line before each step; the provisioner reads the last marker of a failed node back and maps it to its declaration
    /// through the same plan, so the two can never disagree about what step 3 is.
    /// </summary>
    internal static class StartupStepPlan
    {
        /// <summary>What every marker line starts with: <c>##[chpc step 3/7] develop JOLI</c>.</summary>
        public const string MarkerPrefix = "##[chpc step ";

        /// <summary>The steps of <paramref name="definition"/>'s script, numbered from 1.</summary>
        public static IReadOnlyList<StartupStep> Of(PoolDefinition definition)
        {
            var steps = new List<(string Name, string[] Targets)>();
            if (definition.Julia is { } julia)
            {
                steps.Add((definition.Image is CustomImageDefinition ? $"check the image's Julia {julia.Version}" : $"download Julia {julia.Version}",
                    new[] { DefinitionTarget.JuliaAttribute }));
            }
            AddStartupSteps(definition, afterPackages: false, steps);
            var packages = definition.JuliaPackages;
            if (definition.JuliaManifest is not null)
            {
                steps.Add(("instantiate the pinned manifest", new[] { DefinitionTarget.JuliaManifestAttribute }));
            }
            else
            {
                AddGroup(steps, "add", packages, p => p.IsRegistered);
                AddGroup(steps, "add", packages, p => !p.IsRegistered && !p.Develop);
                AddGroup(steps, "develop", packages, p => !p.IsRegistered && p.Develop);
            }
            if (packages.Count > 0)
            {
                steps.Add(("load " + string.Join(", ", packages.Select(p => p.Name)),
                    Enumerable.Range(0, packages.Count).Select(PackageTarget).ToArray()));
            }
            AddStartupSteps(definition, afterPackages: true, steps);

            var result = new StartupStep[steps.Count];
            for (var i = 0; i < steps.Count; i++) result[i] = new StartupStep(i + 1, steps.Count, steps[i].Name, steps[i].Targets);
            return result;
        }

        /// <summary>
        /// The step the last marker in <paramref name="stdout"/> announces, or null when it has none of this plan's. A
        /// line counts only when its index, total and name are exactly those the plan gives that index, so output of a
        /// user's own that happens to start the same way is not taken for a marker.
        /// </summary>
        public static StartupStep? LastAnnounced(IReadOnlyList<StartupStep> plan, string stdout)
        {
            var lines = stdout.Replace("\r\n", "\n").Split('\n');
            for (var i = lines.Length - 1; i >= 0; i--)
            {
                if (!lines[i].StartsWith(MarkerPrefix, System.StringComparison.Ordinal)) continue;
                foreach (var step in plan)
                {
                    if (lines[i] == step.Marker) return step;
                }
            }
            return null;
        }

        private static void AddStartupSteps(PoolDefinition definition, bool afterPackages, List<(string, string[])> steps)
        {
            for (var i = 0; i < definition.StartupSteps.Count; i++)
            {
                if (definition.StartupSteps[i].AfterPackages != afterPackages) continue;
                steps.Add((StepName(i), new[] { DefinitionTarget.Of(DefinitionTarget.StartupStepTarget, i, DefinitionTarget.WholeAttribute) }));
            }
        }

        /// <summary>The name of the <paramref name="index"/>th (from 0) <c>[StartupStep]</c>, as the script's own messages say it.</summary>
        public static string StepName(int index) => "startup step " + (index + 1).ToString(CultureInfo.InvariantCulture);

        private static void AddGroup(List<(string, string[])> steps, string verb, IReadOnlyList<JuliaPackageDefinition> packages, System.Func<JuliaPackageDefinition, bool> inGroup)
        {
            var members = Enumerable.Range(0, packages.Count).Where(i => inGroup(packages[i])).ToList();
            if (members.Count == 0) return;
            steps.Add((verb + " " + string.Join(", ", members.Select(i => packages[i].Name)), members.Select(PackageTarget).ToArray()));
        }

        private static string PackageTarget(int index) => DefinitionTarget.JuliaPackage(index, DefinitionTarget.WholeAttribute);
    }

    /// <summary>One announced step of a startup script: its 1-based index of <see cref="Total"/>, its name, and the declarations that made it.</summary>
    internal sealed class StartupStep
    {
        public StartupStep(int index, int total, string name, IReadOnlyList<string> targets)
        {
            Index = index;
            Total = total;
            Name = name;
            Targets = targets;
        }

        public int Index { get; }

        public int Total { get; }

        /// <summary>Names and versions only (never a URL, a path or a value a secret could hide in).</summary>
        public string Name { get; }

        /// <summary>The whole-attribute targets (<c>JuliaPackage[2].Attribute</c>) of the declarations behind the step.</summary>
        public IReadOnlyList<string> Targets { get; }

        /// <summary>The line the script prints when the step starts.</summary>
        public string Marker => StartupStepPlan.MarkerPrefix + Index.ToString(CultureInfo.InvariantCulture) + "/" + Total.ToString(CultureInfo.InvariantCulture) + "] " + Name;

        public override string ToString() => Marker;
    }
}
