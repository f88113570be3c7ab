using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClusterlessHpc.Cli.Pools;
using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc import parameters.json [--credentials F] [--startup-script F] [--namespace NS] [--output DIR] [--force]</c>: one
    /// C# file per pool of AzureClusterlessHPC.jl's files, a <c>partial</c> class with the attributes that declare the same pool
    /// (with the startup script, its Julia, packages and other lines too). Prints the import's warnings and the pools'
    /// diagnostics (exit 1 when one is an error; the files are written so it can be fixed there).
    /// </summary>
    internal static partial class ImportCommand
    {
        private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal",
            "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
            "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object",
            "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
            "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        };

        public static Command Create(CliConsole console)
        {
            var parameters = new Argument<string>("PARAMETERS") { Description = "AzureClusterlessHPC.jl's parameters.json." };
            var credentials = new Option<string?>("--credentials") { Description = "Its credentials.json (the pools' account names; no secret is written).", HelpName = "FILE" };
            var startupScript = new Option<string?>("--startup-script")
            {
                Description = "The pool startup script written from the package's template: its Julia version, packages and other lines become [Julia], [JuliaPackage] and [StartupStep]. Nothing in it runs.",
                HelpName = "FILE",
            };
            var @namespace = new Option<string>("--namespace") { Description = "The namespace of the classes.", HelpName = "NS", DefaultValueFactory = _ => "Pools" };
            @namespace.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string>();
                if (!IsNamespace(value)) result.AddError($"--namespace '{value}' is not a C# namespace such as MyCompany.Pools.");
            });
            var output = new Option<string?>("--output") { Description = "The folder to write the files to (default: the current folder).", HelpName = "DIR" };
            var force = new Option<bool>("--force") { Description = "Overwrite files that exist." };
            var command = new Command("import", "Write a C# pool class for each pool of an AzureClusterlessHPC.jl parameters.json.") { parameters, credentials, startupScript, @namespace, output, force };
            command.SetAction(parsed =>
            {
                return Run(console, parsed.GetRequiredValue(parameters), parsed.GetValue(credentials), parsed.GetValue(startupScript),
                    parsed.GetRequiredValue(@namespace), console.FullPath(parsed.GetValue(output) ?? "."), parsed.GetValue(force));
            });
            return command;
        }

        private static int Run(CliConsole console, string parametersPath, string? credentialsPath, string? startupScriptPath, string @namespace, string folder, bool force)
        {
            var import = PoolSourceOptions.LoadLegacy(console, parametersPath, credentialsPath, startupScriptPath);
            foreach (var warning in import.Warnings) console.Error.WriteLine(warning);
            foreach (var diagnostic in import.Diagnostics) console.Error.WriteLine(diagnostic);

            var sourceName = Path.GetFileName(parametersPath);
            string[] notes = startupScriptPath is null
                ? [
                    "Julia and packages: AzureClusterlessHPC.jl installed them from the pool's startup script, which this import did not read,",
                    "so this pool installs no Julia. Declare them here with [Julia(\"1.10.5\")] and [JuliaPackage(\"Name\")], or run chpc import",
                    "again with --startup-script pool_startup_script.sh.",
                ]
                : [$"Julia, packages and startup steps from {Path.GetFileName(startupScriptPath)}."];
            var files = new List<(string Path, string Text, string PoolId)>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pool in import.Pools)
            {
                var name = PoolClassWriter.ClassName(pool.Definition.Id);
                for (var n = 2; !names.Add(name); n++) name = PoolClassWriter.ClassName(pool.Definition.Id) + n;
                files.Add((Path.Combine(folder, name + ".cs"), PoolClassWriter.Write(pool.Definition, @namespace, name, sourceName, notes), pool.Definition.Id));
            }

            if (files.FirstOrDefault(f => Directory.Exists(f.Path)) is { Path: { } folderInTheWay, PoolId: var blocked })
            {
                throw new CliException(ExitCodes.InvalidInput, $"{folderInTheWay} is a folder; the class of pool '{blocked}' would be written there.");
            }
            if (!force && files.FirstOrDefault(f => File.Exists(f.Path)) is { Path: { } existing })
            {
                throw new CliException(ExitCodes.InvalidInput, $"{existing} exists; --force overwrites it.");
            }
            // All or nothing: every class is written beside its place first, and moved into place only once all are written,
            // so a failure leaves no pool's file half-imported and overwrites nothing.
            var written = new List<string>();
            try
            {
                Directory.CreateDirectory(folder);
                foreach (var (path, text, _) in files)
                {
                    var temporary = path + ".import.tmp";
                    File.WriteAllText(temporary, text);
                    written.Add(temporary);
                }
                foreach (var (path, _, poolId) in files)
                {
                    File.Move(path + ".import.tmp", path, overwrite: force);
                    console.Output.WriteLine($"wrote {path} (pool '{poolId}')");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only what this import wrote; a file already moved into place stays (only a rename after it failed).
                foreach (var temporary in written.Where(File.Exists)) File.Delete(temporary);
                throw new CliException(ExitCodes.InvalidInput, $"cannot write to {folder}: {e.Message}", e);
            }

            if (startupScriptPath is null)
            {
                console.Output.WriteLine("Julia and packages: AzureClusterlessHPC.jl kept them in the pool startup script, not in parameters.json, so these pools");
                console.Output.WriteLine("install no Julia. Declare them in each class with [Julia(\"1.10.5\")] and [JuliaPackage(\"Name\")], or import again with");
                console.Output.WriteLine("--startup-script pool_startup_script.sh to read them from the script.");
            }

            var configuration = import.ToConfiguration();
            if (configuration.Count > 0)
            {
                console.Output.WriteLine("Configuration these files imply (appsettings.json or ClusterlessHpc__... variables; no secrets):");
                foreach (var (key, value) in configuration.OrderBy(c => c.Key, StringComparer.Ordinal)) console.Output.WriteLine($"  {key} = {value}");
            }
            return import.HasErrors ? ExitCodes.InvalidInput : ExitCodes.Done;
        }

        private static bool IsNamespace(string? value) =>
            value is not null && NamespacePattern().IsMatch(value) && value.Split('.').All(part => !Keywords.Contains(part));

        [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
        private static partial Regex NamespacePattern();
    }
}
