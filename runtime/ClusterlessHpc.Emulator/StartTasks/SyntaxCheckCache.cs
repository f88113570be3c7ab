using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>What <c>bash -n</c> said about a script: its exit code (2 on a syntax error) and its error output.</summary>
    internal sealed record SyntaxCheckResult(int ExitCode, string StandardError, DateTimeOffset KnownAt);

    /// <summary>
    /// Checks start-task scripts with <c>bash -n</c>, each distinct script once (keyed by its SHA-256), in the
    /// background, so requests never wait for bash. When bash cannot be started the script is assumed valid, with a warning.
    /// </summary>
    internal sealed class SyntaxCheckCache : IDisposable
    {
        private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

        private readonly ConcurrentDictionary<string, Lazy<Task<SyntaxCheckResult>>> _checks = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stopping = new();
        private readonly TimeProvider _clock;
        private readonly ILogger _logger;
        private int _checksRun;

        public SyntaxCheckCache(TimeProvider clock, ILogger logger)
        {
            _clock = clock;
            _logger = logger;
        }

        /// <summary>How many times <c>bash -n</c> has been started.</summary>
        public int ChecksRun => Volatile.Read(ref _checksRun);

        /// <summary>Starts checking (or reuses the check of) <paramref name="script"/>.</summary>
        public Task<SyntaxCheckResult> Check(string script)
        {
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
            // Lazy makes the check start once even when two nodes with the same script race here.
            return _checks.GetOrAdd(key, _ => new Lazy<Task<SyntaxCheckResult>>(() => Task.Run(() => RunAsync(script)))).Value;
        }

        /// <summary>Stops checks still running. The token source is not disposed: a check may still be linking to it.</summary>
        public void Dispose() => _stopping.Cancel();

        private async Task<SyntaxCheckResult> RunAsync(string script)
        {
            Interlocked.Increment(ref _checksRun);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(CheckTimeout);
                var (code, standardError) = await BashSyntaxCheck.RunAsync(script, timeout.Token).ConfigureAwait(false);
                return new SyntaxCheckResult(code, standardError, _clock.GetUtcNow());
            }
            catch (Win32Exception e)
            {
                _logger.LogWarning(e, "bash could not be started, so start task scripts are assumed to be valid.");
            }
            catch (OperationCanceledException)
            {
                if (!_stopping.IsCancellationRequested)
                {
                    _logger.LogWarning("bash -n took longer than {Timeout}; the start task script is assumed to be valid.", CheckTimeout);
                }
            }
            return new SyntaxCheckResult(0, "", _clock.GetUtcNow());
        }
    }
}
