using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The pool startup script an AzureClusterlessHPC.jl user wrote from the package's template, where the Julia
    /// version and packages lived: the Julia version from its download, each <c>Pkg.add</c> and <c>Pkg.develop</c> line
    /// as a <see cref="JuliaPackageDefinition"/>, the template's fixed lines dropped (one note), and every other line a
    /// <see cref="StartupStepDefinition"/> with a warning naming it. The script is read as text: nothing in it runs.
    /// </summary>
    public sealed class LegacyStartupScript
    {
        /// <summary>The file name the package's documentation suggests.</summary>
        public const string DefaultFileName = "pool_startup_script.sh";

        // Larger than any startup script; Batch's own limit on an inline start task is far smaller.
        private const int MaxBytes = 1024 * 1024;
        private const int ShownLength = 120;

        private static readonly Regex SecretLike = new(
            @"(?i)\b[A-Za-z0-9_]*(key|secret|passw(or)?d|token|sas|credential)[A-Za-z0-9_]*\s*=|\bsig=|--password|--sas|--account-key",
            RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        private readonly IReadOnlyList<int> _packageLines;
        private readonly IReadOnlyList<int> _stepLines;

        internal LegacyStartupScript(string sourceName, JuliaDefinition? julia, int? juliaLine, List<(JuliaPackageDefinition Package, int Line)> packages,
            List<(StartupStepDefinition Step, int Line)> steps, List<LegacyWarning> warnings)
        {
            SourceName = sourceName;
            Julia = julia;
            JuliaLine = juliaLine;
            JuliaPackages = packages.ConvertAll(p => p.Package);
            _packageLines = packages.ConvertAll(p => p.Line);
            StartupSteps = steps.ConvertAll(s => s.Step);
            _stepLines = steps.ConvertAll(s => s.Line);
            Warnings = warnings;
        }

        /// <summary>The file the script came from (the path given to <see cref="Load"/>).</summary>
        public string SourceName { get; }

        /// <summary>The Julia release the script downloads; null when no line downloads one.</summary>
        public JuliaDefinition? Julia { get; }

        /// <summary>The line of the Julia download.</summary>
        public int? JuliaLine { get; }

        /// <summary>The packages of the script's Pkg lines, in order.</summary>
        public IReadOnlyList<JuliaPackageDefinition> JuliaPackages { get; }

        /// <summary>The script's other lines, each as written, in order.</summary>
        public IReadOnlyList<StartupStepDefinition> StartupSteps { get; }

        /// <summary>A note for the template's fixed lines and a warning for each line that became a step or could not be used.</summary>
        public IReadOnlyList<LegacyWarning> Warnings { get; }

        /// <summary>The line package <paramref name="index"/> was read from.</summary>
        public int PackageLine(int index) => _packageLines[index];

        /// <summary>The line step <paramref name="index"/> was read from.</summary>
        public int StepLine(int index) => _stepLines[index];

        /// <summary>Reads <paramref name="path"/> as UTF-8; errors and warnings name it.</summary>
        /// <exception cref="LegacyConfigurationException">The file cannot be read, or is not a text file.</exception>
        public static LegacyStartupScript Load(string path)
        {
            var bytes = LegacyJson.ReadFile(path);
            if (bytes.Length > MaxBytes) throw new LegacyConfigurationException(path, null, $"the file has {bytes.Length} bytes; a startup script has far fewer");
            if (Array.IndexOf(bytes, (byte)0) >= 0) throw new LegacyConfigurationException(path, null, "the file holds NUL bytes; it is not a bash script");
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new LegacyConfigurationException(path, null, "the file is not UTF-8 text");
            }
            return Parse(text, path);
        }

        /// <summary>Reads a script's text; <paramref name="sourceName"/> names it in warnings.</summary>
        public static LegacyStartupScript Parse(string text, string sourceName = DefaultFileName)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (sourceName is null) throw new ArgumentNullException(nameof(sourceName));
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            return new LegacyStartupScriptReader(sourceName).Read(text.Replace("\r\n", "\n"));
        }

        /// <summary>
        /// <paramref name="options"/> (or the defaults) with the script's Julia, packages and startup steps, and the script
        /// itself, so the import's diagnostics and warnings name the script's lines.
        /// </summary>
        public LegacyPoolOptions ToOptions(LegacyPoolOptions? options = null)
        {
            options ??= new LegacyPoolOptions();
            return new LegacyPoolOptions
            {
                ImageResourceId = options.ImageResourceId,
                NodeAgentSku = options.NodeAgentSku,
                EnableAutoScale = options.EnableAutoScale,
                AutoScaleFormula = options.AutoScaleFormula,
                AutoScaleEvaluationIntervalMinutes = options.AutoScaleEvaluationIntervalMinutes,
                Julia = Julia,
                JuliaPackages = JuliaPackages,
                StartupSteps = StartupSteps,
                StartupScript = this,
            };
        }

        /// <summary>
        /// The line a definition target came from (<see cref="DefinitionTarget"/>: the Julia download for <c>Julia.*</c>, the
        /// package's or step's line), or null when the script did not set it.
        /// </summary>
        public int? LineOf(string target)
        {
            if (target.StartsWith("Julia.", StringComparison.Ordinal)) return JuliaLine;
            if (Index(target, "JuliaPackage[") is { } package && package < _packageLines.Count) return _packageLines[package];
            if (Index(target, "StartupStep[") is { } step && step < _stepLines.Count) return _stepLines[step];
            return null;
        }

        /// <summary>The package name a repository URL implies: its last path part without <c>.git</c> and <c>.jl</c>.</summary>
        public static string? PackageNameFromUrl(string url)
        {
            var trimmed = url.Trim().TrimEnd('/');
            var slash = Math.Max(trimmed.LastIndexOf('/'), trimmed.LastIndexOf(':'));
            var name = trimmed.Substring(slash + 1);
            if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - 4);
            if (name.EndsWith(".jl", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - 3);
            return name.Length == 0 ? null : name;
        }

        public override string ToString() =>
            $"{SourceName}: {(Julia is null ? "no Julia" : Julia.ToString())}, {JuliaPackages.Count} package(s), {StartupSteps.Count} startup step(s)";

        private static int? Index(string target, string prefix)
        {
            if (!target.StartsWith(prefix, StringComparison.Ordinal)) return null;
            var end = target.IndexOf(']', prefix.Length);
            return end > prefix.Length && int.TryParse(target.Substring(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : null;
        }

        /// <summary>A line as a warning may show it: control characters escaped, long lines cut, secrets not at all.</summary>
        internal static string Shown(string text)
        {
            if (SecretLike.IsMatch(text)) return "(text not shown: it looks like it holds a secret, which stays in the step as written; move the value to configuration)";
            var shown = new StringBuilder("'");
            foreach (var c in text)
            {
                if (shown.Length > ShownLength)
                {
                    shown.Append("...");
                    break;
                }
                if (c == '\n') shown.Append("\\n");
                else if (c == '\t') shown.Append("\\t");
                else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' || char.IsSurrogate(c) && !char.IsHighSurrogate(c))
                {
                    shown.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else shown.Append(c);
            }
            return shown.Append('\'').ToString();
        }
    }
}
