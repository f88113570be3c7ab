using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// An emulator that executes start tasks refuses the published development key unless told to accept it, and says
    /// once, as a warning, when its start tasks run unconfined (without root) or with that key.
    /// </summary>
    public sealed class ExecuteSafetyTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Execute_mode_refuses_the_development_key_and_says_why_and_how()
        {
            using var nodes = QuickEmulators.Folder();
            var options = new BatchEmulatorOptions { StartTaskMode = StartTaskMode.Execute, NodesDirectory = nodes.Path };

            var error = await Assert.ThrowsAsync<ArgumentException>(() => BatchEmulator.StartAsync(options, Cancel));

            Assert.Contains("--allow-development-key", error.Message, StringComparison.Ordinal);
            Assert.Contains("AllowDevelopmentKey = true", error.Message, StringComparison.Ordinal);
            Assert.Contains("anyone who can reach the emulator's port with it could run code on this machine", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(BatchEmulatorOptions.DevelopmentAccountKey, error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(nodes.Path));
        }

        [Fact]
        public void The_command_line_refuses_it_too_unless_allowed_or_given_a_key()
        {
            var refused = Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse(["--execute-start-tasks"]));
            var allowed = BatchEmulatorOptions.Parse(["--execute-start-tasks", "--allow-development-key"]);
            var ownKey = BatchEmulatorOptions.Parse(["--execute-start-tasks", "--account", "mine", "--key", Convert.ToBase64String(new byte[64])]);
            var simulated = BatchEmulatorOptions.Parse([]);

            Assert.Contains("--allow-development-key", refused.Message, StringComparison.Ordinal);
            Assert.Equal((StartTaskMode.Execute, true), (allowed.StartTaskMode, allowed.AllowDevelopmentKey));
            Assert.Equal((StartTaskMode.Execute, false), (ownKey.StartTaskMode, ownKey.AllowDevelopmentKey));
            Assert.Equal((StartTaskMode.Simulate, BatchEmulatorOptions.DevelopmentAccountKey), (simulated.StartTaskMode, simulated.AccountKey));
        }

        [Fact]
        public async Task Allowed_the_development_key_it_warns_once_naming_its_port()
        {
            using var nodes = QuickEmulators.Folder();
            var log = new StringWriter();
            var options = QuickEmulators.Executing(nodes.Path);
            options.AccountName = BatchEmulatorOptions.DevelopmentAccountName;
            options.AccountKey = BatchEmulatorOptions.DevelopmentAccountKey;
            options.AllowDevelopmentKey = true;
            options.IsRoot = () => true;
            options.LogWriter = log;

            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);

            var warning = Assert.Single(emulator.Notices);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains($"reaches port {emulator.Endpoint.Port} can run code here", warning.Text, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(log.ToString(), "warning: " + warning.Text));
        }

        [Fact]
        public async Task Without_root_start_tasks_run_as_the_emulators_user_and_it_warns_once_loudly()
        {
            using var nodes = QuickEmulators.Folder();
            var log = new StringWriter();
            var options = QuickEmulators.Executing(nodes.Path);
            options.IsRoot = () => false;
            options.LogWriter = log;
            options.MinimumLogLevel = LogLevel.Information;

            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);
            var client = emulator.CreateClient();
            await client.CreatePoolAsync(TestPools.Create("unconfined", 1, TestPools.CommandLine("/bin/bash -c 'id -u'")), Cancel);
            var node = (await TestPools.WaitForNodesAsync(client, "unconfined", n => n.State == BatchNodeState.Idle, Cancel)).Single();
            var uid = (await client.GetNodeFileAsync("unconfined", node.Id!, BatchClient.StartTaskStdOutPath, cancellationToken: Cancel)).Value.ToString().Trim();

            var warning = Assert.Single(emulator.Notices);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains($"run UNCONFINED, as your own user '{Environment.UserName}'", warning.Text, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(log.ToString(), "UNCONFINED"));
            Assert.Equal(1, Occurrences(log.ToString(), "warning: " + warning.Text));
            // The warning tells the truth: the task ran as the emulator's own user, not as a sandbox user.
            Assert.Equal(ProcessRunner.Run("id", ["-u"]).Stdout.Trim(), uid);
        }

        [Fact]
        public async Task As_root_with_a_key_of_its_own_it_has_nothing_to_warn_about()
        {
            using var nodes = QuickEmulators.Folder();
            var log = new StringWriter();
            var options = QuickEmulators.Executing(nodes.Path);
            options.IsRoot = () => true;
            options.LogWriter = log;

            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);

            Assert.Empty(emulator.Notices);
            Assert.Equal("", log.ToString());
        }

        internal static int Occurrences(string text, string part)
        {
            var count = 0;
            for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
            return count;
        }
    }
}
