using System;
using System.Collections.Generic;
using System.Text.Json;
using Keys = ClusterlessHpc.Legacy.LegacyCredentialKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// AzureClusterlessHPC.jl's <c>credentials.json</c>: one object, or an array of objects for several accounts.
    /// No value read from it appears in a message, warning or string form, only key names, entry numbers and
    /// account names.
    /// </summary>
    public sealed class LegacyCredentials
    {
        /// <summary>The file name the package's documentation uses.</summary>
        public const string DefaultFileName = "credentials.json";

        private LegacyCredentials(string sourceName, IReadOnlyList<LegacyBatchAccount> accounts, IReadOnlyList<LegacyWarning> warnings)
        {
            SourceName = sourceName;
            Accounts = accounts;
            Warnings = warnings;
        }

        /// <summary>The file the entries came from (the path given to <see cref="Load"/>).</summary>
        public string SourceName { get; }

        /// <summary>The entries in file order; pools are spread over them round-robin.</summary>
        public IReadOnlyList<LegacyBatchAccount> Accounts { get; }

        /// <summary>Unknown keys and inconsistent entries, each with its key, entry and this file.</summary>
        public IReadOnlyList<LegacyWarning> Warnings { get; }

        /// <summary>Reads <paramref name="path"/>; errors and warnings name it.</summary>
        public static LegacyCredentials Load(string path)
        {
            using var document = LegacyJson.Parse(LegacyJson.ReadFile(path), path);
            return FromDocument(document, path);
        }

        /// <summary>Reads credentials from JSON text; <paramref name="sourceName"/> names it in errors and warnings.</summary>
        public static LegacyCredentials Parse(string json, string sourceName = DefaultFileName)
        {
            using var document = LegacyJson.Parse(json, sourceName);
            return FromDocument(document, sourceName);
        }

        public override string ToString() =>
            $"{SourceName}: {Accounts.Count} account(s): {string.Join(", ", AccountNames())} (secrets {LegacySecret.Redacted})";

        private IEnumerable<string> AccountNames()
        {
            foreach (var account in Accounts) yield return account.Name;
        }

        private static LegacyCredentials FromDocument(JsonDocument document, string sourceName)
        {
            var root = document.RootElement;
            var warnings = new List<LegacyWarning>();
            var accounts = new List<LegacyBatchAccount>();
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    accounts.Add(LegacyBatchAccountReader.Read(root, new LegacySource(sourceName, 1), warnings));
                    break;
                case JsonValueKind.Array:
                    var entry = 0;
                    foreach (var element in root.EnumerateArray())
                    {
                        entry++;
                        accounts.Add(LegacyBatchAccountReader.Read(element, new LegacySource(sourceName, entry), warnings));
                    }
                    if (entry == 0)
                    {
                        throw new LegacyConfigurationException(sourceName, null, "the file holds an empty array; it needs at least one entry");
                    }
                    break;
                default:
                    throw new LegacyConfigurationException(sourceName, null,
                        $"the file holds {LegacyJson.Describe(root.ValueKind)}; it must hold an object, or an array of objects");
            }
            CheckNamesAreDistinct(accounts, sourceName);
            return new LegacyCredentials(sourceName, accounts, warnings);
        }

        // The package could list one Batch account several times (once per storage account); that is the same
        // account. Two different endpoints under one name would make Account ambiguous.
        private static void CheckNamesAreDistinct(List<LegacyBatchAccount> accounts, string sourceName)
        {
            var byName = new Dictionary<string, LegacyBatchAccount>(StringComparer.Ordinal);
            foreach (var account in accounts)
            {
                if (!byName.TryGetValue(account.Name, out var first))
                {
                    byName.Add(account.Name, account);
                    continue;
                }
                if (!string.Equals(first.Endpoint.Authority, account.Endpoint.Authority, StringComparison.OrdinalIgnoreCase))
                {
                    throw LegacyConfigurationException.ForEntry(new LegacySource(sourceName, account.Entry), Keys.BatchAccountUrl,
                        $"entry {first.Entry} names the account '{account.Name}' too, at a different URL; pools name their account, so each name needs one URL");
                }
            }
        }
    }
}
