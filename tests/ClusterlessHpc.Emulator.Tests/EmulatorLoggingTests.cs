using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using Microsoft.Extensions.Logging;
using static ClusterlessHpc.Emulator.Tests.ExecuteSafetyTests;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// What the emulator logs: where it listens and that its start tasks are simulated, once; requests only when asked for
    /// (--verbose); no stack trace from the framework when it cannot start.
    /// </summary>
    public sealed class EmulatorLoggingTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private static async Task<string> LogOfAsync(bool verbose)
        {
            var log = new StringWriter();
            var options = QuickEmulators.Simulating();
            // As chpc emulator runs it: Information, to a writer.
            options.MinimumLogLevel = LogLevel.Information;
            options.LogWriter = log;
            options.Verbose = verbose;
            await using (var emulator = await BatchEmulator.StartAsync(options, Cancel))
            {
                var client = emulator.CreateClient();
                await client.CreatePoolAsync(TestPools.Create("logged", 2, TestPools.CommandLine("/bin/bash -c 'echo hi'")), Cancel);
                await TestPools.WaitForNodesAsync(client, "logged", n => n.State == BatchNodeState.Idle, Cancel);
                for (var i = 0; i < 10; i++) await client.GetPoolAsync("logged", Cancel);
            }
            return log.ToString();
        }

        [Fact]
        public async Task Requests_are_not_logged_by_default_and_the_start_is_said_once()
        {
            var log = await LogOfAsync(verbose: false);
            var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(1, Occurrences(log, EmulatorNotices.SimulatedStartTasks));
            Assert.Equal(1, Occurrences(log, "listening on http://127.0.0.1:"));
            Assert.DoesNotContain("Request ", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening on", log, StringComparison.Ordinal);
            Assert.Equal(2, lines.Length);
        }

        [Fact]
        public async Task Verbose_logs_each_request()
        {
            var log = await LogOfAsync(verbose: true);

            Assert.True(Occurrences(log, "Request finished HTTP/1.1 GET http://127.0.0.1:") >= 11, log);
            Assert.Equal(1, Occurrences(log, "Request finished HTTP/1.1 POST http://127.0.0.1:"));
            Assert.Equal(1, Occurrences(log, EmulatorNotices.SimulatedStartTasks));
        }

        [Fact]
        public async Task A_host_that_shows_the_notices_itself_gets_them_and_the_log_stays_quiet()
        {
            var log = new StringWriter();
            var options = QuickEmulators.Simulating();
            options.MinimumLogLevel = LogLevel.Information;
            options.LogWriter = log;
            options.LogStartMessages = false;

            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);

            Assert.Equal(new EmulatorNotice(LogLevel.Information, EmulatorNotices.SimulatedStartTasks), Assert.Single(emulator.Notices));
            Assert.Equal("", log.ToString());
        }

        [Fact]
        public async Task A_port_in_use_is_thrown_to_the_caller_and_logs_no_stack_trace()
        {
            await using var busy = await BatchEmulator.StartAsync(QuickEmulators.Simulating(), Cancel);
            var log = new StringWriter();
            var options = QuickEmulators.Simulating();
            options.Port = busy.Endpoint.Port;
            options.MinimumLogLevel = LogLevel.Information;
            options.LogWriter = log;
            // Even verbose, which writes the stack trace of what the emulator logs.
            options.Verbose = true;

            var error = await Assert.ThrowsAnyAsync<IOException>(() => BatchEmulator.StartAsync(options, Cancel));

            Assert.Contains("address already in use", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", log.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("failed to start", log.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task A_simulated_nodes_files_are_marked_and_an_executed_nodes_are_not()
        {
            using var nodes = QuickEmulators.Folder();
            await using var simulating = await BatchEmulator.StartAsync(QuickEmulators.Simulating(), Cancel);
            await using var executing = await BatchEmulator.StartAsync(QuickEmulators.Executing(nodes.Path), Cancel);

            async Task<(string Stdout, string? Marker)> StdOutAsync(BatchEmulator emulator)
            {
                var client = emulator.CreateClient();
                await client.CreatePoolAsync(TestPools.Create("marked", 1, TestPools.CommandLine("/bin/bash -c 'echo ran'")), Cancel);
                var node = (await TestPools.WaitForNodesAsync(client, "marked", n => n.State == BatchNodeState.Idle, Cancel)).Single();
                var file = await client.GetNodeFileAsync("marked", node.Id!, BatchClient.StartTaskStdOutPath, cancellationToken: Cancel);
                return (file.Value.ToString(), file.GetRawResponse().Headers.TryGetValue(EmulatorNotices.StartTaskHeader, out var marker) ? marker : null);
            }

            // The body is the service's: a start task that wrote nothing leaves an empty file.
            Assert.Equal(("", EmulatorNotices.SimulatedStartTaskValue), await StdOutAsync(simulating));
            Assert.Equal(("ran\n", null), await StdOutAsync(executing));
        }
    }
}
