using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Rules.Toml;

namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// Rules for <c>[JuliaManifest]</c>: both files are there and readable, the manifest was resolved with the declared
    /// Julia's MAJOR.MINOR (format 1 manifests of Julia 1.0–1.6 record no version: a warning), and every declared
    /// <c>[JuliaPackage]</c> is in it and a direct dependency of the project, so the nodes' load check can import it.
    /// Every problem is reported on the attribute's path.
    /// </summary>
    internal static class JuliaManifestRules
    {
        public static void Check(PoolDefinition definition, List<PoolDiagnostic> found)
        {
            if (definition.JuliaManifest is not { } pin) return;
            const string at = DefinitionTarget.JuliaManifestPath;
            var folder = pin.ProjectPath.Substring(0, pin.ProjectPath.Length - "Project.toml".Length);
            if (definition.Julia is null)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestNeedsJulia, at, pin.Path));
                return;
            }
            // A missing manifest says all there is to say: its project is looked for only beside one that was found.
            if (pin.Manifest is null)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestMustBeFound, at, pin.Path, folder));
                return;
            }
            if (pin.Project is null)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaProjectMustBeFound, at, pin.ProjectPath, pin.Path, folder));
                return;
            }

            var manifest = Read(pin.Path, pin.Manifest, found);
            var project = Read(pin.ProjectPath, pin.Project, found);
            if (manifest is null || project is null) return;
            if (!JuliaManifestContents.TryRead(manifest, out var contents, out var format))
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestFormatMustBeKnown, at, pin.Path, format ?? "(none)"));
                return;
            }

            var declared = JuliaRules.IsReleaseVersion(definition.Julia.Version) ? JuliaRules.MinorVersion(definition.Julia.Version) : null;
            if (contents.JuliaVersion is null)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestShouldRecordJuliaVersion, at, pin.Path, definition.Julia.Version));
            }
            else if (declared is not null && MinorOf(contents.JuliaVersion) != declared)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestVersionMustMatch, at, pin.Path, contents.JuliaVersion, definition.Julia.Version, declared));
            }

            var direct = project.TryGetValue("deps", out var deps) && deps is Dictionary<string, object> table ? table : new Dictionary<string, object>();
            foreach (var package in definition.JuliaPackages)
            {
                if (!contents.Packages.Contains(package.Name))
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestMustHavePackage, at, package.Name, pin.Path));
                }
                else if (!direct.ContainsKey(package.Name))
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaProjectMustDependOnPackage, at, package.Name, pin.ProjectPath, pin.Path));
                }
            }
        }

        private static Dictionary<string, object>? Read(string path, string text, List<PoolDiagnostic> found)
        {
            var root = TomlDocument.Parse(text, out var error);
            if (error is not null)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaManifestMustBeToml, DefinitionTarget.JuliaManifestPath, path, error.Line, error.Column, error.Message));
            }
            return root;
        }

        private static string MinorOf(string version)
        {
            var parts = version.Split('.');
            return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
        }
    }

    /// <summary>What a manifest records, whichever of its two formats it has.</summary>
    internal sealed class JuliaManifestContents
    {
        private JuliaManifestContents(string? juliaVersion, HashSet<string> packages, int format)
        {
            JuliaVersion = juliaVersion;
            Packages = packages;
            Format = format;
        }

        /// <summary>The Julia that resolved it (<c>julia_version</c>, format 2); null for format 1, which does not record it.</summary>
        public string? JuliaVersion { get; }

        /// <summary>The names of every package it holds.</summary>
        public HashSet<string> Packages { get; }

        /// <summary>1 (Julia 1.0–1.6: a top-level <c>[[Name]]</c> per package) or 2 (<c>manifest_format = "2.0"</c>: <c>[[deps.Name]]</c>).</summary>
        public int Format { get; }

        /// <summary>
        /// Reads a parsed manifest; false, with the <c>manifest_format</c> it declares, when that is not a format this
        /// reader knows (or the manifest's shape is not a manifest's).
        /// </summary>
        public static bool TryRead(Dictionary<string, object> root, out JuliaManifestContents contents, out string? format)
        {
            contents = null!;
            format = null;
            var packages = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetValue("manifest_format", out var declared))
            {
                format = declared as string ?? System.Convert.ToString(declared, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                if (format is not ("2" or "2.0") && !format.StartsWith("2.", StringComparison.Ordinal)) return false;
                if (root.TryGetValue("deps", out var deps))
                {
                    if (deps is not Dictionary<string, object> table) return false;
                    foreach (var entry in table)
                    {
                        if (entry.Value is not List<object>) return false;
                        packages.Add(entry.Key);
                    }
                }
                var version = root.TryGetValue("julia_version", out var v) ? v as string : null;
                contents = new JuliaManifestContents(version, packages, 2);
                return true;
            }
            // Format 1: every top-level key is a package, an array of tables (one per UUID of that name).
            foreach (var entry in root)
            {
                if (entry.Value is not List<object> list || list.Count == 0 || list[0] is not Dictionary<string, object>) return false;
                packages.Add(entry.Key);
            }
            contents = new JuliaManifestContents(null, packages, 1);
            return true;
        }
    }
}
