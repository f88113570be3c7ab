using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for the <c>[Julia]</c> and <c>[JuliaPackage]</c> settings.</summary>
    internal static class JuliaRules
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

        /// <summary>Why <paramref name="spec"/> is not a version Pkg accepts (<c>1</c>, <c>1.2</c>, <c>1.2.3</c>, or a range <c>1.2 - 1.4</c>), or null.</summary>
        public static string? VersionSpecProblem(string spec)
        {
            var parts = spec.Split('-');
            if (parts.Length > 2) return "a range has one '-', for example '1.2 - 1.4'";
            foreach (var part in parts)
            {
                var version = part.Trim(' ');
                if (version.Length == 0) return parts.Length == 2 ? "a range needs a version on both sides of '-'" : "it is empty";
                var numbers = version.Split('.');
                if (numbers.Length > 3) return $"'{version}' has more than three numbers";
                foreach (var number in numbers)
                {
                    if (!IsNumber(number)) return $"'{version}' is not a version such as 1, 1.2 or 1.2.3";
                }
            }
            return null;
        }

        /// <summary>Why <paramref name="url"/> is not an https, git or ssh URL of a repository, or null.</summary>
        public static string? PackageUrlProblem(string url)
        {
            var bad = TextChecks.WhiteSpaceOrControl(url);
            if (bad is not null) return bad;
            if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':') > 4) return null;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return "it is not an absolute URL";
            if (uri.Scheme is "https" or "git" or "ssh") return null;
            if (uri.Scheme == "http") return "use https:// (plain http is not encrypted and not verified)";
            return $"the scheme '{uri.Scheme}' is not https, git or ssh";
        }

        /// <summary>Why <paramref name="rev"/> is not a git branch, tag or commit name, or null.</summary>
        public static string? RevProblem(string rev)
        {
            if (rev.Length == 0) return "it is empty";
            foreach (var c in rev)
            {
                if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\' or '"' or '$' or '`' or '\'')
                {
                    return $"'{CharacterNames.Describe(c)}' is not allowed in a git revision";
                }
            }
            if (rev.Contains("..")) return "'..' is not allowed in a git revision";
            if (rev[0] == '-') return "a revision may not start with '-'";
            return null;
        }

        internal static void Check(PoolDefinition definition, List<PoolDiagnostic> found)
        {
            if (definition.Julia is { } julia)
            {
                if (!IsReleaseVersion(julia.Version)) found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaVersionMustBeValid, DefinitionTarget.JuliaVersion, julia.Version));
                if (julia.Mirror is { } mirror && TextChecks.HttpUrlProblem(mirror, httpsOnly: false) is { } mirrorProblem)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaServerUrlMustBeValid, DefinitionTarget.JuliaMirror, "Mirror", mirror, mirrorProblem));
                }
                if (julia.PkgServer is { } server && TextChecks.HttpUrlProblem(server, httpsOnly: false) is { } serverProblem)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaServerUrlMustBeValid, DefinitionTarget.JuliaPkgServer, "PkgServer", server, serverProblem));
                }
                if (julia.Sha256 is { } sha && !TextChecks.IsHex(sha, 64)) found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaSha256MustBeValid, DefinitionTarget.JuliaSha256, sha));
            }
            else if (definition.JuliaPackages.Count > 0)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaPackagesNeedJulia, DefinitionTarget.JuliaPackage(0, DefinitionTarget.WholeAttribute), definition.Id));
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < definition.JuliaPackages.Count; i++)
            {
                var package = definition.JuliaPackages[i];
                var problem = PackageNameProblem(package.Name);
                if (problem is not null)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaPackageNameMustBeValid, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Name)), package.Name, problem));
                }
                else if (!names.Add(package.Name))
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.JuliaPackagesMustBeUnique, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Name)), package.Name));
                }

                if (package.Develop && package.Url is null)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.DevelopedPackageMustHaveUrl, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Develop)), package.Name));
                }
                if (package.Url is { } url && PackageUrlProblem(url) is { } urlProblem)
                {
                    found.Add(new PoolDiagnostic(DiagnosticCatalogue.PackageUrlMustBeHttpsOrGit, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Url)), url, urlProblem));
                }
                if (package.Version is { } version)
                {
                    if (package.Url is not null)
                    {
                        found.Add(new PoolDiagnostic(DiagnosticCatalogue.PackageVersionNeedsRegisteredPackage, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Version)), package.Name));
                    }
                    else if (VersionSpecProblem(version) is { } versionProblem)
                    {
                        found.Add(new PoolDiagnostic(DiagnosticCatalogue.PackageVersionMustBeValid, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Version)), version, package.Name, versionProblem));
                    }
                }
                if (package.Rev is { } rev)
                {
                    if (package.Url is null) found.Add(new PoolDiagnostic(DiagnosticCatalogue.PackageRevNeedsUrl, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Rev)), package.Name, rev));
                    else if (package.Develop) found.Add(new PoolDiagnostic(DiagnosticCatalogue.DevelopedPackageCannotPinRev, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Rev)), package.Name, rev));
                    else if (RevProblem(rev) is { } revProblem) found.Add(new PoolDiagnostic(DiagnosticCatalogue.PackageRevMustBeValid, DefinitionTarget.JuliaPackage(i, nameof(JuliaPackageAttribute.Rev)), rev, package.Name, revProblem));
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
