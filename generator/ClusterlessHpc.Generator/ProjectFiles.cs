using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// The project's additional files a pool can name (<c>*.toml</c>: a <c>[JuliaManifest]</c> and the Project.toml beside
    /// it), by their path relative to the project's folder (MSBuild's <c>ProjectDir</c>, which the package makes visible
    /// to the compiler). Paths are compared as text, never through the file system, which analyzers may not touch.
    /// Compares by content, so the generator's cached models stand while the files are unchanged.
    /// </summary>
    internal sealed class ProjectFiles : IEquatable<ProjectFiles>
    {
        public const string ProjectDirOption = "build_property.projectdir";

        public static readonly ProjectFiles None = new(ImmutableArray<(string, string)>.Empty, null);

        // Normalized full paths ('/' separators, no '.' or '..' segments) and texts, in a stable order.
        private readonly ImmutableArray<(string Path, string Text)> _files;
        private readonly string? _projectDir;

        private ProjectFiles(ImmutableArray<(string Path, string Text)> files, string? projectDir)
        {
            _files = files;
            _projectDir = projectDir;
        }

        public static bool IsCandidate(string path) => path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase);

        public static ProjectFiles Of(IEnumerable<(string Path, string? Text)> files, string? projectDir) =>
            new(files.Where(f => f.Text is not null && IsCandidate(f.Path))
                    .Select(f => (Normalize(f.Path), f.Text!))
                    .OrderBy(f => f.Item1, StringComparer.Ordinal)
                    .ToImmutableArray(),
                string.IsNullOrEmpty(projectDir) ? null : Normalize(projectDir!).TrimEnd('/'));

        /// <summary>The files an analyzer sees, read once per compilation.</summary>
        public static ProjectFiles Of(AnalyzerOptions options, CancellationToken cancellationToken) =>
            Of(options.AdditionalFiles.Where(f => IsCandidate(f.Path)).Select(f => (f.Path, f.GetText(cancellationToken)?.ToString())),
               ProjectDir(options.AnalyzerConfigOptionsProvider.GlobalOptions));

        public static string? ProjectDir(AnalyzerConfigOptions options) => options.TryGetValue(ProjectDirOption, out var dir) ? dir : null;

        /// <summary>
        /// The text of the file at <paramref name="relativePath"/> from the project's folder; without a known folder, the
        /// one file whose path ends with it. Null when there is none (or, without a folder, more than one).
        /// </summary>
        public string? Find(string relativePath)
        {
            var path = Match(_files.Select(f => f.Path), _projectDir, relativePath);
            return path is null ? null : _files.First(f => string.Equals(f.Path, path, StringComparison.Ordinal)).Text;
        }

        /// <summary>
        /// The one rule for a path relative to the project: among normalized <paramref name="paths"/>, the one at it from the
        /// project's folder; without a known folder, the one path that ends with it. Null when there is none (or, without a
        /// folder, more than one).
        /// </summary>
        private static string? Match(IEnumerable<string> paths, string? projectDir, string relativePath)
        {
            var relative = Normalize(relativePath).TrimStart('/');
            if (projectDir is not null)
            {
                var full = Normalize(projectDir + "/" + relative);
                return paths.Contains(full) ? full : null;
            }
            string? found = null;
            foreach (var path in paths)
            {
                if (!path.EndsWith("/" + relative, StringComparison.Ordinal) && path != relative) continue;
                if (found is not null) return null;
                found = path;
            }
            return found;
        }

        /// <summary>
        /// Whether a path relative to the project's folder names one of the project's additional files, of any kind (a
        /// <c>[SimulationExpectation]</c>'s workload file). Only the paths are compared; no file's text is read.
        /// </summary>
        public static Func<string, bool> PathsOf(AnalyzerOptions options)
        {
            var projectDir = ProjectDir(options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var root = string.IsNullOrEmpty(projectDir) ? null : Normalize(projectDir!).TrimEnd('/');
            var paths = new HashSet<string>(options.AdditionalFiles.Select(f => Normalize(f.Path)), StringComparer.Ordinal);
            return relativePath => Match(paths, root, relativePath) is not null;
        }

        /// <summary>The definition with its manifest's texts read from these files (unchanged without a manifest).</summary>
        public PoolDefinition Resolve(PoolDefinition definition) =>
            definition.JuliaManifest is { } pinned
                ? definition with { JuliaManifest = pinned with { Manifest = Find(pinned.Path), Project = Find(pinned.ProjectPath) } }
                : definition;

        private static string Normalize(string path)
        {
            var parts = new List<string>();
            var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else parts.Add(part);
            }
            return (rooted ? "/" : "") + string.Join("/", parts);
        }

        public bool Equals(ProjectFiles? other) =>
            other is not null && (ReferenceEquals(this, other) || (_projectDir == other._projectDir && _files.SequenceEqual(other._files)));

        public override bool Equals(object? obj) => Equals(obj as ProjectFiles);

        public override int GetHashCode() => _files.Length;
    }
}
