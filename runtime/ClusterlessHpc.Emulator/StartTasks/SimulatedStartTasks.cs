using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;

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
        private readonly SyntaxCheckCache _checks;

        public SimulatedStartTasks(SyntaxCheckCache checks, TimeSpan minimumDuration)
        {
            _checks = checks;
            MinimumDuration = minimumDuration;
        }

        public TimeSpan MinimumDuration { get; }

        public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) => new VirtualNodeFiles(now);

        public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at)
        {
            var files = launch.Files as VirtualNodeFiles;
            files?.Write(BatchClient.StartTaskStdOutPath, [], at);
            files?.Write(BatchClient.StartTaskStdErrPath, [], at);
            var outcome = Decide(launch).ContinueWith(decided =>
            {
                // Known when it was decided (at once for the seam, or when bash -n finished), not when it is looked at.
                var (exitCode, standardError, knownAt) = decided.Result;
                if (standardError.Length > 0) files?.Write(BatchClient.StartTaskStdErrPath, Encoding.UTF8.GetBytes(standardError), knownAt > at ? knownAt : at);
                return new StartTaskOutcome(exitCode, null, knownAt);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new StartTaskAttempt(at, outcome, new CancellationTokenSource());
        }

        public void Dispose() => _checks.Dispose();

        private Task<(int ExitCode, string StandardError, DateTimeOffset KnownAt)> Decide(StartTaskLaunch launch)
        {
            var instantly = DateTimeOffset.MinValue;
            if (launch.ExitCodeOverride is { } code) return Task.FromResult((code, "", instantly));
            if (launch.IsWindows) return Task.FromResult((0, "", instantly));
            var (script, exitCode) = StartTaskScripts.Find(launch.StartTask);
            if (script is null)
            {
                var message = exitCode == 0 ? "" : "The command line has an unclosed quote.\n";
                return Task.FromResult((exitCode, message, instantly));
            }
            return _checks.Check(script).ContinueWith(
                check => (check.Result.ExitCode, check.Result.StandardError, check.Result.KnownAt),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
