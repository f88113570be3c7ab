using ClusterlessHpc.Emulator.StartTasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Stopping the emulator stops its nodes' processes and returns once they are gone, so that a restarted emulator (its
    /// state file) or whoever deletes the nodes folder next never meets one still running.
    /// </summary>
    public sealed class EmulatorStopTests
    {
        [Fact]
        public void Stopping_waits_for_every_running_attempt_to_end()
        {
            var nodes = Directory.CreateTempSubdirectory("chpc-stop-").FullName;
            try
            {
                using var checks = new SyntaxCheckCache(TimeProvider.System, NullLogger.Instance);
                var runner = new ExecutedStartTasks(new SimulatedStartTasks(checks, TimeSpan.Zero), nodes, SandboxUids.NextBase(), confined: false, TimeProvider.System, NullLogger.Instance);
                // An attempt whose processes take a moment to die once they are told to stop, as a killed process tree does.
                var ending = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                runner.Stopping.Register(() => Task.Delay(500).ContinueWith(_ => ending.SetResult(0), TaskScheduler.Default));
                var attempt = runner.Track(ending.Task);

                runner.Dispose();

                Assert.True(attempt.IsCompleted, "the emulator stopped before its nodes' processes were gone");
            }
            finally
            {
                Directory.Delete(nodes, recursive: true);
            }
        }
    }
}
