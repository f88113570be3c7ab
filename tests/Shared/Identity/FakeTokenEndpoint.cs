using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Testing
{
    /// <summary>
    /// A stand-in for Microsoft Entra ID on loopback HTTPS: the OpenID configuration and the v2.0 token endpoint of the
    /// client-credentials flow, issuing unsigned JWTs for the scope asked for and recording every token request
    /// (tenant, client id, scope; never the secret).
    /// </summary>
    internal sealed class FakeTokenEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeTokenEndpoint(WebApplication app, Uri authority)
        {
            _app = app;
            AuthorityHost = authority;
        }

        public Uri AuthorityHost { get; }

        public ConcurrentQueue<string> Scopes { get; } = new();

        /// <summary>Every token request: the tenant in its path, and its client_id and scope form fields.</summary>
        public ConcurrentQueue<TokenRequest> Requests { get; } = new();

        /// <summary>Whether it refuses every client, as Entra ID refuses a wrong client secret (401 invalid_client).</summary>
        public bool RefuseClients { get; set; }

        /// <summary>The audience of the tokens it issues; Batch's unless a test wants a wrong one.</summary>
        public string Audience { get; set; } = "https://batch.core.windows.net/";

        public static async Task<FakeTokenEndpoint> StartAsync(X509Certificate2 certificate)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
            var app = builder.Build();
            FakeTokenEndpoint? endpoint = null;
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant) =>
            {
                var root = $"{context.Request.Scheme}://{context.Request.Host}/{tenant}";
                return Results.Json(new Dictionary<string, string>
                {
                    ["issuer"] = root + "/v2.0",
                    ["token_endpoint"] = root + "/oauth2/v2.0/token",
                    ["authorization_endpoint"] = root + "/oauth2/v2.0/authorize",
                });
            });
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
            {
                var form = await context.Request.ReadFormAsync();
                var scope = form["scope"].ToString();
                endpoint!.Scopes.Enqueue(scope);
                endpoint.Requests.Enqueue(new TokenRequest(tenant, form["client_id"].ToString(), scope, form["grant_type"].ToString()));
                if (endpoint.RefuseClients)
                {
                    return Results.Json(new Dictionary<string, object>
                    {
                        ["error"] = "invalid_client",
                        ["error_description"] = "AADSTS7000215: Invalid client secret provided.",
                        ["error_codes"] = new[] { 7000215 },
                    }, statusCode: 401);
                }
                return Results.Json(new Dictionary<string, object>
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3600,
                    ["ext_expires_in"] = 3600,
                    ["access_token"] = Jwt(endpoint.Audience, DateTimeOffset.UtcNow.AddHours(1)),
                });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            endpoint = new FakeTokenEndpoint(app, new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
            return endpoint;
        }

        /// <summary>An unsigned JWT (alg none) with an audience and an expiry.</summary>
        public static string Jwt(string audience, DateTimeOffset expires)
        {
            static string Part(object value) =>
                Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return Part(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT" }) + "." +
                   Part(new Dictionary<string, object> { ["aud"] = audience, ["exp"] = expires.ToUnixTimeSeconds(), ["iss"] = "https://fake.example/" }) +
                   ".c2lnbmF0dXJl";
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>One request for a token, as the stand-in received it.</summary>
    internal sealed record TokenRequest(string Tenant, string ClientId, string Scope, string GrantType);
}
