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
    /// <remarks>
    /// A script that shares its install (<see cref="NodeCache"/>) has three ways to install the packages, and the node
    /// only learns which when it runs, after it has announced its first steps: so every way announces within the same
    /// numbering. Installing from the published manifest is one step in the place of the package groups it replaces
    /// (an alternative: the same index as the first group, another name), and a node that unpacked the published depot
    /// skips from the steps before the packages to the load check. The total is the same on every way.
    /// </remarks>
    internal static class StartupStepPlan
    {
        /// <summary>What every marker line starts with: <c>##[chpc step 3/7] develop JOLI</c>.</summary>
        public const string MarkerPrefix = "##[chpc step ";

        /// <summary>The name of the step that instantiates a manifest the first node of the definition published.</summary>
        public const string PublishedManifestName = "instantiate the published manifest";

        /// <summary>
        /// The steps of <paramref name="definition"/>'s script, numbered from 1; an alternative (see the remarks) shares its
        /// index with the first step it stands in for and comes right after it in the list.
        /// </summary>
        public static IReadOnlyList<StartupStep> Of(PoolDefinition definition)
        {
            // Each slot is one index; its first step is the one the script announces when it resolves, the rest alternatives.
            var slots = new List<List<(StartupStepKind Kind, int Declared, string Name, string[] Targets)>>();
            void Add(StartupStepKind kind, int declared, string name, string[] targets) => slots.Add([(kind, declared, name, targets)]);

            if (definition.Julia is { } julia)
            {
                Add(StartupStepKind.Julia, 0, definition.Image is CustomImageDefinition ? $"check the image's Julia {julia.Version}" : $"download Julia {julia.Version}",
                    new[] { DefinitionTarget.JuliaAttribute });
            }
            AddStartupSteps(definition, afterPackages: false, Add);
            var packages = definition.JuliaPackages;
            if (definition.JuliaManifest is not null)
            {
                Add(StartupStepKind.PinnedManifest, 0, "instantiate the pinned manifest", new[] { DefinitionTarget.JuliaManifestAttribute });
            }
            else
            {
                var first = slots.Count;
                AddGroup(Add, StartupStepKind.AddRegistered, "add", packages, p => p.IsRegistered);
                AddGroup(Add, StartupStepKind.AddFromRepositories, "add", packages, p => !p.IsRegistered && !p.Develop);
                AddGroup(Add, StartupStepKind.Develop, "develop", packages, p => !p.IsRegistered && p.Develop);
                if (NodeCache.Applies(definition) && slots.Count > first)
                {
                    slots[first].Add((StartupStepKind.PublishedManifest, 0, PublishedManifestName, AllPackages(packages)));
                }
            }
            if (packages.Count > 0)
            {
                Add(StartupStepKind.Load, 0, "load " + string.Join(", ", packages.Select(p => p.Name)), AllPackages(packages));
            }
            AddStartupSteps(definition, afterPackages: true, Add);

            var result = new List<StartupStep>();
            for (var i = 0; i < slots.Count; i++)
            {
                foreach (var (kind, declared, name, targets) in slots[i]) result.Add(new StartupStep(kind, declared, i + 1, slots.Count, name, targets));
            }
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

        private static void AddStartupSteps(PoolDefinition definition, bool afterPackages, System.Action<StartupStepKind, int, string, string[]> add)
        {
            for (var i = 0; i < definition.StartupSteps.Count; i++)
            {
                if (definition.StartupSteps[i].AfterPackages != afterPackages) continue;
                add(StartupStepKind.StartupStep, i, StepName(i), new[] { DefinitionTarget.Of(DefinitionTarget.StartupStepTarget, i, DefinitionTarget.WholeAttribute) });
            }
        }

        /// <summary>The name of the <paramref name="index"/>th (from 0) <c>[StartupStep]</c>, as the script's own messages say it.</summary>
        public static string StepName(int index) => "startup step " + (index + 1).ToString(CultureInfo.InvariantCulture);

        private static void AddGroup(System.Action<StartupStepKind, int, string, string[]> add, StartupStepKind kind, string verb, IReadOnlyList<JuliaPackageDefinition> packages, System.Func<JuliaPackageDefinition, bool> inGroup)
        {
            var members = Enumerable.Range(0, packages.Count).Where(i => inGroup(packages[i])).ToList();
            if (members.Count == 0) return;
            add(kind, 0, verb + " " + string.Join(", ", members.Select(i => packages[i].Name)), members.Select(PackageTarget).ToArray());
        }

        private static string[] AllPackages(IReadOnlyList<JuliaPackageDefinition> packages) => Enumerable.Range(0, packages.Count).Select(PackageTarget).ToArray();

        private static string PackageTarget(int index) => DefinitionTarget.JuliaPackage(index, DefinitionTarget.WholeAttribute);
    }

    /// <summary>What a startup script step does, so the renderer can announce it wherever the script does it.</summary>
    internal enum StartupStepKind
    {
        /// <summary>Download Julia, or check the custom image's.</summary>
        Julia,

        /// <summary>A <c>[StartupStep]</c>: <see cref="StartupStep.Declared"/> is its index among them, from 0.</summary>
        StartupStep,

        /// <summary><c>Pkg.add</c> of the registered packages.</summary>
        AddRegistered,

        /// <summary><c>Pkg.add</c> of the packages from repositories.</summary>
        AddFromRepositories,

        /// <summary><c>Pkg.develop</c> of the developed repositories.</summary>
        Develop,

        /// <summary>Instantiate the manifest the first node of the definition published: an alternative to the three above.</summary>
        PublishedManifest,

        /// <summary>Instantiate the manifest <c>[JuliaManifest]</c> pins.</summary>
        PinnedManifest,

        /// <summary>Load each package.</summary>
        Load,
    }

    /// <summary>One announced step of a startup script: its 1-based index of <see cref="Total"/>, its name, and the declarations that made it.</summary>
    internal sealed class StartupStep
    {
        public StartupStep(StartupStepKind kind, int declared, int index, int total, string name, IReadOnlyList<string> targets)
        {
            Kind = kind;
            Declared = declared;
            Index = index;
            Total = total;
            Name = name;
            Targets = targets;
        }

        public StartupStepKind Kind { get; }

        /// <summary>For a <see cref="StartupStepKind.StartupStep"/>, its index among the pool's startup steps (from 0); else 0.</summary>
        public int Declared { get; }

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
