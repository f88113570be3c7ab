using System;
using System.Collections.Generic;
using System.Text.Json;
using Keys = ClusterlessHpc.Legacy.LegacyCredentialKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>Reads one credentials entry. Messages carry key names and reasons, never the values.</summary>
    internal static class LegacyBatchAccountReader
    {
        public static LegacyBatchAccount Read(JsonElement entry, LegacySource source, List<LegacyWarning> warnings)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw LegacyConfigurationException.ForEntry(source, null,
                    $"the entry is {LegacyJson.Describe(entry.ValueKind)}; each entry must be an object of \"_KEY\": \"value\" pairs");
            }

            var values = ReadStrings(entry, source, warnings);
            var endpoint = ReadEndpoint(Required(values, Keys.BatchAccountUrl, source), source);
            var derivedName = endpoint.HostNameType == UriHostNameType.Dns ? endpoint.Host.Split('.')[0].ToLowerInvariant() : null;
            var derivedRegion = RegionOf(endpoint);

            var name = Optional(values, Keys.BatchAccountName, source)?.ToLowerInvariant();
            if (name is null)
            {
                name = derivedName ?? throw LegacyConfigurationException.ForEntry(source, Keys.BatchAccountName,
                    $"the key is missing and the host of {Keys.BatchAccountUrl} is not a name to take the account name from; set it");
            }
            else if (derivedName is not null && name != derivedName)
            {
                warnings.Add(source.Warning(Keys.BatchAccountName,
                    $"differs from the account in {Keys.BatchAccountUrl}; requests go to the URL, and pools name the account '{name}'"));
            }
            if (!IsBatchAccountName(name))
            {
                throw LegacyConfigurationException.ForEntry(source, name == derivedName ? Keys.BatchAccountUrl : Keys.BatchAccountName,
                    "the account name is not a Batch account name (3 to 24 lower-case letters and digits)");
            }

            // "West Europe" and "westeurope" name one region; the URL uses the second form.
            var region = Optional(values, Keys.Region, source)?.Replace(" ", "").ToLowerInvariant();
            if (region is not null && derivedRegion is not null && region != derivedRegion)
            {
                warnings.Add(source.Warning(Keys.Region, $"differs from the region in {Keys.BatchAccountUrl}; requests go to the URL"));
            }

            var storageName = Optional(values, Keys.StorageAccountName, source);
            var storageKey = Optional(values, Keys.StorageAccountKey, source);
            if ((storageName is null) != (storageKey is null))
            {
                var missing = storageName is null ? Keys.StorageAccountName : Keys.StorageAccountKey;
                var present = storageName is null ? Keys.StorageAccountKey : Keys.StorageAccountName;
                throw LegacyConfigurationException.ForEntry(source, missing, $"the key is missing while {present} is set; give both or neither");
            }

            var instrumentationKey = Optional(values, Keys.AppInsightsInstrumentationKey, source);
            var placeholders = PlaceholderKeys(values, endpoint);
            if (placeholders.Count > 0)
            {
                warnings.Add(source.Warning(null,
                    $"the entry is still the package's credentials template ({string.Join(", ", placeholders)} hold its placeholders), so account '{name}' " +
                    "is not a real account: pools in it are validated offline and it is never contacted; fill in the entry to use it"));
            }
            return new LegacyBatchAccount
            {
                IsPlaceholder = placeholders.Count > 0,
                Entry = source.Entry ?? 1,
                Name = name,
                Endpoint = endpoint,
                Region = region ?? derivedRegion,
                BatchResource = Optional(values, Keys.BatchResource, source) ?? Keys.DefaultBatchResource,
                TenantId = Required(values, Keys.TenantId, source),
                ClientId = Required(values, Keys.ClientId, source),
                ClientSecret = new LegacySecret(Required(values, Keys.ClientSecret, source)),
                StorageAccountName = storageName,
                StorageAccountKey = storageKey is null ? null : new LegacySecret(storageKey),
                AppInsightsAppId = Optional(values, Keys.AppInsightsAppId, source),
                AppInsightsInstrumentationKey = instrumentationKey is null ? null : new LegacySecret(instrumentationKey),
            };
        }

        // The template's values: x's standing for ids and secrets, and "batchaccountname.batchregion" in the URL.
        private static List<string> PlaceholderKeys(Dictionary<string, string> values, Uri endpoint)
        {
            var keys = new List<string>();
            var labels = endpoint.Host.Split('.');
            if (labels[0].Equals("batchaccountname", StringComparison.OrdinalIgnoreCase) ||
                labels.Length > 1 && labels[1].Equals("batchregion", StringComparison.OrdinalIgnoreCase))
            {
                keys.Add(Keys.BatchAccountUrl);
            }
            foreach (var key in new[] { Keys.TenantId, Keys.ClientId, Keys.ClientSecret, Keys.StorageAccountKey })
            {
                if (values.TryGetValue(key, out var value) && IsMask(value)) keys.Add(key);
            }
            return keys;
        }

        private static bool IsMask(string value)
        {
            var xs = 0;
            foreach (var c in value)
            {
                if (c is 'x' or 'X') xs++;
                else if (c != '-') return false;
            }
            return xs >= 4;
        }

        private static Dictionary<string, string> ReadStrings(JsonElement entry, LegacySource source, List<LegacyWarning> warnings)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in LegacyJson.Properties(entry, source, warnings))
            {
                var key = property.Key;
                if (!Keys.IsKnown(key))
                {
                    if (!LegacyJson.LooksLikeKeyName(key))
                    {
                        warnings.Add(source.Warning(null, "a key that is not a credentials key is ignored (its name is not shown: it may be a value)"));
                    }
                    else if (LegacyParameterKeys.IsKnown(key))
                    {
                        warnings.Add(source.Warning(key, $"is a parameters key, ignored here; put it in {LegacyParameters.DefaultFileName}"));
                    }
                    else
                    {
                        warnings.Add(source.Warning(key, "unknown key, ignored"));
                    }
                    continue;
                }
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw LegacyConfigurationException.ForEntry(source, key,
                        $"the value is {DescribeKind(property.Value.ValueKind)}; every credential is a JSON string");
                }
                values[key] = property.Value.GetString()!.Trim();
            }
            return values;
        }

        // true/false/null name the value itself; for credentials only the kind is said.
        private static string DescribeKind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => LegacyJson.Describe(kind),
        };

        private static string Required(Dictionary<string, string> values, string key, LegacySource source)
        {
            if (!values.TryGetValue(key, out var value))
            {
                throw LegacyConfigurationException.ForEntry(source, key, "the key is missing; every entry needs it");
            }
            if (value.Length == 0) throw LegacyConfigurationException.ForEntry(source, key, "the value is empty");
            return value;
        }

        private static string? Optional(Dictionary<string, string> values, string key, LegacySource source) =>
            values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        private static Uri ReadEndpoint(string text, LegacySource source)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
            {
                throw LegacyConfigurationException.ForEntry(source, Keys.BatchAccountUrl,
                    "the value is not an absolute URL; write https://<account>.<region>.batch.azure.com");
            }
            if (uri.Scheme != Uri.UriSchemeHttps)
            {
                throw LegacyConfigurationException.ForEntry(source, Keys.BatchAccountUrl,
                    $"the URL uses the '{SafeScheme(uri.Scheme)}' scheme; the Batch account URL must be https (https://<account>.<region>.batch.azure.com)");
            }
            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
            {
                throw LegacyConfigurationException.ForEntry(source, Keys.BatchAccountUrl,
                    "the URL must be the account's address alone, without user, path, query or fragment");
            }
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        private static string SafeScheme(string scheme) => scheme.Length <= 10 ? scheme : scheme.Substring(0, 10);

        // https://<account>.<region>.batch.azure.com (and the sovereign clouds' batch.* hosts).
        private static string? RegionOf(Uri endpoint)
        {
            if (endpoint.HostNameType != UriHostNameType.Dns) return null;
            var labels = endpoint.Host.Split('.');
            return labels.Length >= 4 && labels[2].Equals("batch", StringComparison.OrdinalIgnoreCase) ? labels[1].ToLowerInvariant() : null;
        }

        private static bool IsBatchAccountName(string name)
        {
            if (name.Length is < 3 or > 24) return false;
            foreach (var c in name)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9')) return false;
            }
            return true;
        }
    }
}
