using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterlessHpc.Tests.Hosting;

/// <summary>How an application's accounts sign in: refusals come before any request, and say which setting to give.</summary>
public class BatchCredentialsTests
{
    private const string Secret = "client-secret-canary";

    [Fact]
    public async Task An_http_endpoint_without_a_key_is_refused_naming_the_key_setting()
    {
        var options = new ClusterlessHpcOptions
        {
            Batch = { Accounts = { ["second"] = new BatchAccountOptions { Endpoint = new Uri("http://127.0.0.1:10100/"), AccountName = "devbatch" } } },
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BatchClientFactory(Options.Create(options)).GetClientAsync("second"));

        Assert.Equal(
            "http://127.0.0.1:10100/ is plain http, and without an account key the client signs in with a bearer token, which is sent over https only: " +
            "set ClusterlessHpc:Batch:Accounts:second:AccountKey, or use the account's https endpoint.",
            error.Message);
    }

    [Fact]
    public async Task A_partial_service_principal_is_refused_naming_what_is_missing_and_never_the_secret()
    {
        var options = new ClusterlessHpcOptions
        {
            Batch = { Endpoint = new Uri("https://myaccount.westeurope.batch.azure.com"), ClientId = "client", ClientSecret = Secret },
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BatchClientFactory(Options.Create(options)).GetClientAsync());

        Assert.StartsWith("ClusterlessHpc:Batch has a partial service principal: ClusterlessHpc:Batch:TenantId is not set.", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public async Task A_whole_service_principal_makes_a_client_and_its_description_shows_no_secret()
    {
        var account = new BatchAccountOptions
        {
            Endpoint = new Uri("https://myaccount.westeurope.batch.azure.com"), AccountName = "myaccount", TenantId = "tenant", ClientId = "client", ClientSecret = Secret,
        };

        var client = await new BatchClientFactory(Options.Create(new ClusterlessHpcOptions { Batch = account })).GetClientAsync();

        Assert.Equal(account.Endpoint, client.Endpoint);
        Assert.Equal("myaccount at https://myaccount.westeurope.batch.azure.com/ (service principal client of tenant tenant)", account.ToString());
    }
}
