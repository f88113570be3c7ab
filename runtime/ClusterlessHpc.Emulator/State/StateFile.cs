using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>
    /// Keeps the account in a JSON file: loaded at start, written (atomically: a temporary file, then a rename) a short
    /// while after changes and when the emulator stops. A file written for another account is refused.
    /// </summary>
    internal sealed class StateFile
    {
        private static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(250);

        private readonly string _path;
        private readonly PoolModel _store;
        private readonly ILogger _logger;
        private readonly object _gate = new();
        private int _dirty;
        private DateTime _changedAt;

        public StateFile(string path, PoolModel store, ILogger logger)
        {
            _path = Path.GetFullPath(path);
            _store = store;
            _logger = logger;
            store.Changed += () =>
            {
                _changedAt = DateTime.UtcNow;
                Interlocked.Exchange(ref _dirty, 1);
            };
        }

        /// <summary>The saved account, or null when there is no file yet.</summary>
        /// <exception cref="InvalidOperationException">The file is not a state file of this account.</exception>
        public ModelState? Load(string accountName)
        {
            if (Directory.Exists(_path)) throw new InvalidOperationException($"The emulator state file {_path} is a folder, not a file.");
            if (!File.Exists(_path)) return null;
            ModelState? document;
            try
            {
                document = ModelState.Parse(File.ReadAllBytes(_path));
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The emulator state file {_path} is not valid: {e.Message}", e);
            }
            if (document is null || document.Format != ModelState.CurrentFormat)
            {
                throw new InvalidOperationException($"The emulator state file {_path} has an unknown format.");
            }
            if (!string.Equals(document.AccountName, accountName, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The emulator state file {_path} belongs to account '{document.AccountName}', not '{accountName}'.");
            }
            return document;
        }

        /// <summary>
        /// Why the last write of the file failed, or null when it succeeded (or none was needed): a process that keeps its
        /// logs quiet (chpc) reads it when it stops, so that what a command did is never lost without a word.
        /// </summary>
        public Exception? LastSaveError { get; private set; }

        /// <summary>Writes the state if it changed and has been quiet for a moment (or at once when <paramref name="force"/>).</summary>
        public void SaveIfChanged(bool force = false)
        {
            if (Volatile.Read(ref _dirty) == 0 && !force) return;
            if (!force && DateTime.UtcNow - _changedAt < SaveDelay) return;
            lock (_gate)
            {
                Interlocked.Exchange(ref _dirty, 0);
                try
                {
                    var bytes = _store.Save();
                    Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                    var temporary = _path + ".tmp";
                    File.WriteAllBytes(temporary, bytes);
                    // The pools' settings may hold secrets (registry passwords, mount keys): the file is the user's alone.
                    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    File.Move(temporary, _path, overwrite: true);
                    LastSaveError = null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Interlocked.Exchange(ref _dirty, 1);
                    LastSaveError = e;
                    _logger.LogError(e, "The emulator could not write its state file {Path}.", _path);
                }
            }
        }
    }
}
