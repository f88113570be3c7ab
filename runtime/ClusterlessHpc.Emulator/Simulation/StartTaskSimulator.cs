using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Simulation
{
    /// <summary>The exit code a simulated start task ends with, and when (on the emulator's clock) it was known.</summary>
    internal readonly record struct StartTaskResult(int ExitCode, DateTimeOffset KnownAt);

    /// <summary>
    /// Decides how simulated start tasks end, without running them: the script (see <see cref="StartTaskScripts"/>) is
    /// checked with <c>bash -n</c>, whose exit code becomes the start task's (2 on a syntax error). Each distinct script
    /// is checked once (keyed by its SHA-256), in the background from the moment its pool is created, so requests never
    /// wait for bash. When bash cannot be started the script is assumed valid, with a warning.
    /// </summary>
    internal sealed class StartTaskSimulator : IDisposable
    {
        private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

        private readonly ConcurrentDictionary<string, Lazy<Task<StartTaskResult>>> _checks = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stopping = new();
        private readonly TimeProvider _clock;
        private readonly ILogger _logger;
        private int _syntaxChecksRun;

        public StartTaskSimulator(TimeProvider clock, ILogger logger)
        {
            _clock = clock;
            _logger = logger;
        }

        /// <summary>How many times <c>bash -n</c> has been started.</summary>
        public int SyntaxChecksRun => Volatile.Read(ref _syntaxChecksRun);

        /// <summary>Starts deciding (or reuses the decision for) start tasks like <paramref name="startTask"/>.</summary>
        public Task<StartTaskResult> Begin(BatchStartTask startTask)
        {
            var (script, exitCode) = StartTaskScripts.Find(startTask);
            if (script is null) return Task.FromResult(new StartTaskResult(exitCode, DateTimeOffset.MinValue));

            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
            // Lazy makes the check start once even when two pools with the same script race here.
            return _checks.GetOrAdd(key, _ => new Lazy<Task<StartTaskResult>>(() => Task.Run(() => CheckAsync(script)))).Value;
        }

        /// <summary>Stops checks still running. The token source is not disposed: a check may still be linking to it.</summary>
        public void Dispose() => _stopping.Cancel();

        private async Task<StartTaskResult> CheckAsync(string script)
        {
            Interlocked.Increment(ref _syntaxChecksRun);
            int exitCode;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(CheckTimeout);
                var (code, standardError) = await BashSyntaxCheck.RunAsync(script, timeout.Token).ConfigureAwait(false);
                if (code != 0) _logger.LogDebug("A start task script failed bash -n with exit code {ExitCode}: {Errors}", code, standardError);
                exitCode = code;
            }
            catch (Win32Exception e)
            {
                _logger.LogWarning(e, "bash could not be started, so start task scripts are assumed to be valid.");
                exitCode = 0;
            }
            catch (OperationCanceledException)
            {
                if (!_stopping.IsCancellationRequested)
                {
                    _logger.LogWarning("bash -n took longer than {Timeout}; the start task script is assumed to be valid.", CheckTimeout);
                }
                exitCode = 0;
            }
            return new StartTaskResult(exitCode, _clock.GetUtcNow());
        }
    }
}
