using Azure.Core;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning.Delivery;
using Microsoft.Extensions.Configuration;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>Which delivery the configuration makes, and the errors of configurations that cannot work: none shows a secret.</summary>
public sealed class ScriptDeliveryFactoryTests
{
    private const string CanaryKey = "Q0FOQVJZLWtleS1jYW5hcnk=";
    private const string CanarySignature = "CANARYsig0123";
    private const string Identity = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/reader";
    private static readonly Uri Service = new("https://canaryaccount.blob.core.windows.net");

    [Fact]
    public void Each_delivery_setting_makes_its_delivery()
    {
        var withKey = new StorageOptions { ServiceUri = Service, AccountKey = CanaryKey };

        Assert.Same(InlineDelivery.Instance, ScriptDeliveryFactory.Create(new ClusterlessHpcOptions { Delivery = ScriptDelivery.Inline, Storage = withKey }));
        Assert.IsType<BlobDelivery>(ScriptDeliveryFactory.Create(new ClusterlessHpcOptions { Delivery = ScriptDelivery.Blob, Storage = withKey }));
        Assert.NotNull(Assert.IsType<AutoDelivery>(ScriptDeliveryFactory.Create(new ClusterlessHpcOptions { Storage = withKey })).Blob);
        Assert.Null(Assert.IsType<AutoDelivery>(ScriptDeliveryFactory.Create(new ClusterlessHpcOptions())).Blob);
    }

