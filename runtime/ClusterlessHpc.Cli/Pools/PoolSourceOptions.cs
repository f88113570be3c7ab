using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ClusterlessHpc.Legacy;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Cli.Pools
{
    /// <summary>
    /// Where <c>plan</c> and <c>apply</c> get their pools: <c>--assembly PATH</c> (a built assembly's pool registry) or
    /// <c>--parameters parameters.json [--credentials credentials.json] [--startup-script FILE]</c> (AzureClusterlessHPC.jl's
    /// files), narrowed by <c>--pool ID</c>.
    /// </summary>
    internal sealed class PoolSourceOptions
    {
        public Option<string?> Assembly { get; } = AssemblyOption("A built assembly that declares pools ([BatchPool] classes), for example samples/Quickstart/bin/Debug/net10.0/Quickstart.dll.");

        /// <summary><c>--assembly PATH</c>, as every command that reads a built assembly's pools takes it.</summary>
        public static Option<string?> AssemblyOption(string description) => new("--assembly")
        {
            Description = description,
            HelpName = "PATH",
        };

        public Option<string?> Parameters { get; } = new("--parameters")
        {
            Description = "AzureClusterlessHPC.jl's parameters.json, instead of an assembly.",
            HelpName = "parameters.json",
        };

        public Option<string?> Credentials { get; } = new("--credentials")
        {
            Description = "AzureClusterlessHPC.jl's credentials.json, with --parameters (its pools' account names).",
            HelpName = "credentials.json",
        };

        public Option<string?> StartupScript { get; } = new("--startup-script")
        {
            Description = "AzureClusterlessHPC.jl's pool startup script, with --parameters (the pools' Julia, packages and other lines; nothing in it runs).",
            HelpName = "FILE",
        };

        public Option<string[]> Pool { get; } = new("--pool")
        {
            Description = "Only this pool (repeatable; default: every pool of the assembly or file).",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };

        /// <param name="command">The command.</param>
        /// <param name="poolFilter">Whether the command takes <c>--pool</c> (prune does not: it needs every declared pool).</param>
        public void AddTo(Command command, bool poolFilter = true)
        {
            command.Options.Add(Assembly);
            command.Options.Add(Parameters);
            command.Options.Add(Credentials);
            command.Options.Add(StartupScript);
            if (poolFilter) command.Options.Add(Pool);
            command.Validators.Add(result =>
            {
                var assembly = result.GetResult(Assembly) is not null;
                var parameters = result.GetResult(Parameters) is not null;
                if (assembly && parameters) result.AddError("--assembly and --parameters exclude each other: give the pools with one of them.");
                else if (!assembly && !parameters) result.AddError("Give the pools with --assembly PATH or --parameters parameters.json.");
                if (result.GetResult(Credentials) is not null && !parameters) result.AddError("--credentials goes with --parameters.");
                if (result.GetResult(StartupScript) is not null && !parameters) result.AddError("--startup-script goes with --parameters.");
            });
        }

        /// <summary>Loads the selected pools and checks them with the pool rules; warnings from a legacy import are diagnostics too.</summary>
        /// <exception cref="CliException">The source cannot be read, or a --pool names no pool in it.</exception>
        public SelectedPools Load(ParseResult parsed, CliConsole console)
        {
            var wanted = parsed.CommandResult.Command.Options.Contains(Pool) ? parsed.GetValue(Pool) ?? [] : [];
            var pools = new List<PoolDefinition>();
            var messages = new List<string>();
            var offline = new List<OfflinePool>();
            var hasErrors = false;
            string source;
            IReadOnlyDictionary<string, string> implied = new Dictionary<string, string>();

            if (parsed.GetValue(Assembly) is { } assemblyPath)
            {
                source = Path.GetFileName(assemblyPath);
                var declared = LoadDeclared(console, assemblyPath);
                foreach (var definition in Select(declared, wanted, source))
                {
                    pools.Add(definition);
                    foreach (var diagnostic in PoolValidator.Validate(definition))
                    {
                        hasErrors |= diagnostic.IsError;
                        messages.Add($"{source}: {diagnostic.Rule.Severity.ToString().ToLowerInvariant()} {diagnostic.Rule.Id}: {diagnostic.Message} [{diagnostic.Target} of pool '{definition.Id}']");
                    }
                }
            }
            else
            {
                var parametersPath = parsed.GetValue(Parameters)!;
                source = Path.GetFileName(parametersPath);
                var credentialsPath = parsed.GetValue(Credentials);
                var import = LoadLegacy(console, parametersPath, credentialsPath, parsed.GetValue(StartupScript));
                implied = WithServicePrincipals(import.ToConfiguration(), import.Credentials);
                messages.AddRange(import.Warnings.Select(w => w.ToString()));
                foreach (var definition in Select(import.Definitions, wanted, source))
                {
                    pools.Add(definition);
                    foreach (var diagnostic in import.Diagnostics.Where(d => d.PoolId == definition.Id))
                    {
                        hasErrors |= diagnostic.IsError;
                        messages.Add(diagnostic.ToString());
                    }
                    if (import.Pools.First(p => p.Definition == definition).Account is { IsPlaceholder: true } placeholder)
                    {
                        offline.Add(new OfflinePool(definition, placeholder.Name, Path.GetFileName(credentialsPath!), placeholder.Entry));
                    }
                }
            }
            return new SelectedPools(source, pools, messages, hasErrors) { ImpliedConfiguration = implied, Offline = offline };
        }

        /// <summary>The pool <paramref name="id"/> as the assembly at <paramref name="assemblyPath"/> declares it (loading it registers its declaration sites).</summary>
        /// <exception cref="CliException">The assembly cannot be read or does not declare that pool.</exception>
        public static PoolDefinition LoadDeclared(CliConsole console, string assemblyPath, string id) =>
            Select(LoadDeclared(console, assemblyPath), [id], Path.GetFileName(assemblyPath)).Single();

        private static IReadOnlyList<PoolDefinition> LoadDeclared(CliConsole console, string assemblyPath)
        {
            var declared = PoolAssemblyLoader.LoadPools(console.FullPath(assemblyPath));
            if (declared.Count == 0) throw new CliException(ExitCodes.InvalidInput, $"{assemblyPath} declares no pools (no valid [BatchPool] class).");
            return declared;
        }

        /// <summary>Reads AzureClusterlessHPC.jl's files; their errors name the file and key, never a credential.</summary>
        public static LegacyImportResult LoadLegacy(CliConsole console, string parametersPath, string? credentialsPath, string? startupScriptPath = null)
        {
            try
            {
                var options = startupScriptPath is null ? null : LegacyStartupScript.Load(console.FullPath(startupScriptPath)).ToOptions();
                return LegacyImport.Load(console.FullPath(parametersPath), credentialsPath is null ? null : console.FullPath(credentialsPath), options);
            }
            catch (LegacyConfigurationException e)
            {
                throw new CliException(ExitCodes.InvalidInput, e.Message, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.InvalidInput, $"cannot read {e.Message}", e);
            }
        }

        /// <summary>
        /// Adds each credentials.json account's service principal to the settings it implies, so chpc signs in as
        /// AzureClusterlessHPC.jl did (configuration still overrides it, and an account key wins over it). Only here:
        /// the import's own configuration, which <c>chpc import</c> prints, holds no secret.
        /// </summary>
        private static IReadOnlyDictionary<string, string> WithServicePrincipals(IReadOnlyDictionary<string, string> implied, LegacyCredentials? credentials)
        {
            if (credentials is null) return implied;
            var settings = new Dictionary<string, string>(implied);
            foreach (var account in credentials.Accounts)
            {
                // A template entry is never contacted, so it signs in as nobody.
                if (account.IsPlaceholder) continue;
                // An account listed twice (once per storage account) signs in as its first entry says.
                var section = $"{Hosting.ClusterlessHpcOptions.SectionName}:Batch:Accounts:{account.Name}:";
                if (!settings.TryAdd(section + nameof(Hosting.BatchAccountOptions.TenantId), account.TenantId)) continue;
                settings[section + nameof(Hosting.BatchAccountOptions.ClientId)] = account.ClientId;
                settings[section + nameof(Hosting.BatchAccountOptions.ClientSecret)] = account.ClientSecret.Reveal();
            }
            return settings;
        }

        private static IEnumerable<PoolDefinition> Select(IReadOnlyList<PoolDefinition> pools, string[] wanted, string source)
        {
            if (wanted.Length == 0) return pools;
            var selected = new List<PoolDefinition>();
            foreach (var id in wanted)
            {
                // Pool ids compare case-insensitively, as the service compares them.
                var match = pools.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
                    ?? throw new CliException(ExitCodes.InvalidInput, $"{source} has no pool '{id}'; its pools: {string.Join(", ", pools.Select(p => p.Id))}.");
                if (!selected.Contains(match)) selected.Add(match);
            }
            return selected;
        }
    }

    /// <summary>The pools a command works on, with the diagnostics and warnings to print first.</summary>
    internal sealed record SelectedPools(string Source, IReadOnlyList<PoolDefinition> Pools, IReadOnlyList<string> Messages, bool HasErrors)
    {
        /// <summary>
        /// The configuration the source implies, under appsettings.json and the environment: from AzureClusterlessHPC.jl's
        /// files, each credentials.json account as <c>ClusterlessHpc:Batch:Accounts:&lt;name&gt;</c>, and the blob container.
        /// </summary>
        public IReadOnlyDictionary<string, string> ImpliedConfiguration { get; init; } = new Dictionary<string, string>();

        /// <summary>
        /// The pools whose credentials.json entry is still the package's template: nothing may be sent to their account,
        /// so plan validates them offline and apply refuses them.
        /// </summary>
        public IReadOnlyList<OfflinePool> Offline { get; init; } = [];

        /// <summary>
        /// Prints the diagnostics on standard error; false when one is an error (exit 1, nothing sent to Batch), or when a pool
        /// is <see cref="Offline"/> and the command does not allow that.
        /// </summary>
        public bool ReportAndCheck(CliConsole console, bool offlineAllowed = false)
        {
            foreach (var message in Messages) console.Error.WriteLine(message);
            if (!offlineAllowed)
            {
                foreach (var pool in Offline)
                {
                    console.Error.WriteLine($"error: pool '{pool.Pool.Id}' {pool.Reason}; fill in that entry, or leave out --credentials to use the configured account. Nothing was sent.");
                }
            }
            return !HasErrors && (offlineAllowed || Offline.Count == 0);
        }

        /// <summary>The pools that may be sent to Batch: all but the <see cref="Offline"/> ones.</summary>
        public IReadOnlyList<PoolDefinition> Reachable => Pools.Where(p => !Offline.Any(o => ReferenceEquals(o.Pool, p))).ToList();
    }

    /// <summary>A pool whose account is the credentials template's placeholder: validated, never sent anywhere.</summary>
    internal sealed record OfflinePool(PoolDefinition Pool, string Account, string CredentialsFile, int Entry)
    {
        public string Reason => $"goes to account '{Account}', the placeholder of the credentials template ({CredentialsFile}, entry {Entry})";
    }
}
