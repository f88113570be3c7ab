using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// Configuration as an application reads it: environment variables (<c>ClusterlessHpc__Batch__Endpoint</c>) over an
    /// <c>appsettings.json</c> in the current folder. It gives the account, the script delivery and storage settings, and
    /// the secrets a pool names by key (<c>PasswordSetting</c>, <c>AccountKeySetting</c>, ...).
    /// </summary>
    internal sealed class CliSettings
    {
        private readonly CliConsole _console;
        private readonly IConfiguration _configuration;

        private CliSettings(CliConsole console, IConfiguration configuration, string? filePath)
        {
            _console = console;
            _configuration = configuration;
            FilePath = filePath;
        }

        /// <summary>The appsettings.json settings were read from, when there is one.</summary>
        public string? FilePath { get; }

        /// <summary>
        /// Reads appsettings.json and the environment over <paramref name="implied"/>: what the pools' own source implies
        /// (a credentials.json's accounts), which either of them overrides.
        /// </summary>
        /// <exception cref="CliException">appsettings.json is not valid JSON.</exception>
        public static CliSettings Load(CliConsole console, IReadOnlyDictionary<string, string>? implied = null)
        {
            var path = Path.Combine(console.WorkingDirectory, "appsettings.json");
            var builder = new ConfigurationBuilder();
            if (implied is { Count: > 0 })
            {
                builder.AddInMemoryCollection(implied.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
            }
            if (File.Exists(path)) builder.AddJsonFile(path, optional: true, reloadOnChange: false);
            else path = null;
            // Environment variables win over the file, as in an application's host; "__" separates sections.
            var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in console.Environment)
            {
                if (value.Length > 0) variables[name.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
            builder.AddInMemoryCollection(variables);
            try
            {
                return new CliSettings(console, builder.Build(), path);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{path} cannot be read: {Reason(e)}", e);
            }
        }

        /// <summary>
        /// Why the file did not load: for JSON that does not parse, where (line and column from 1, as an editor counts) and
        /// what the parser found; else the loader's own message.
        /// </summary>
        private static string Reason(InvalidDataException e)
        {
            Exception? inner = e;
            while (inner is not null and not System.Text.Json.JsonException) inner = inner.InnerException;
            if (inner is not System.Text.Json.JsonException { LineNumber: { } line, BytePositionInLine: { } column } json) return e.Message;
            var what = json.Message;
            var cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return $"line {line + 1}, column {column + 1}: {(cut < 0 ? what : what[..cut])}";
        }

        /// <summary>The value of <paramref name="key"/> (sections separated by ':'), or null.</summary>
        public string? Get(string key) => _configuration[key] is { Length: > 0 } value ? value : null;

        /// <summary>The <c>ClusterlessHpc</c> section, bound as an application binds it.</summary>
        /// <exception cref="CliException">A setting has a value of the wrong kind.</exception>
        public ClusterlessHpcOptions Options()
        {
            var options = new ClusterlessHpcOptions();
            try
            {
                _configuration.GetSection(ClusterlessHpcOptions.SectionName).Bind(options);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(ExitCodes.InvalidInput, "The ClusterlessHpc configuration cannot be read: " + e.Message, e);
            }
            return options;
        }

        /// <summary>Where <paramref name="key"/>'s value comes from, for messages.</summary>
        public string SourceOf(string key)
        {
            var variable = key.Replace(":", "__", StringComparison.Ordinal);
            if (_console.GetEnvironmentVariable(variable) is not null) return "environment variable " + variable;
            return FilePath is null ? key : $"{Path.GetFileName(FilePath)} ({key})";
        }
    }
}
