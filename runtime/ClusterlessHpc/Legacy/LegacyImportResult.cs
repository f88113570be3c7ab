using System.Collections.Generic;

namespace ClusterlessHpc.Legacy
{
    /// <summary>What a legacy import produced: the options read, the pools, and every warning and diagnostic.</summary>
    public sealed class LegacyImportResult
    {
        internal LegacyImportResult(LegacyParameters parameters, LegacyCredentials? credentials, IReadOnlyList<LegacyPool> pools, IReadOnlyList<LegacyWarning> warnings)
        {
            Parameters = parameters;
            Credentials = credentials;
            Pools = pools;
            Warnings = warnings;
            var definitions = new List<PoolDefinition>();
            var diagnostics = new List<LegacyPoolDiagnostic>();
            foreach (var pool in pools)
            {
                definitions.Add(pool.Definition);
                diagnostics.AddRange(pool.Diagnostics);
            }
            Definitions = definitions;
            Diagnostics = diagnostics;
        }

        public LegacyParameters Parameters { get; }

        /// <summary>The accounts; <c>null</c> when the import had no credentials file (the pools then use the default account).</summary>
        public LegacyCredentials? Credentials { get; }

        /// <summary>The job and task keys, for the code that submits work.</summary>
        public LegacyJobSettings Job => Parameters.Job;

        /// <summary>The pools <c>{_POOL_ID}_1</c> … <c>{_POOL_ID}_{_POOL_COUNT}</c>.</summary>
        public IReadOnlyList<LegacyPool> Pools { get; }

        /// <summary>The pools' definitions, in order.</summary>
        public IReadOnlyList<PoolDefinition> Definitions { get; }

        /// <summary>Every warning: the parameters file's, the credentials file's and the import's, each with its key and source.</summary>
        public IReadOnlyList<LegacyWarning> Warnings { get; }

        /// <summary>Every pool's validator diagnostics, with the legacy keys.</summary>
        public IReadOnlyList<LegacyPoolDiagnostic> Diagnostics { get; }

        /// <summary>Whether a pool breaks a rule, so it cannot be provisioned as it is.</summary>
        public bool HasErrors
        {
            get
            {
                foreach (var diagnostic in Diagnostics)
                {
                    if (diagnostic.IsError) return true;
                }
                return false;
            }
        }

        /// <summary>
        /// The settings of configuration section <c>ClusterlessHpc</c> the files imply: each account's endpoint and
        /// name under <c>Batch:Accounts:&lt;name&gt;</c> (except the template's placeholder), and <c>Storage:Container</c>. No secret is included; sign in
        /// with the service principal through Azure.Identity's environment variables (see docs/legacy-import.md).
        /// </summary>
        public IReadOnlyDictionary<string, string> ToConfiguration()
        {
            var settings = new Dictionary<string, string>();
            if (Credentials is not null)
            {
                foreach (var account in Credentials.Accounts)
                {
                    // The template's made-up account is no account to configure.
                    if (account.IsPlaceholder) continue;
                    var prefix = "ClusterlessHpc:Batch:Accounts:" + account.Name + ":";
                    settings[prefix + "Endpoint"] = account.Endpoint.GetLeftPart(System.UriPartial.Authority);
                    settings[prefix + "AccountName"] = account.Name;
                }
            }
            settings["ClusterlessHpc:Storage:Container"] = Parameters.BlobContainer;
            return settings;
        }

        public override string ToString() =>
            $"{Pools.Count} pool(s) from {Parameters.SourceName}, {Warnings.Count} warning(s), {Diagnostics.Count} diagnostic(s)";
    }
}
