using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// Records where each attribute of a pool was written and emits the code that registers those places with the runtime
    /// (<c>DeclarationSites.Register</c>) when the assembly loads. Paths are relative to the project's folder.
    /// </summary>
    internal static class DeclarationSiteEmitter
    {
        public const string HintName = "ClusterlessHpc.DeclarationSites.g.cs";

        // Long enough for a package name, a version or a short path; longer arguments (a startup step's bash) show as "...".
        private const int LongestArgument = 60;

        /// <summary>The whole-attribute places the reader recorded, in source order.</summary>
        public static EquatableArray<DeclarationSiteModel> Read(IReadOnlyDictionary<string, Location> locations, CancellationToken cancellationToken)
        {
            var sites = new List<DeclarationSiteModel>();
            foreach (var pair in locations)
            {
                if (!pair.Key.EndsWith("." + DefinitionTarget.WholeAttribute, StringComparison.Ordinal) || pair.Value.SourceTree is not { } tree) continue;
                var node = tree.GetRoot(cancellationToken).FindNode(pair.Value.SourceSpan);
                if (node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { } attribute) continue;
                var start = pair.Value.GetLineSpan().StartLinePosition;
                sites.Add(new DeclarationSiteModel(pair.Key, tree.FilePath, start.Line + 1, start.Character + 1, Shorten(attribute)));
            }
            return new EquatableArray<DeclarationSiteModel>(sites.OrderBy(s => s.FilePath, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Column));
        }

        /// <summary><c>[JuliaPackage("JOLI", ...)]</c>: the name as written and the first argument when it is short.</summary>
        private static string Shorten(AttributeSyntax attribute)
        {
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            if (arguments.Count == 0) return $"[{attribute.Name}]";
            var first = arguments[0].ToString();
            // A startup step is the user's own bash, which may hold anything: a failure message that quotes it could carry it
            // into a log, so it is never shown (the step's number names it).
            var isBash = attribute.Name.ToString() is var name && (name.EndsWith(nameof(StartupStepAttribute), StringComparison.Ordinal) ||
                                                                   name.EndsWith("StartupStep", StringComparison.Ordinal));
            var shown = !isBash && first.Length <= LongestArgument && first.IndexOf('\n') < 0 ? first : "...";
            return $"[{attribute.Name}({shown}{(arguments.Count > 1 && shown != "..." ? ", ..." : "")})]";
        }

        /// <summary>The sites of the emitted pools (<paramref name="emitted"/>), with paths made relative to <paramref name="projectDir"/>.</summary>
        public static EquatableArray<PoolSitesModel> Sites(ImmutableArray<PoolSitesModel> pools, EquatableArray<string> emitted, string? projectDir)
        {
            var names = new HashSet<string>(emitted, StringComparer.Ordinal);
            return new EquatableArray<PoolSitesModel>(pools
                .Where(p => names.Contains(p.FullyQualifiedName))
                .OrderBy(p => p.FullyQualifiedName, StringComparer.Ordinal)
                .Select(p => p with { Sites = new EquatableArray<DeclarationSiteModel>(p.Sites.Select(s => s with { FilePath = Relative(s.FilePath, projectDir) })) }));
        }

        /// <summary><paramref name="path"/> from <paramref name="projectDir"/> (with <c>..</c> for a file linked from outside it); the file's name without a folder.</summary>
        internal static string Relative(string path, string? projectDir)
        {
            var file = path.Replace('\\', '/');
            if (string.IsNullOrEmpty(projectDir)) return file.Substring(file.LastIndexOf('/') + 1);
            var from = projectDir!.Replace('\\', '/').TrimEnd('/').Split('/');
            var to = file.Split('/');
            var common = 0;
            while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal)) common++;
            if (common == 0) return to[to.Length - 1];
            return string.Join("/", Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
        }

        public static string Emit(EquatableArray<PoolSitesModel> pools)
        {
            var w = ModuleInitializerWriter.Open("DeclarationSiteRegistration",
                "Where this assembly's pools were declared, registered when it loads so start-task failures name their declarations.");
            foreach (var pool in pools)
            {
                w.Line($"global::ClusterlessHpc.DeclarationSites.Register(static () => {pool.FullyQualifiedName}.Definition,");
                for (var i = 0; i < pool.Sites.Count; i++)
                {
                    var s = pool.Sites[i];
                    w.Line("    new global::ClusterlessHpc.DeclarationSite(" +
                           $"{DefinitionEmitter.Literal(s.Target)}, {DefinitionEmitter.Literal(s.FilePath)}, " +
                           $"{s.Line.ToString(CultureInfo.InvariantCulture)}, {s.Column.ToString(CultureInfo.InvariantCulture)}, {DefinitionEmitter.Literal(s.Attribute)})" +
                           (i == pool.Sites.Count - 1 ? ");" : ","));
                }
                if (pool.Sites.Count == 0) w.Line("    global::System.Array.Empty<global::ClusterlessHpc.DeclarationSite>());");
            }
            return ModuleInitializerWriter.Close(w);
        }
    }
}
