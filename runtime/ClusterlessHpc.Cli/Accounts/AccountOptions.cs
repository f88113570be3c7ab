using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// <c>--endpoint URL --account NAME --key BASE64</c> on every command that talks to Batch, and how the account is
    /// chosen: these options first; then configuration (<c>ClusterlessHpc:Batch:Endpoint|AccountName|AccountKey</c>, from
    /// environment variables or appsettings.json); else the emulator.
    /// </summary>
    internal sealed class AccountOptions
    {
        public const string EndpointKey = "ClusterlessHpc:Batch:Endpoint";
        public const string AccountNameKey = "ClusterlessHpc:Batch:AccountName";
        public const string AccountKeyKey = "ClusterlessHpc:Batch:AccountKey";
        public const string TenantIdKey = "ClusterlessHpc:Batch:TenantId";
        public const string ClientIdKey = "ClusterlessHpc:Batch:ClientId";
        public const string ClientSecretKey = "ClusterlessHpc:Batch:ClientSecret";

        /// <summary>The source of an account given on the command line; such an account serves every pool.</summary>
        public const string CommandLineSource = "--endpoint";

        public Option<Uri?> Endpoint { get; } = new("--endpoint")
        {
            Description = "The Batch account URL, for example https://myaccount.westeurope.batch.azure.com (default: configuration, else the emulator).",
            HelpName = "URL",
            CustomParser = ParseEndpoint,
        };

        public Option<string?> Account { get; } = new("--account")
        {
            Description = "The account name (default: the endpoint's first label; devbatch for an IP address such as 127.0.0.1).",
            HelpName = "NAME",
        };

        public Option<string?> Key { get; } = new("--key")
        {
            Description = "The account's shared key, base64 (default: sign in with DefaultAzureCredential, over https only). Never printed.",
            HelpName = "BASE64",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Endpoint);
            command.Options.Add(Account);
            command.Options.Add(Key);
        }

        /// <exception cref="CliException">The options or the configuration do not make an account.</exception>
        public AccountChoice Resolve(ParseResult parsed, CliSettings settings)
        {
            var endpoint = parsed.GetValue(Endpoint);
            var name = parsed.GetValue(Account);
            var key = parsed.GetValue(Key);
            if (endpoint is not null) return Choose(endpoint, name, key, null, CommandLineSource, "give --key");
            if (name is not null || key is not null)
            {
                throw new CliException(ExitCodes.Usage, "--account and --key need --endpoint (the emulator's is http://127.0.0.1:10100/).");
            }

            if (settings.Get(EndpointKey) is { } configured)
            {
                if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    throw new CliException(ExitCodes.InvalidInput, $"{settings.SourceOf(EndpointKey)} is not an http(s) URL: '{configured}'.");
                }
                var principal = new BatchAccountOptions
                {
                    TenantId = settings.Get(TenantIdKey), ClientId = settings.Get(ClientIdKey), ClientSecret = settings.Get(ClientSecretKey),
                };
                return Choose(uri, settings.Get(AccountNameKey), settings.Get(AccountKeyKey), PrincipalOf(principal, "ClusterlessHpc:Batch"),
                    settings.SourceOf(EndpointKey), $"set {AccountKeyKey}");
            }
            return AccountChoice.Emulator;
        }

        /// <param name="giveKey">How the user gives this account's key, for the message when an http endpoint has none.</param>
        /// <remarks>The development account on loopback is <see cref="BatchAccountClients"/>' rule, as in an application.</remarks>
        /// <exception cref="CliException">The key is not base64 (the message does not show it), or without a key the endpoint is http.</exception>
        public static AccountChoice Choose(Uri endpoint, string? name, string? key, ServicePrincipal? principal, string source, string giveKey)
        {
            // An emulator on loopback with neither name nor key is the development account.
            if (BatchAccountClients.IsDevelopmentAccount(endpoint, name, key, principal is not null))
            {
                return new AccountChoice(endpoint, BatchAccountClients.DevelopmentAccountName, BatchAccountClients.DevelopmentAccountKey, source);
            }
            if (key is not null && !IsBase64(key))
            {
                // The message never shows the key.
                throw new CliException(ExitCodes.InvalidInput, $"The account key of the account from {source} is not base64.");
            }
            if (key is null)
            {
                try
                {
                    BatchCredentials.EnsureTokensCanBeSent(endpoint, giveKey);
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException(ExitCodes.InvalidInput, e.Message, e);
                }
            }
            return new AccountChoice(endpoint, name ?? BatchAccountClients.NameOf(endpoint), key, source) { Principal = key is null ? principal : null };
        }

        /// <summary>The service principal of an account's settings, checked whole; null when it has none.</summary>
        /// <exception cref="CliException">Only part of a service principal is configured.</exception>
        public static ServicePrincipal? PrincipalOf(BatchAccountOptions settings, string section)
        {
            try
            {
                settings.EnsureValid(section);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(ExitCodes.InvalidInput, e.Message, e);
            }
            return settings.HasServicePrincipal ? new ServicePrincipal(settings.TenantId!, settings.ClientId!, settings.ClientSecret!) : null;
        }

        private static bool IsBase64(string text) => text.Length > 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

        private static Uri? ParseEndpoint(ArgumentResult result)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                if (uri.UserInfo.Length == 0 && uri.Query.Length == 0) return uri;
                // Said without the value: what is there may be a password or a SAS.
                result.AddError("--endpoint must be the account's URL alone, without a user, password or query: give the key with --key.");
                return null;
            }
            result.AddError($"--endpoint '{text}' is not an http(s) URL such as https://myaccount.westeurope.batch.azure.com.");
            return null;
        }
    }
}
