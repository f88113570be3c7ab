using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Cli.Output;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary><c>chpc formula check FILE|-</c>: the analyzer's diagnostics, in the compiler's line format.</summary>
    internal static class FormulaCheck
    {
        public static int Run(CliConsole console, string file, bool json = false)
        {
            if (!FormulaInput.TryRead(console, file, out var name, out var text)) return ExitCodes.InvalidInput;
            var diagnostics = FormulaChecker.Check(text);
            if (json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["file"] = name,
                    ["diagnostics"] = JsonOutput.Array(diagnostics.Select(d => (JsonNode)new JsonObject
                    {
                        ["severity"] = d.Rule.Severity.ToString().ToLowerInvariant(),
                        ["id"] = d.Rule.Id,
                        ["message"] = d.Message,
                        ["line"] = d.Line,
                        ["column"] = d.Column,
                    })),
                });
            }
            else
            {
                Print(console.Output, name, diagnostics);
            }
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.IsError) return ExitCodes.InvalidInput;
            }
            return ExitCodes.Done;
        }

        public static void Print(TextWriter writer, string name, IReadOnlyList<FormulaDiagnostic> diagnostics)
        {
            foreach (var d in diagnostics)
            {
                writer.WriteLine($"{name}({d.Line},{d.Column}): {d.Rule.Severity.ToString().ToLowerInvariant()} {d.Rule.Id}: {d.Message}");
            }
        }
    }
}