    [Fact]
    public void The_documented_configuration_keys_bind()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClusterlessHpc:Delivery"] = "Blob",
            ["ClusterlessHpc:Storage:ServiceUri"] = Service.ToString(),
            ["ClusterlessHpc:Storage:AccountKey"] = CanaryKey,
            ["ClusterlessHpc:Storage:Container"] = "scripts",
            ["ClusterlessHpc:Storage:IdentityResourceId"] = Identity,
            ["ClusterlessHpc:Storage:AccessPolicy:Name"] = "nodes-2025",
            ["ClusterlessHpc:Storage:AccessPolicy:Lifetime"] = "180.00:00:00",
            ["ClusterlessHpc:Storage:AccessPolicy:RenewBefore"] = "30.00:00:00",
        }).Build();

        var options = configuration.GetSection(ClusterlessHpcOptions.SectionName).Get<ClusterlessHpcOptions>()!;
        var delivery = Assert.IsType<BlobDelivery>(ScriptDeliveryFactory.Create(options));

        Assert.Equal((ScriptDelivery.Blob, Service, CanaryKey, "scripts", Identity), (options.Delivery, options.Storage.ServiceUri, options.Storage.AccountKey, options.Storage.Container, options.Storage.IdentityResourceId));
        Assert.Equal(("nodes-2025", TimeSpan.FromDays(180), TimeSpan.FromDays(30)), (options.Storage.AccessPolicy.Name, options.Storage.AccessPolicy.Lifetime, options.Storage.AccessPolicy.RenewBefore));
        Assert.Equal(AccessPolicyOptions.DefaultName, new ClusterlessHpcOptions().Storage.AccessPolicy.Name);
        Assert.True(delivery.UsesIdentity);
        Assert.Equal("scripts", delivery.ContainerName);
    }

    [Fact]
    public void Blob_without_storage_is_an_error_naming_the_settings()
    {
        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.Create(new ClusterlessHpcOptions { Delivery = ScriptDelivery.Blob }));

        Assert.Equal("ClusterlessHpc:Delivery is Blob, but no blob storage is configured: set " + ScriptDeliveryFactory.StorageSettings + ".", error.Message);
    }

    [Fact]
    public void A_token_credential_alone_cannot_sign_a_sas_so_it_needs_the_identity_path()
    {
        var storage = new StorageOptions { ServiceUri = Service };

        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(storage, new CanaryCredential()));
        storage.IdentityResourceId = Identity;
        var delivery = ScriptDeliveryFactory.CreateBlob(storage, new CanaryCredential())!;

        Assert.Contains("token credential", error.Message);
        Assert.Contains("ClusterlessHpc:Storage:AccountKey", error.Message);
        Assert.Contains("ClusterlessHpc:Storage:IdentityResourceId", error.Message);
        Assert.True(delivery.UsesIdentity);
        Assert.Equal($"blob delivery to https://canaryaccount.blob.core.windows.net/clusterlesshpc/clusterlesshpc/scripts/ read with identity {Identity}", delivery.ToString());
    }

    [Fact]
    public void A_connection_string_with_a_sas_instead_of_a_key_needs_the_identity_path_and_never_shows_the_sas()
    {
        var storage = new StorageOptions { ConnectionString = $"BlobEndpoint=https://canaryaccount.blob.core.windows.net/;SharedAccessSignature=sv=2024-08-04&sp=rwl&sig={CanarySignature}" };

        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(storage));

        Assert.Contains("needs the storage account key", error.Message);
        AssertNoCanary(error.ToString());
    }

    [Fact]
    public void Connection_string_and_service_uri_together_are_an_error_as_is_a_key_without_a_service_uri()
    {
        var both = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=canaryaccount;AccountKey={CanaryKey};EndpointSuffix=core.windows.net",
            ServiceUri = Service,
        }));
        var keyOnly = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(new StorageOptions { AccountKey = CanaryKey }));

        Assert.Contains("not both", both.Message);
        Assert.Equal("ClusterlessHpc:Storage:AccountKey is set without ClusterlessHpc:Storage:ServiceUri.", keyOnly.Message);
        AssertNoCanary(both.ToString() + keyOnly);
    }

    [Theory]
    [InlineData("AccountKey=" + CanaryKey)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=canaryaccount;AccountKey=" + CanaryKey + ";garbage")]
    [InlineData("not a connection string " + CanaryKey)]
    public void An_invalid_connection_string_is_an_error_that_does_not_quote_it(string connectionString)
    {
        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(new StorageOptions { ConnectionString = connectionString }));

        Assert.Equal("ClusterlessHpc:Storage:ConnectionString is not a valid storage connection string.", error.Message);
        Assert.Null(error.InnerException);
        AssertNoCanary(error.ToString());
    }

    [Fact]
    public void An_account_key_that_is_not_base64_is_an_error_that_does_not_quote_it()
    {
        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(new StorageOptions { ServiceUri = Service, AccountKey = "CANARY not base64!" }));

        Assert.Equal("ClusterlessHpc:Storage:AccountKey is not a base64 storage account key.", error.Message);
        Assert.DoesNotContain("CANARY", error.ToString());
    }

    [Fact]
    public void A_service_uri_with_a_sas_is_refused_without_quoting_it()
    {
        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(new StorageOptions
        {
            ServiceUri = new Uri(Service, $"?sv=2024-08-04&sig={CanarySignature}"),
            AccountKey = CanaryKey,
        }));

        Assert.Contains("without a query (no SAS)", error.Message);
        AssertNoCanary(error.ToString());
    }

    [Theory]
    [InlineData("UpperCase")]
    [InlineData("ab")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    public void An_invalid_container_name_is_an_error(string container)
    {
        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(new StorageOptions { ServiceUri = Service, AccountKey = CanaryKey, Container = container }));

        Assert.StartsWith($"ClusterlessHpc:Storage:Container '{container}' is not a valid container name", error.Message);
    }

    [Fact]
    public void A_renewal_margin_not_shorter_than_the_lifetime_is_an_error()
    {
        var storage = new StorageOptions
        {
            ServiceUri = Service,
            AccountKey = CanaryKey,
            AccessPolicy = new AccessPolicyOptions { Lifetime = TimeSpan.FromDays(30), RenewBefore = TimeSpan.FromDays(30) },
        };

        var error = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.CreateBlob(storage));

        Assert.Contains("RenewBefore must be positive and shorter than ClusterlessHpc:Storage:AccessPolicy:Lifetime", error.Message);
    }

    [Fact]
    public void The_options_describe_themselves_without_key_or_connection_string()
    {
        var withKey = new StorageOptions { ServiceUri = new Uri(Service, $"?sig={CanarySignature}"), AccountKey = CanaryKey, Container = "scripts" };
        var withConnectionString = new StorageOptions { ConnectionString = $"AccountName=canaryaccount;AccountKey={CanaryKey}" };
        var delivery = ScriptDeliveryFactory.CreateBlob(new StorageOptions { ServiceUri = Service, AccountKey = CanaryKey })!;

        Assert.Equal("https://canaryaccount.blob.core.windows.net/, container 'scripts'", withKey.ToString());
        Assert.Equal("(connection string), container 'clusterlesshpc'", withConnectionString.ToString());
        Assert.Equal("blob delivery to https://canaryaccount.blob.core.windows.net/clusterlesshpc/clusterlesshpc/scripts/ with SAS of stored access policy 'clusterlesshpc-read'", delivery.ToString());
        AssertNoCanary(withKey.ToString() + withConnectionString + delivery + new ClusterlessHpcOptions { Storage = withKey });
    }

    private static void AssertNoCanary(string text)
    {
        Assert.DoesNotContain(CanaryKey, text);
        Assert.DoesNotContain(CanarySignature, text);
    }

    /// <summary>A token credential that is never asked for a token here.</summary>
    private sealed class CanaryCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("No token in these tests.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("No token in these tests.");
    }
}
