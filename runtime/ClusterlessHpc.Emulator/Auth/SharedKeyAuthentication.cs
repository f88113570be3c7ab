using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Auth
{
    /// <summary>
    /// Verifies <c>Authorization: SharedKey {account}:{signature}</c> on every Batch request: the string to sign is
    /// rebuilt from the request as received (the raw path, the decoded query) with the runtime's
    /// <see cref="BatchSharedKeySignature"/>, so client and emulator share one definition of the scheme. Bearer tokens
    /// are refused unless the options accept them (see <see cref="BearerTokens"/>). The emulator's own
    /// <c>/_emulator/</c> endpoints are not Batch operations and need no authentication.
    /// </summary>
    internal sealed class SharedKeyAuthentication
    {
        /// <summary>The service refuses requests whose date is further than this from its clock.</summary>
        private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

        private readonly string _accountName;
        private readonly byte[] _accountKey;
        private readonly BearerTokens? _bearerTokens;
        private readonly ILogger _logger;

        public SharedKeyAuthentication(string accountName, string accountKey, BearerTokens? bearerTokens, ILogger logger)
        {
            _accountName = accountName;
            _accountKey = BatchSharedKeySignature.DecodeKey(accountKey);
            _bearerTokens = bearerTokens;
            _logger = logger;
        }

        public Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            if (!Routes.EmulatorControl.IsControlPath(context.Request.Path)) Verify(context);
            return next(context);
        }

        private void Verify(HttpContext context)
        {
            var request = context.Request;
            var authorization = request.Headers.Authorization.ToString();
            if (authorization.Length == 0)
            {
                throw BatchErrors.AuthenticationFailed("The request has no Authorization header.");
            }
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                if (_bearerTokens is null)
                {
                    throw BatchErrors.AuthenticationFailed("The emulator accepts Shared Key authentication only, not bearer tokens.");
                }
                _bearerTokens.Verify(authorization["Bearer ".Length..].Trim());
                return;
            }
            const string scheme = "SharedKey ";
            var colon = authorization.LastIndexOf(':');
            if (!authorization.StartsWith(scheme, StringComparison.Ordinal) || colon < scheme.Length)
            {
                throw BatchErrors.AuthenticationFailed("The Authorization header is not of the form 'SharedKey account:signature'.");
            }
            var account = authorization[scheme.Length..colon];
            var signature = authorization[(colon + 1)..];
            if (!string.Equals(account, _accountName, StringComparison.Ordinal))
            {
                // The service says only "failed to authenticate"; whoever runs the emulator can learn which half was wrong.
                _logger.LogDebug("Refused {Method} {Path}: it is signed for account '{Account}', and this emulator serves '{Expected}'.",
                    request.Method, request.Path.Value, account, _accountName);
                throw BatchErrors.AuthenticationFailed("The account in the Authorization header is not the emulator's account.");
            }
            RequireFreshDate(request);

            // The Content-Length line as received, or as the client signs it (an empty line for "0"): the Azure SDKs sign
            // a bodiless POST both ways. A length that was not sent must be signed as an empty line (a DELETE signed "0" is refused).
            var received = request.Headers.ContentLength?.ToString(CultureInfo.InvariantCulture);
            var lengths = new[] { received, BatchSharedKeySignature.ContentLengthToSign(received) }.Distinct();
            var accepted = false;
            foreach (var length in lengths)
            {
                var stringToSign = BatchSharedKeySignature.BuildStringToSign(
                    request.Method,
                    name => string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)
                        ? length
                        : request.Headers.TryGetValue(name, out var value) ? value.ToString() : null,
                    request.Headers.Keys,
                    _accountName,
                    RawPath(context),
                    request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
                var expected = BatchSharedKeySignature.Sign(_accountKey, stringToSign);
                accepted |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
            }
            if (!accepted)
            {
                _logger.LogDebug("Refused {Method} {Path}: it names account '{Account}', but its signature was not made with that account's key.",
                    request.Method, request.Path.Value, account);
                throw BatchErrors.AuthenticationFailed(
                    "The signature in the Authorization header is not the one computed for this request with the account key.");
            }
        }

        private static void RequireFreshDate(HttpRequest request)
        {
            // ocp-date wins: clients send it because some HTTP stacks will not let them set Date.
            var text = request.Headers["ocp-date"].ToString();
            if (text.Length == 0) text = request.Headers.Date.ToString();
            if (text.Length == 0)
            {
                throw BatchErrors.AuthenticationFailed("The request has neither an ocp-date nor a Date header.");
            }
            if (!DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                throw BatchErrors.AuthenticationFailed("The request date is not an RFC 1123 date.");
            }
            // The caller signs with its real clock, so this compares with the real clock, not the simulated one.
            if ((DateTimeOffset.UtcNow - date).Duration() > AllowedClockSkew)
            {
                throw BatchErrors.AuthenticationFailed("The request date is more than 15 minutes away from the server's time.");
            }
        }

        /// <summary>The path exactly as sent (still percent-encoded): the client signs that, not the decoded path.</summary>
        private static string RawPath(HttpContext context)
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            if (string.IsNullOrEmpty(target)) return context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
            if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute)) return absolute.AbsolutePath;
            var query = target.IndexOf('?');
            return query < 0 ? target : target[..query];
        }
    }
}
