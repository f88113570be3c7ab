using ClusterlessHpc.Legacy;
using static ClusterlessHpc.Tests.Legacy.LegacySamples;

namespace ClusterlessHpc.Tests.Legacy;

public class LegacyCredentialsTests
{
    [Fact]
    public void One_object_is_one_account()
    {
        var credentials = LegacyCredentials.Parse(Entry());

        var account = Assert.Single(credentials.Accounts);
        Assert.Equal(1, account.Entry);
        Assert.Equal("redwoodbatch", account.Name);
        Assert.Equal(new Uri("https://redwoodbatch.westeurope.batch.azure.com/"), account.Endpoint);
        Assert.Equal("westeurope", account.Region);
        Assert.Equal("https://batch.core.windows.net/", account.BatchResource);
        Assert.Equal("11111111-2222-3333-4444-555555555555", account.TenantId);
        Assert.Equal("66666666-7777-8888-9999-000000000000", account.ClientId);
        Assert.Equal(ClientSecretCanary, account.ClientSecret.Reveal());
        Assert.Equal("redwoodstorage", account.StorageAccountName);
        Assert.Equal(StorageKeyCanary, account.StorageAccountKey!.Reveal());
        Assert.Equal("app-id-123", account.AppInsightsAppId);
        Assert.Equal(InstrumentationKeyCanary, account.AppInsightsInstrumentationKey!.Reveal());
        Assert.Empty(credentials.Warnings);
    }

    [Fact]
    public void An_array_is_one_account_per_entry_in_order()
    {
        var credentials = LegacyCredentials.Parse(Credentials(3));

        Assert.Equal(["account1", "account2", "account3"], credentials.Accounts.Select(a => a.Name));
        Assert.Equal([1, 2, 3], credentials.Accounts.Select(a => a.Entry));
    }

    [Fact]
    public void The_account_name_may_be_given_and_the_batch_resource_and_storage_are_optional()
    {
        var credentials = LegacyCredentials.Parse("""
            {
                "_AD_TENANT": "t", "_AD_BATCH_CLIENT_ID": "c", "_AD_SECRET_BATCH": "s",
                "_BATCH_ACCOUNT_URL": "https://MyBatch.eastus.batch.azure.com/",
                "_BATCH_ACCOUNT_NAME": "MyBatch", "_REGION": "East US"
            }
            """);

        var account = Assert.Single(credentials.Accounts);
        Assert.Equal("mybatch", account.Name);
        Assert.Equal("eastus", account.Region);
        Assert.Equal(LegacyCredentialKeys.DefaultBatchResource, account.BatchResource);
        Assert.Null(account.StorageAccountName);
        Assert.Null(account.StorageAccountKey);
        Assert.Empty(credentials.Warnings);
    }

    [Fact]
    public void An_account_name_or_region_that_contradicts_the_url_is_a_warning()
    {
        var credentials = LegacyCredentials.Parse(Entry().Replace(
            "\"_BATCH_RESOURCE\"", "\"_BATCH_ACCOUNT_NAME\": \"otherbatch\", \"_REGION\": \"northeurope\", \"_BATCH_RESOURCE\""));

        Assert.Equal("otherbatch", credentials.Accounts[0].Name);
        Assert.Equal(
            [LegacyCredentialKeys.BatchAccountName, LegacyCredentialKeys.Region],
            credentials.Warnings.Select(w => w.Key));
        Assert.All(credentials.Warnings, w => Assert.Equal(1, w.Entry));
    }

    [Fact]
    public void The_same_account_listed_twice_is_one_account_name()
    {
        // The package wrote one entry per storage account for a single Batch account.
        var credentials = LegacyCredentials.Parse($"[{Entry(storage: "storea")},{Entry(storage: "storeb")}]");

        Assert.Equal(["redwoodbatch", "redwoodbatch"], credentials.Accounts.Select(a => a.Name));
    }

    [Fact]
    public void Unknown_keys_and_parameter_keys_are_warnings()
    {
        var credentials = LegacyCredentials.Parse(Entry().Replace("\"_BATCH_RESOURCE\"", "\"_SUBSCRIPTION\": \"x\", \"_POOL_ID\": \"p\", \"_BATCH_RESOURCE\""));

        Assert.Equal(["_SUBSCRIPTION", "_POOL_ID"], credentials.Warnings.Select(w => w.Key));
        Assert.Contains("parameters.json", credentials.Warnings[1].Message);
        Assert.StartsWith("credentials.json, entry 1: warning: _SUBSCRIPTION:", credentials.Warnings[0].ToString());
    }

    [Theory]
    [InlineData(LegacyCredentialKeys.TenantId)]
    [InlineData(LegacyCredentialKeys.ClientId)]
    [InlineData(LegacyCredentialKeys.ClientSecret)]
    [InlineData(LegacyCredentialKeys.BatchAccountUrl)]
    public void A_missing_required_key_is_an_error_naming_the_key_the_entry_and_the_file(string key)
    {
        var json = Credentials(2).Replace($"\"{key}\"", "\"_REMOVED\"");
        var second = json.LastIndexOf("_REMOVED", StringComparison.Ordinal);
        json = json[..second] + key + json[(second + "_REMOVED".Length)..];

        var error = Throws(() => LegacyCredentials.Parse(json, "creds.json"), key, "creds.json");

        Assert.Equal(1, error.Entry);
        Assert.StartsWith($"creds.json, entry 1: {key}: the key is missing", error.Message);
    }

