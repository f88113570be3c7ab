using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Legacy
{
    /// <summary>Sorts a startup script's commands into the Julia download, package lines, the template's fixed lines and steps.</summary>
    internal sealed class LegacyStartupScriptReader
    {
        private readonly string _source;
        private readonly List<(JuliaPackageDefinition Package, int Line)> _packages = new();
        private readonly List<(StartupStepDefinition Step, int Line)> _steps = new();
        private readonly List<LegacyWarning> _warnings = new();
        private readonly List<int> _templateLines = new();
        private JuliaDefinition? _julia;
        private int? _juliaLine;

        public LegacyStartupScriptReader(string source) => _source = source;

        public LegacyStartupScript Read(string text)
        {
            var lineWarnings = new List<LegacyWarning>();
            foreach (var command in ShellCommandReader.Read(text))
            {
                var why = Classify(command, lineWarnings);
                if (why is null) continue;
                var afterPackages = _packages.Count > 0;
                _steps.Add((new StartupStepDefinition(command.Text) { AfterPackages = afterPackages }, command.Line));
                lineWarnings.Add(new LegacyWarning(_source, command.Line,
                    $"{LegacyStartupScript.Shown(command.Text)} becomes [StartupStep] {_steps.Count}, run {(afterPackages ? "after" : "before")} the Julia packages in a subshell of its own: {why}"));
            }

            if (_templateLines.Count > 0)
            {
                _warnings.Add(new LegacyWarning(_source, _templateLines[0],
                    $"the template's fixed lines ({Lines(_templateLines)}: the switch to a root shell, pwd, the Julia download, unpacking and link, the " +
                    "AzureClusterlessHPC clone and add, and the chmod that made the depot world-writable) are not imported: the generated startup " +
                    "script installs the declared Julia itself, without sudo, leaves nothing world-writable, and does not need AzureClusterlessHPC", isNote: true));
            }
            _warnings.AddRange(lineWarnings);
            if (_julia is null && _packages.Count == 0 && _steps.Count == 0)
            {
                _warnings.Add(new LegacyWarning(_source, 1, "the script downloads no Julia, installs no package and has no other line; the pools get none"));
            }
            return new LegacyStartupScript(_source, _julia, _juliaLine, _packages, _steps, _warnings);
        }

        // Null when the command was used (a template line, the Julia download, package lines); else why it is a step.
        private string? Classify(ShellCommand command, List<LegacyWarning> warnings)
        {
            if (command.Broken is not null)
            {
                warnings.Add(new LegacyWarning(_source, command.Line,
                    $"{LegacyStartupScript.Shown(command.Text)} is not imported: {command.Broken}, so it is not a complete bash command and cannot be a [StartupStep]; fix it in the script and import again"));
                return null;
            }
            if (command.Words is not { } words) return command.NotSimple is { } notSimple ? $"it is not a Julia package line ({notSimple})" : "it is not a Julia package line";

            if (LegacyTemplateLines.IsFixedLine(words))
            {
                _templateLines.Add(command.Line);
                return null;
            }
            if (LegacyTemplateLines.IsJuliaDownload(words, out var version, out var mirror))
            {
                _templateLines.Add(command.Line);
                var julia = new JuliaDefinition(version) { Mirror = mirror };
                if (_julia is null)
                {
                    _julia = julia;
                    _juliaLine = command.Line;
                }
                else if (_julia != julia)
                {
                    warnings.Add(new LegacyWarning(_source, command.Line,
                        $"downloads Julia {version} too; the pools get Julia {_julia.Version}, from line {_juliaLine}"));
                }
                return null;
            }
            if (JuliaProgram(words) is not { } program) return "it is not a Julia package line";

            var parsed = JuliaPkgCallParser.Parse(program);
            if (parsed.NotRecognized is { } other) return $"its Julia program is not only Pkg.add and Pkg.develop calls: {other}";
            if (parsed.AddsAzureClusterlessHpc) _templateLines.Add(command.Line);
            return parsed.Packages.Count == 0 ? null : AddPackages(parsed.Packages, command.Line, warnings);
        }

        // julia [-q | --startup-file=no | ...] -e PROGRAM, and nothing after it.
        private static string? JuliaProgram(IReadOnlyList<string> words)
        {
            if (words[0] != "julia" && !words[0].EndsWith("/julia", StringComparison.Ordinal)) return null;
            var i = 1;
            while (i < words.Count && words[i] is "-q" or "--quiet" or "--startup-file=no" or "--history-file=no" or "--color=no" or "--color=yes") i++;
            return i + 2 == words.Count && words[i] is "-e" or "--eval" ? words[i + 1] : null;
        }

        private string? AddPackages(IReadOnlyList<JuliaPkgCallParser.PackageRequest> requests, int line, List<LegacyWarning> warnings)
        {
            var added = new List<JuliaPackageDefinition>();
            var repeated = new List<string>();
            foreach (var request in requests)
            {
                var name = request.Name ?? (request.Url is null ? null : LegacyStartupScript.PackageNameFromUrl(request.Url));
                if (name is null) return $"no package name can be taken from the URL '{request.Url}'";
                var package = new JuliaPackageDefinition(name) { Url = request.Url, Rev = request.Rev, Version = request.Version, Develop = request.Develop };
                var earlier = _packages.FindIndex(p => p.Package.Name == name);
                var same = added.Find(p => p.Name == name);
                if (earlier >= 0 || same is not null)
                {
                    if ((same ?? _packages[earlier].Package) != package)
                    {
                        return $"package '{name}' is already declared (line {(same is not null ? line : _packages[earlier].Line)}) with other settings";
                    }
                    repeated.Add(name);
                    continue;
                }
                added.Add(package);
            }

            // The same rules as any declaration: what they refuse stays the line it was.
            var check = new PoolDefinition { Id = "import", Julia = new JuliaDefinition("1.0.0"), JuliaPackages = added };
            foreach (var diagnostic in PoolValidator.Validate(check))
            {
                if (diagnostic.IsError && diagnostic.Target.StartsWith("JuliaPackage[", StringComparison.Ordinal))
                {
                    return $"it has no [JuliaPackage] form ({diagnostic.Rule.Id}: {diagnostic.Message})";
                }
            }
            foreach (var package in added) _packages.Add((package, line));
            if (repeated.Count > 0)
            {
                warnings.Add(new LegacyWarning(_source, line, $"installs {string.Join(", ", repeated)} again; declared once"));
            }
            return null;
        }

        private static string Lines(List<int> lines)
        {
            var text = new StringBuilder(lines.Count == 1 ? "line " : "lines ");
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(lines[i].ToString(CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }
    }
}
