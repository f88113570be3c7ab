using System.IO;
using Microsoft.Extensions.Configuration;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// Configuration as an application reads it: environment variables (<c>ClusterlessHpc__Batch__Endpoint</c>) over an
    /// <c>appsettings.json</c> in the current folder. Used for the account and for the secrets a pool names by key
    /// (<c>PasswordSetting</c>, <c>AccountKeySetting</c>, ...).
    /// </summary>
    internal sealed class CliSettings
    {
        private readonly CliConsole _console;
        private readonly IConfiguration? _file;

        private CliSettings(CliConsole console, IConfiguration? file)
        {
            _console = console;
            _file = file;
        }

        /// <summary>The file settings were read from, when there is one.</summary>
        public string? FilePath { get; private init; }

        public static CliSettings Load(CliConsole console)
        {
            var path = Path.Combine(console.WorkingDirectory, "appsettings.json");
            if (!File.Exists(path)) return new CliSettings(console, null);
            try
            {
                var file = new ConfigurationBuilder().AddJsonFile(path, optional: true, reloadOnChange: false).Build();
                return new CliSettings(console, file) { FilePath = path };
            }
            catch (InvalidDataException e)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{path} cannot be read: {e.Message}", e);
            }
        }

        /// <summary>The value of <paramref name="key"/> (sections separated by ':'), or null.</summary>
        public string? Get(string key)
        {
            var fromEnvironment = _console.GetEnvironmentVariable(key.Replace(":", "__", System.StringComparison.Ordinal));
            if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
            var fromFile = _file?[key];
            return string.IsNullOrEmpty(fromFile) ? null : fromFile;
        }

        /// <summary>Where <paramref name="key"/>'s value comes from, for messages.</summary>
        public string SourceOf(string key) =>
            !string.IsNullOrEmpty(_console.GetEnvironmentVariable(key.Replace(":", "__", System.StringComparison.Ordinal)))
                ? "environment variable " + key.Replace(":", "__", System.StringComparison.Ordinal)
                : $"{Path.GetFileName(FilePath)} ({key})";
    }
}
