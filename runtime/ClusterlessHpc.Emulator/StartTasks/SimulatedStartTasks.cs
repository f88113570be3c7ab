using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.NodeFiles;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Start tasks that do not run: the exit code is decided from the script the start task would run
    /// (<see cref="StartTaskScripts"/>), checked with <c>bash -n</c> (2 on a syntax error, whose message becomes
    /// <c>startup/stderr.txt</c>). A command line that is not a shell is assumed to succeed, as is any start task of a
    /// Windows pool. The exit-code seam overrides all of it.
    /// </summary>
    internal sealed class SimulatedStartTasks : IStartTaskRunner
    {
        internal const string StdOut = "startup/stdout.txt";
        internal const string StdErr = "startup/stderr.txt";

        private readonly SyntaxCheckCache _checks;
        private readonly TimeProvider _clock;

        public SimulatedStartTasks(SyntaxCheckCache checks, TimeProvider clock, TimeSpan minimumDuration)
        {
            _checks = checks;
            _clock = clock;
            MinimumDuration = minimumDuration;
        }

        public TimeSpan MinimumDuration { get; }

        public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) => new VirtualNodeFiles(now);

        public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at)
        {
            var files = launch.Files as VirtualNodeFiles;
            files?.Write(StdOut, [], at);
            files?.Write(StdErr, [], at);
            var outcome = Decide(launch).ContinueWith(decided =>
            {
                var (exitCode, standardError) = decided.Result;
                var knownAt = _clock.GetUtcNow();
                if (standardError.Length > 0) files?.Write(StdErr, Encoding.UTF8.GetBytes(standardError), knownAt);
                return new StartTaskOutcome(exitCode, null, knownAt);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new StartTaskAttempt(at, outcome, new CancellationTokenSource());
        }

        public void Dispose() => _checks.Dispose();

        private Task<(int ExitCode, string StandardError)> Decide(StartTaskLaunch launch)
        {
            if (launch.ExitCodeOverride is { } code) return Task.FromResult((code, ""));
            if (launch.IsWindows) return Task.FromResult((0, ""));
            var (script, exitCode) = StartTaskScripts.Find(launch.StartTask);
            if (script is null)
            {
                var message = exitCode == 0 ? "" : "The command line has an unclosed quote.\n";
                return Task.FromResult((exitCode, message));
            }
            return _checks.Check(script).ContinueWith(
                check => (check.Result.ExitCode, check.Result.StandardError),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
