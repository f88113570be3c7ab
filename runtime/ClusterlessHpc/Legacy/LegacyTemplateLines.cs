using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The fixed lines of AzureClusterlessHPC.jl's startup-script template ("DO NOT MODIFY!"): the switch to a root shell
    /// with sudo, <c>pwd</c>, the Julia download, unpacking and link, the AzureClusterlessHPC clone and add, and the
    /// recursive chmod that made the depot world-writable. The generated startup script does each of these itself (or,
    /// for the root shell and the world-writable depot, on purpose does not), so they are recognised by their words, in
    /// the forms users kept them, and dropped.
    /// </summary>
    internal static class LegacyTemplateLines
    {
        // {mirror}/linux/{arch}/{major.minor}/julia-{version}-linux-{platform}.tar.gz, as the template and Julia's downloads page write it.
        private static readonly Regex ReleaseUrl = new(
            @"^(?<mirror>https?://[^\s]+?)/linux/(?:x64|x86|aarch64)/\d+\.\d+/julia-(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)-linux-(?:x86_64|i686|aarch64)\.tar\.gz$",
            RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        private static readonly Regex Tarball = new(@"(^|/)julia-[0-9A-Za-z.\-]+-linux-[0-9a-z_]+\.tar\.gz$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        /// <summary>A <c>wget</c> or <c>curl</c> of a Julia release: its version and, when it is not the official one, the mirror.</summary>
        public static bool IsJuliaDownload(IReadOnlyList<string> words, out string version, out string? mirror)
        {
            version = "";
            mirror = null;
            if (words.Count < 2 || words[0] is not ("wget" or "curl")) return false;
            foreach (var word in words)
            {
                var match = ReleaseUrl.Match(word);
                if (!match.Success) continue;
                version = match.Groups["version"].Value;
                var base_ = match.Groups["mirror"].Value;
                mirror = string.Equals(base_, JuliaDefinition.DefaultMirror, StringComparison.OrdinalIgnoreCase) ? null : base_;
                return true;
            }
            return false;
        }

        /// <summary>Whether the words are one of the template's other fixed lines.</summary>
        public static bool IsFixedLine(IReadOnlyList<string> words)
        {
            switch (words[0])
            {
                case "sudo":
                    return words.Count == 2 && words[1] == "bash";
                case "pwd":
                    return words.Count == 1;
                case "tar":
                    return words.Count >= 2 && Tarball.IsMatch(words[words.Count - 1]);
                case "rm":
                    return Operands(words) is { Count: > 0 } removed && removed.TrueForAll(Tarball.IsMatch);
                case "ln":
                    return Operands(words) is { Count: 2 } link && link[0].EndsWith("/bin/julia", StringComparison.Ordinal) &&
                           (link[1] == "/usr/local/bin/julia" || link[1] == "/usr/local/bin/");
                case "git":
                    return words.Count is 3 or 4 && words[1] == "clone" && IsAzureClusterlessHpcRepository(words[2]);
                case "chmod":
                    return words.Count == 4 && words[1] == "-R" && words[2] == "777" && words[3].TrimEnd('/').EndsWith("/.julia", StringComparison.Ordinal);
                default:
                    return false;
            }
        }

        private static bool IsAzureClusterlessHpcRepository(string url) =>
            LegacyStartupScript.PackageNameFromUrl(url) == "AzureClusterlessHPC";

        private static List<string> Operands(IReadOnlyList<string> words)
        {
            var operands = new List<string>();
            for (var i = 1; i < words.Count; i++)
            {
                if (!words[i].StartsWith("-", StringComparison.Ordinal)) operands.Add(words[i]);
            }
            return operands;
        }
    }
}
