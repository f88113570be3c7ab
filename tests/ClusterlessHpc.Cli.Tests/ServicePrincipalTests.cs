using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// <c>--credentials</c> signs in as each entry's service principal (_AD_TENANT, _AD_BATCH_CLIENT_ID, _AD_SECRET_BATCH), as
/// AzureClusterlessHPC.jl did: against an emulator on loopback HTTPS that accepts bearer tokens, with a stand-in for
/// Microsoft Entra ID at the authority host AZURE_AUTHORITY_HOST names, which records each token request.
/// </summary>
public sealed class ServicePrincipalTests : IAsyncLifetime
{
    private const string SecretOne = "secret-one-never-printed";
    private const string SecretTwo = "secret-two-never-printed";

    private readonly TestCertificate _certificate = new();
    private BatchEmulator _batch = null!;
    private FakeTokenEndpoint _entra = null!;

    public async ValueTask InitializeAsync()
    {
        _batch = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Certificate = _certificate.Certificate, AcceptBearerTokens = true });
        _entra = await FakeTokenEndpoint.StartAsync(_certificate.Certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _batch.DisposeAsync();
        await _entra.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task A_credentials_entry_signs_in_as_its_service_principal_for_the_batch_scope()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("principal");
        var credentials = files.Write("credentials.json", Entry("spbatch", "tenant-one", "client-one", SecretOne));

        var plan = await Chpc(files).RunAsync("plan", "--parameters", Pools(files, id, 1), "--credentials", credentials);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{id}_1: create\n", plan.Stdout);
        Assert.Contains($"Batch account: spbatch at {_batch.Endpoint} (service principal client-one of tenant tenant-one, from ClusterlessHpc:Batch:Accounts:spbatch)", plan.Stderr);
        var request = Assert.Single(_entra.Requests);
        Assert.Equal(new TokenRequest("tenant-one", "client-one", "https://batch.core.windows.net//.default", "client_credentials"), request);
        Assert.Equal(BatchClient.TokenScope, request.Scope);
        Assert.DoesNotContain(SecretOne, plan.Stdout + plan.Stderr);
    }

    [Fact]
    public async Task Several_accounts_get_one_credential_per_service_principal()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("principals");
        var credentials = files.Write("credentials.json", "[" + string.Join(",",
            Entry("spalpha", "tenant-one", "client-one", SecretOne),
            Entry("spbeta", "tenant-one", "client-one", SecretOne),
            Entry("spgamma", "tenant-two", "client-two", SecretTwo)) + "]");

        var plan = await Chpc(files).RunAsync("plan", "--parameters", Pools(files, id, 3), "--credentials", credentials);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{id}_1: create\n{id}_2: create\n{id}_3: create\n", plan.Stdout);
        Assert.Contains($"spalpha at {_batch.Endpoint} (service principal client-one of tenant tenant-one, from ClusterlessHpc:Batch:Accounts:spalpha) (pools {id}_1)", plan.Stderr);
        Assert.Contains($"spbeta at {_batch.Endpoint} (service principal client-one of tenant tenant-one, from ClusterlessHpc:Batch:Accounts:spbeta) (pools {id}_2)", plan.Stderr);
        Assert.Contains($"spgamma at {_batch.Endpoint} (service principal client-two of tenant tenant-two, from ClusterlessHpc:Batch:Accounts:spgamma) (pools {id}_3)", plan.Stderr);
        // Two principals, two sign-ins: the accounts that share one share its token.
        Assert.Equal(
            [("tenant-one", "client-one"), ("tenant-two", "client-two")],
            _entra.Requests.Select(r => (r.Tenant, r.ClientId)).OrderBy(r => r.Tenant, StringComparer.Ordinal));
        Assert.All(_entra.Requests, r => Assert.Equal(BatchClient.TokenScope, r.Scope));
        Assert.DoesNotContain(SecretOne, plan.Stdout + plan.Stderr);
        Assert.DoesNotContain(SecretTwo, plan.Stdout + plan.Stderr);
    }

    [Fact]
    public async Task A_secret_the_sign_in_refuses_is_one_error_naming_the_credential_not_the_secret()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("refused");
        var credentials = files.Write("credentials.json", Entry("sprefused", "tenant-one", "client-one", SecretOne));
        _entra.RefuseClients = true;

        var plan = await Chpc(files).RunAsync("plan", "--parameters", Pools(files, id, 1), "--credentials", credentials);

        Assert.True(plan.ExitCode == 2, plan.ToString());
        var error = plan.Stderr.Split('\n').Single(l => l.StartsWith("error", StringComparison.Ordinal));
        Assert.StartsWith("error: cannot sign in to Batch: ClientSecretCredential authentication failed", error);
        Assert.Contains("AADSTS7000215", error);
        Assert.DoesNotContain(SecretOne, plan.Stdout + plan.Stderr);
    }

    private CliEnvironment Chpc(TempFiles files) => new()
    {
        WorkingDirectory = files.Folder,
        Variables = new Dictionary<string, string> { ["AZURE_AUTHORITY_HOST"] = _entra.AuthorityHost.ToString() },
        Transport = _certificate.Transport(),
    };

    private string Entry(string account, string tenant, string client, string secret) => $$"""
        { "_BATCH_ACCOUNT_URL": "{{_batch.Endpoint}}", "_BATCH_ACCOUNT_NAME": "{{account}}",
          "_AD_TENANT": "{{tenant}}", "_AD_BATCH_CLIENT_ID": "{{client}}", "_AD_SECRET_BATCH": "{{secret}}" }
        """;

    private static string Pools(TempFiles files, string id, int count) =>
        files.Write(id + ".json", $$"""{ "_POOL_ID": "{{id}}", "_POOL_COUNT": "{{count}}", "_POOL_NODE_COUNT": "1" }""");
}
