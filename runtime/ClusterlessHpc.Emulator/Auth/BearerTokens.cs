using System;
using System.Text;
using System.Text.Json;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.Auth
{
    /// <summary>
    /// Accepts bearer tokens when the options say so: by the options' validator, or else when the token is a JWT whose
    /// audience is Azure Batch (<c>https://batch.core.windows.net/</c>) and whose <c>exp</c> has not passed on the real
    /// clock. Signatures are not checked: the emulator has no identity provider. No error ever contains the token.
    /// </summary>
    internal sealed class BearerTokens
    {
        private const string BatchAudience = "https://batch.core.windows.net/";

        private readonly Func<string, bool>? _validator;

        public BearerTokens(Func<string, bool>? validator) => _validator = validator;

        public void Verify(string token)
        {
            if (token.Length == 0) throw BatchErrors.AuthenticationFailed("The bearer token is empty.");
            if (_validator is not null)
            {
                if (!_validator(token)) throw BatchErrors.AuthenticationFailed("The bearer token was not accepted.");
                return;
            }
            using var claims = Payload(token) ?? throw BatchErrors.AuthenticationFailed("The bearer token is not a JWT.");
            var root = claims.RootElement;
            var audience = root.TryGetProperty("aud", out var aud) && aud.ValueKind == JsonValueKind.String ? aud.GetString() : null;
            if (audience is null || !string.Equals(audience.TrimEnd('/') + "/", BatchAudience, StringComparison.OrdinalIgnoreCase))
            {
                throw BatchErrors.AuthenticationFailed("The bearer token is not for Azure Batch (its audience is not https://batch.core.windows.net/).");
            }
            if (!root.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expires) ||
                DateTimeOffset.FromUnixTimeSeconds(expires) <= DateTimeOffset.UtcNow)
            {
                throw BatchErrors.AuthenticationFailed("The bearer token has expired or has no expiry.");
            }
        }

        private static JsonDocument? Payload(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3) return null;
            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                return null;
            }
        }
    }
}
