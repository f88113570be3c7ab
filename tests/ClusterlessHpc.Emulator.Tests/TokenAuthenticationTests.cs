using Azure;
using Azure.Core;
using Azure.Identity;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Microsoft Entra ID authentication end to end: Azure.Core sends bearer tokens over HTTPS only, so the emulator
    /// serves HTTPS on loopback with a certificate the test creates and trusts, and the credential signs in at a local
    /// stand-in for Entra ID, which records the scope asked for.
    /// </summary>
    public sealed class TokenAuthenticationTests : IAsyncLifetime
    {
        private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

        private readonly TestCertificate _certificate = new();
        private BatchEmulator _emulator = null!;
        private FakeTokenEndpoint _entra = null!;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        public async ValueTask InitializeAsync()
        {
            _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Certificate = _certificate.Certificate, AcceptBearerTokens = true });
            _entra = await FakeTokenEndpoint.StartAsync(_certificate.Certificate);
        }

        public async ValueTask DisposeAsync()
        {
            await _emulator.DisposeAsync();
            await _entra.DisposeAsync();
            _certificate.Dispose();
        }

        [Fact]
        public async Task A_client_secret_credential_gets_a_token_for_the_batch_scope_and_the_emulator_accepts_it()
        {
            var credential = new ClientSecretCredential(TenantId, "client-id", "client-secret", new ClientSecretCredentialOptions
            {
                AuthorityHost = _entra.AuthorityHost,
                DisableInstanceDiscovery = true,
                Transport = _certificate.Transport(),
            });
            var client = new BatchClient(_emulator.Endpoint, credential, new BatchClientOptions { Transport = _certificate.Transport() });

            await client.CreatePoolAsync(TestPools.Create(TestPools.UniqueId("entra")), Cancel);
            var exists = await client.PoolExistsAsync("entra-missing", cancellationToken: Cancel);

            Assert.Equal("https", _emulator.Endpoint.Scheme);
            Assert.False(exists.Value);
            Assert.Equal(BatchClient.TokenScope, _entra.Scopes.First());
            Assert.Equal("https://batch.core.windows.net//.default", BatchClient.TokenScope);
        }

        [Fact]
        public async Task DefaultAzureCredential_signs_in_from_the_environment_and_works()
        {
            var saved = new[] { "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
            try
            {
                Environment.SetEnvironmentVariable("AZURE_TENANT_ID", TenantId);
                Environment.SetEnvironmentVariable("AZURE_CLIENT_ID", "client-id");
                Environment.SetEnvironmentVariable("AZURE_CLIENT_SECRET", "client-secret");
                var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    AuthorityHost = _entra.AuthorityHost,
                    DisableInstanceDiscovery = true,
                    Transport = _certificate.Transport(),
                    ExcludeManagedIdentityCredential = true,
                    ExcludeWorkloadIdentityCredential = true,
                });
                var client = new BatchClient(_emulator.Endpoint, credential, new BatchClientOptions { Transport = _certificate.Transport() });

                var images = new List<string>();
                await foreach (var image in client.GetSupportedImagesAsync(cancellationToken: Cancel)) images.Add(image.NodeAgentSkuId);

                Assert.NotEmpty(images);
                Assert.Contains(BatchClient.TokenScope, _entra.Scopes);
            }
            finally
            {
                foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
            }
        }

        [Fact]
        public async Task A_token_for_another_audience_is_refused_and_the_error_never_shows_it()
        {
            var token = FakeTokenEndpoint.Jwt("https://storage.azure.com/", DateTimeOffset.UtcNow.AddHours(1));
            var client = new BatchClient(_emulator.Endpoint, new StaticToken(token), new BatchClientOptions { Transport = _certificate.Transport() });

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("p", Cancel));

            Assert.Equal((403, "AuthenticationFailed"), (error.Status, error.ErrorCode));
            Assert.DoesNotContain(token, error.GetRawResponse()!.Content.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[1], error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_expired_token_is_refused()
        {
            var token = FakeTokenEndpoint.Jwt("https://batch.core.windows.net/", DateTimeOffset.UtcNow.AddMinutes(-1));
            var client = new BatchClient(_emulator.Endpoint, new StaticToken(token), new BatchClientOptions { Transport = _certificate.Transport() });

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("p", Cancel));

            Assert.Equal("AuthenticationFailed", error.ErrorCode);
            Assert.Contains("expired", (string)error.Data["AuthenticationErrorDetail"]!, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Shared_Key_still_works_over_https()
        {
            var client = new BatchClient(_emulator.Endpoint, _emulator.Credential, new BatchClientOptions { Transport = _certificate.Transport() });

            Assert.False((await client.PoolExistsAsync("shared-key", cancellationToken: Cancel)).Value);
        }

        [Fact]
        public async Task Azure_Core_will_not_send_a_bearer_token_over_plain_http()
        {
            await using var plain = await BatchEmulator.StartAsync(new BatchEmulatorOptions { AcceptBearerTokens = true });
            var client = new BatchClient(plain.Endpoint, new StaticToken("token"));

            await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetPoolAsync("p", Cancel));
        }

        private sealed class StaticToken(string token) : TokenCredential
        {
            public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                new(token, DateTimeOffset.UtcNow.AddHours(1));

            public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                new(GetToken(requestContext, cancellationToken));
        }
    }
}