    [Fact]
    public void An_empty_required_value_is_an_error()
    {
        var error = Throws(() => LegacyCredentials.Parse(Entry().Replace("11111111-2222-3333-4444-555555555555", " ")),
            LegacyCredentialKeys.TenantId, "credentials.json");

        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData("http://redwoodbatch.westeurope.batch.azure.com", "'http' scheme")]
    [InlineData("redwoodbatch.westeurope.batch.azure.com", "not an absolute URL")]
    [InlineData("https://redwoodbatch.westeurope.batch.azure.com/pools?sig=abc", "without user, path, query")]
    [InlineData("https://x.westeurope.batch.azure.com", "not a Batch account name")]
    public void The_batch_url_must_be_an_https_account_url(string url, string why)
    {
        var error = Throws(() => LegacyCredentials.Parse(Entry().Replace("https://redwoodbatch.westeurope.batch.azure.com", url)),
            LegacyCredentialKeys.BatchAccountUrl, "credentials.json");

        Assert.Contains(why, error.Message);
        Assert.DoesNotContain("sig=abc", error.Message);
    }

    [Theory]
    [InlineData(LegacyCredentialKeys.StorageAccountName, LegacyCredentialKeys.StorageAccountKey)]
    [InlineData(LegacyCredentialKeys.StorageAccountKey, LegacyCredentialKeys.StorageAccountName)]
    public void A_storage_account_needs_both_its_name_and_its_key(string removed, string kept)
    {
        var error = Throws(() => LegacyCredentials.Parse(Entry().Replace($"\"{removed}\"", "\"_UNUSED_KEY\"")), removed, "credentials.json");

        Assert.Contains(kept, error.Message);
    }

    [Theory]
    [InlineData(LegacyCredentialKeys.TenantId, "42", "a number")]
    [InlineData(LegacyCredentialKeys.ClientSecret, "true", "a boolean")]
    [InlineData(LegacyCredentialKeys.BatchAccountUrl, "[\"https://a.b.batch.azure.com\"]", "an array")]
    public void Every_credential_must_be_a_string(string key, string json, string described)
    {
        var entry = $$"""{ "{{key}}": {{json}} }""";

        var error = Throws(() => LegacyCredentials.Parse(entry), key, "credentials.json");

        Assert.Contains(described, error.Message);
    }

    [Theory]
    [InlineData("[]", "empty array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("[1]", "the entry is a number")]
    public void The_file_must_hold_an_object_or_an_array_of_objects(string json, string why)
    {
        var error = Assert.Throws<LegacyConfigurationException>(() => LegacyCredentials.Parse(json));

        Assert.Null(error.Key);
        Assert.StartsWith("credentials.json", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void One_name_at_two_urls_is_an_error()
    {
        var json = $"[{Entry(region: "westeurope")},{Entry(region: "eastus")}]";

        var error = Throws(() => LegacyCredentials.Parse(json), LegacyCredentialKeys.BatchAccountUrl, "credentials.json");

        Assert.Equal(2, error.Entry);
        Assert.Contains("entry 1", error.Reason);
    }

    [Fact]
    public void Load_names_the_file_it_read()
    {
        var path = WriteFile("credentials.json", Credentials(2));

        var credentials = LegacyCredentials.Load(path);

        Assert.Equal(path, credentials.SourceName);
        Assert.Equal(2, credentials.Accounts.Count);
    }

    [Fact]
    public void The_template_with_its_placeholders_is_a_placeholder_account_with_a_warning_naming_the_keys_only()
    {
        var credentials = LegacyCredentials.Parse("""
            {
                "_AD_TENANT": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                "_AD_BATCH_CLIENT_ID": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                "_AD_SECRET_BATCH": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "_BATCH_ACCOUNT_URL": "https://batchaccountname.batchregion.batch.azure.com",
                "_STORAGE_ACCOUNT_NAME": "storageaccountname",
                "_STORAGE_ACCOUNT_KEY": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            }
            """);

        var account = Assert.Single(credentials.Accounts);
        Assert.True(account.IsPlaceholder);
        var warning = Assert.Single(credentials.Warnings);
        Assert.Equal(1, warning.Entry);
        Assert.Contains("_BATCH_ACCOUNT_URL, _AD_TENANT, _AD_BATCH_CLIENT_ID, _AD_SECRET_BATCH, _STORAGE_ACCOUNT_KEY hold its placeholders", warning.Message);
        Assert.Contains("'batchaccountname'", warning.Message);
        Assert.DoesNotContain("xxxx", warning.ToString());

        var import = LegacyImport.CreatePools(LegacyParameters.Defaults, credentials);
        Assert.Equal("batchaccountname", import.Definitions[0].Account);
        Assert.Equal(["ClusterlessHpc:Storage:Container"], import.ToConfiguration().Keys);
    }

    [Theory]
    [InlineData("https://batchaccountname.westeurope.batch.azure.com", "_BATCH_ACCOUNT_URL")]
    [InlineData("https://redwoodbatch.batchregion.batch.azure.com", "_BATCH_ACCOUNT_URL")]
    [InlineData("https://redwoodbatch.westeurope.batch.azure.com", null)]
    public void One_placeholder_left_in_an_entry_makes_it_a_placeholder(string url, string? key)
    {
        var credentials = LegacyCredentials.Parse(Entry().Replace("https://redwoodbatch.westeurope.batch.azure.com", url));

        Assert.Equal(key is not null, credentials.Accounts[0].IsPlaceholder);
        if (key is not null) Assert.Contains(key, Assert.Single(credentials.Warnings).Message);
        else Assert.Empty(credentials.Warnings);
    }
}
