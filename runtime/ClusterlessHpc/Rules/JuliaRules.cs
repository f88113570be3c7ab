using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for the <c>[Julia]</c> and <c>[JuliaPackage]</c> settings.</summary>
    public static class JuliaRules
    {
        /// <summary>Whether <paramref name="version"/> is MAJOR.MINOR.PATCH with an optional pre-release such as <c>-rc2</c>.</summary>
        public static bool IsReleaseVersion(string? version)
        {
            if (string.IsNullOrEmpty(version)) return false;
            var dash = version!.IndexOf('-');
            var core = dash < 0 ? version : version.Substring(0, dash);
            var parts = core.Split('.');
            if (parts.Length != 3) return false;
            foreach (var part in parts)
            {
                if (!IsNumber(part)) return false;
            }
            if (dash < 0) return true;
            var pre = version.Substring(dash + 1);
            if (pre.Length == 0) return false;
            foreach (var c in pre)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.')) return false;
            }
            return true;
        }

        /// <summary>The <c>MAJOR.MINOR</c> part of a release version, as the download folders name it.</summary>
        public static string MinorVersion(string version)
        {
            var parts = version.Split('.');
            return parts[0] + "." + parts[1];
        }

        /// <summary>Why <paramref name="name"/> is not a Julia package name, or <c>null</c> when it is.</summary>
        public static string? PackageNameProblem(string? name)
        {
            if (string.IsNullOrEmpty(name)) return "it is empty";
            if (name!.EndsWith(".jl", StringComparison.Ordinal))
            {
                return $"Julia names packages without the '.jl' suffix; write '{name.Substring(0, name.Length - 3)}'";
            }
            if (!(char.IsLetter(name[0]) && name[0] < 128 || name[0] == '_'))
            {
                return $"it must start with a letter or '_', not '{CharacterNames.Describe(name[0])}'";
            }
            foreach (var c in name)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
                {
                    return $"'{CharacterNames.Describe(c)}' is not allowed; a package name is a Julia identifier (ASCII letters, digits, '_')";
                }
            }
            return null;
        }

        internal static void Check(PoolDefinition definition, List<PoolDiagnostic> found)
        {
            if (definition.Julia is { } julia && !IsReleaseVersion(julia.Version))
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaVersionMustBeValid, DefinitionTarget.JuliaVersion, julia.Version));
            }

            for (var i = 0; i < definition.JuliaPackages.Count; i++)
            {
                var package = definition.JuliaPackages[i];
                var problem = PackageNameProblem(package.Name);
                if (problem is not null)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaPackageNameMustBeValid,
                        DefinitionTarget.JuliaPackage(i, "Name"), package.Name, problem));
                }
                if (package.Develop && package.Url is null)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.DevelopedPackageMustHaveUrl,
                        DefinitionTarget.JuliaPackage(i, "Develop"), package.Name));
                }
            }
        }

        private static bool IsNumber(string s)
        {
            if (s.Length == 0 || s.Length > 1 && s[0] == '0') return false;
            foreach (var c in s)
            {
                if (c is < '0' or > '9') return false;
            }
            return true;
        }
    }
}
