using ClusterlessHpc.Legacy;
using static ClusterlessHpc.Tests.Legacy.LegacySamples;

namespace ClusterlessHpc.Tests.Legacy;

/// <summary>No secret of credentials.json ever appears in a string the import produces, on any path.</summary>
public class LegacySecretTests
{
    [Fact]
    public void Secrets_are_kept_and_redacted_in_every_string_form()
    {
        var credentials = LegacyCredentials.Parse(Credentials(2));
        var account = credentials.Accounts[0];
        var result = LegacyImport.CreatePools(LegacyParameters.Parse(FullParameters), credentials);

        Assert.Equal(ClientSecretCanary, account.ClientSecret.Reveal());
        Assert.Equal(LegacySecret.Redacted, account.ClientSecret.ToString());
        Assert.Equal(LegacySecret.Redacted, $"{account.StorageAccountKey}");
        Assert.Equal(LegacySecret.Redacted, $"{account.AppInsightsInstrumentationKey}");

        var forms = new List<string?> { account.ToString(), credentials.ToString(), result.ToString() };
        forms.AddRange(result.Pools.Select(p => p.ToString()));
        forms.AddRange(result.Definitions.Select(d => d.ToString()));
        forms.AddRange(result.Warnings.Select(w => w.ToString()));
        forms.AddRange(result.Diagnostics.Select(d => d.ToString()));
        forms.AddRange(result.ToConfiguration().SelectMany(pair => new[] { pair.Key, pair.Value }));
        forms.AddRange(typeof(LegacyBatchAccount).GetProperties()
            .Where(p => p.PropertyType != typeof(LegacySecret))
            .Select(p => Convert.ToString(p.GetValue(account), System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains(account.ToString(), forms);
        Assert.All(forms, AssertNoSecret);
    }

    public static TheoryData<string, string?> BrokenCredentials => new()
    {
        { Entry().Replace("\"_AD_TENANT\"", "\"_NOT_TENANT\""), LegacyCredentialKeys.TenantId },
        { Entry().Replace("\"_AD_BATCH_CLIENT_ID\"", "\"_NOT_CLIENT\""), LegacyCredentialKeys.ClientId },
        { Entry().Replace("\"_AD_SECRET_BATCH\"", "\"_NOT_SECRET\""), LegacyCredentialKeys.ClientSecret },
        { Entry().Replace("\"_STORAGE_ACCOUNT_NAME\"", "\"_NOT_STORAGE\""), LegacyCredentialKeys.StorageAccountName },
        { Entry().Replace("https://redwoodbatch", "http://redwoodbatch"), LegacyCredentialKeys.BatchAccountUrl },
        { Entry().Replace("https://redwoodbatch.westeurope.batch.azure.com", ClientSecretCanary), LegacyCredentialKeys.BatchAccountUrl },
        { Entry().Replace("https://redwoodbatch.westeurope.batch.azure.com", "https://redwoodbatch.westeurope.batch.azure.com/?" + StorageKeyCanary), LegacyCredentialKeys.BatchAccountUrl },
        { Entry().Replace("\"_BATCH_RESOURCE\"", $"\"_BATCH_ACCOUNT_NAME\": \"{ClientSecretCanary}\", \"_BATCH_RESOURCE\""), LegacyCredentialKeys.BatchAccountName },
        { Entry().Replace($"\"{ClientSecretCanary}\"", ClientSecretCanary), LegacyCredentialKeys.ClientSecret },
        { Entry().Replace($"\"{StorageKeyCanary}\"", $"\"{StorageKeyCanary}"), LegacyCredentialKeys.StorageAccountKey },
        { Entry().Replace($"\"{InstrumentationKeyCanary}\"", $"[\"{InstrumentationKeyCanary}\"]"), LegacyCredentialKeys.AppInsightsInstrumentationKey },
        { Entry().Replace($"\"{ClientSecretCanary}\"", $"\"{ClientSecretCanary}\\q\""), LegacyCredentialKeys.ClientSecret },
        { $"[{Entry(region: "westeurope")}, {Entry(region: "eastus")}]", LegacyCredentialKeys.BatchAccountUrl },
        { $"[{Entry()}, 17]", null },
    };

    [Theory]
    [MemberData(nameof(BrokenCredentials))]
    public void Every_error_names_the_key_and_the_file_and_never_a_secret(string json, string? key)
    {
        var error = Assert.Throws<LegacyConfigurationException>(() => LegacyCredentials.Parse(json, "credentials.json"));

        Assert.Equal(key, error.Key);
        Assert.StartsWith("credentials.json", error.Message);
        if (key is not null) Assert.Contains(key, error.Message);
        AssertNoSecret(error.Message);
        AssertNoSecret(error.Reason);
        AssertNoSecret(error.ToString());
    }

    [Fact]
    public void Errors_of_a_credentials_file_on_disk_never_show_a_secret()
    {
        var path = WriteFile("credentials.json", Entry().Replace($"\"{ClientSecretCanary}\"", ClientSecretCanary));

        var error = Assert.Throws<LegacyConfigurationException>(() => LegacyImport.Load(WriteFile("parameters.json", "{}"), path));

        Assert.Equal(path, error.SourceName);
        AssertNoSecret(error.ToString());
    }

    [Fact]
    public void Warnings_never_show_a_secret_even_when_keys_and_values_are_swapped()
    {
        var swapped = $"\"{ClientSecretCanary}\": \"_AD_SECRET_BATCH\"";
        var json = Entry().Replace("\"_BATCH_RESOURCE\"", $"{swapped}, \"_X_KEY\": \"{StorageKeyCanary}\", {swapped}, \"_BATCH_RESOURCE\"");
        json = json.Replace("\"_AD_TENANT\"", "\"_AD_TENANT\": \"t\", \"_AD_TENANT\"");

        var credentials = LegacyCredentials.Parse(json);

        Assert.Equal([LegacyCredentialKeys.TenantId, null, null, "_X_KEY"], credentials.Warnings.Select(w => w.Key));
        Assert.All(credentials.Warnings, w => AssertNoSecret(w.ToString()));
    }

    private static void AssertNoSecret(string? text)
    {
        // Case-insensitive: an account name is lower-cased before it is shown.
        foreach (var canary in Canaries) Assert.DoesNotContain(canary, text ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
