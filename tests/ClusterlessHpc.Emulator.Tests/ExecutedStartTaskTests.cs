using System.Diagnostics;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Start tasks executed for real: bash as the node's unprivileged user in its sandbox folder, with the node's
    /// AZ_BATCH_* variables, the command line split without a shell, output in the node files, the exit code deciding
    /// the node's state, retries, reboot and reimage; and nothing written outside the sandbox.
    /// </summary>
    public sealed class ExecutedStartTaskTests : IClassFixture<ExecuteEmulatorFixture>
    {
        private readonly ExecuteEmulatorFixture _fixture;

        public ExecutedStartTaskTests(ExecuteEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task The_command_runs_as_the_nodes_user_in_its_working_directory_with_the_nodes_variables()
        {
            var startTask = TestPools.CommandLine(
                "/bin/bash -c 'echo \"out $AZ_BATCH_POOL_ID $MY_SETTING\"; echo err >&2; env | grep ^AZ_BATCH_ | sort > env.txt; id -u > uid.txt; pwd > pwd.txt'");
            startTask.EnvironmentSettings = [new EnvironmentSetting { Name = "MY_SETTING", Value = "hello" }];

            var (id, node) = await RunAsync("env", startTask);
            var env = (await ReadAsync(id, node, "startup/wd/env.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var root = Path.Combine(_fixture.NodesDirectory, id, node);

            Assert.Equal($"out {id} hello\n", await ReadAsync(id, node, BatchClient.StartTaskStdOutPath));
            Assert.Equal("err\n", await ReadAsync(id, node, BatchClient.StartTaskStdErrPath));
            Assert.Equal(Path.Combine(root, "startup", "wd") + "\n", await ReadAsync(id, node, "startup/wd/pwd.txt"));
            Assert.Equal(root, env["AZ_BATCH_NODE_ROOT_DIR"]);
            Assert.Equal(Path.Combine(root, "shared"), env["AZ_BATCH_NODE_SHARED_DIR"]);
            Assert.Equal(Path.Combine(root, "startup"), env["AZ_BATCH_NODE_STARTUP_DIR"]);
            Assert.Equal(Path.Combine(root, "startup", "wd"), env["AZ_BATCH_TASK_WORKING_DIR"]);
            Assert.Equal((id, node, "true"), (env["AZ_BATCH_POOL_ID"], env["AZ_BATCH_NODE_ID"], env["AZ_BATCH_NODE_IS_DEDICATED"]));
            Assert.Equal((BatchEmulatorOptions.DevelopmentAccountName, _fixture.Emulator.Endpoint.ToString().TrimEnd('/')), (env["AZ_BATCH_ACCOUNT_NAME"], env["AZ_BATCH_ACCOUNT_URL"]));
            Assert.Equal("PoolNonAdmin", env["AZ_BATCH_TASK_USER_IDENTITY"]);
            var uid = int.Parse((await ReadAsync(id, node, "startup/wd/uid.txt")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(uid, _fixture.UidBase, _fixture.UidBase + 999);
        }

        [Fact]
        public async Task The_nodes_user_has_a_name_as_a_batch_task_user_has()
        {
            var (id, node) = await RunAsync("named", TestPools.CommandLine(
                "/bin/bash -c 'id -un > name.txt; id -gn > group.txt; getent passwd \"$(id -u)\" | cut -d: -f6 > home.txt; echo \"$AZ_BATCH_TASK_USER\" > variable.txt'"));

            var name = await ReadAsync(id, node, "startup/wd/name.txt");
            Assert.Equal("_azbatch\n", name);
            Assert.Equal(name, await ReadAsync(id, node, "startup/wd/variable.txt"));
            Assert.Equal(name, await ReadAsync(id, node, "startup/wd/group.txt"));
            Assert.Equal(Path.Combine(_fixture.NodesDirectory, id, node, "volatile", "home") + "\n", await ReadAsync(id, node, "startup/wd/home.txt"));
            // The name lives in the node's own view of /etc/passwd: the host's is unchanged.
            Assert.DoesNotContain("_azbatch:", File.ReadAllText("/etc/passwd"));
        }

        [Fact]
        public async Task Each_node_has_its_own_writable_usr_local_bin_that_a_reboot_keeps_and_a_reimage_empties()
        {
            var marker = "chpc-tool-" + Guid.NewGuid().ToString("N");
            var (id, node) = await RunAsync("localbin", TestPools.CommandLine(
                $"/bin/bash -c 'ls /usr/local/bin > before.txt; printf \"#!/bin/sh\\necho tool\\n\" > /usr/local/bin/{marker}; chmod 755 /usr/local/bin/{marker}; {marker} > ran.txt'"));
            var root = Path.Combine(_fixture.NodesDirectory, id, node);

            Assert.Equal("", await ReadAsync(id, node, "startup/wd/before.txt"));
            Assert.Equal("tool\n", await ReadAsync(id, node, "startup/wd/ran.txt"));
            Assert.True(File.Exists(Path.Combine(root, "volatile", "usr", "local", "bin", marker)));
            Assert.False(File.Exists("/usr/local/bin/" + marker));

            await Client.RebootNodeAsync(id, node, cancellationToken: Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(300));
            await Poll.UntilAsync(() => NodeAsync(id, node), n => n.State == BatchNodeState.Idle, "the reboot", Cancel);
            Assert.Equal(marker + "\n", await ReadAsync(id, node, "startup/wd/before.txt"));

            await Client.ReimageNodeAsync(id, node, cancellationToken: Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Poll.UntilAsync(() => NodeAsync(id, node), n => n.State == BatchNodeState.Idle, "the reimage", Cancel);
            Assert.Equal("", await ReadAsync(id, node, "startup/wd/before.txt"));
        }

        [Fact]
        public async Task The_command_line_is_split_into_arguments_without_a_shell()
        {
            var (id, node) = await RunAsync("split", TestPools.CommandLine("/bin/echo '$HOME' \"a  b\" c\\ d $AZ_BATCH_NODE_ID"));

            Assert.Equal("$HOME a  b c d $AZ_BATCH_NODE_ID\n", await ReadAsync(id, node, BatchClient.StartTaskStdOutPath));
        }

        [Fact]
        public async Task A_failing_command_is_retried_then_the_node_is_starttaskfailed_with_its_exit_code()
        {
            var startTask = TestPools.CommandLine("/bin/bash -c 'echo attempt >> \"$AZ_BATCH_NODE_SHARED_DIR/attempts\"; exit 7'");
            startTask.MaxTaskRetryCount = 2;

            var (id, node) = await RunAsync("fail", startTask, BatchNodeState.StartTaskFailed);
            var info = (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value.StartTaskInfo!;

            Assert.Equal((7, 2, "FailureExitCode"), (info.ExitCode!.Value, info.RetryCount, info.FailureInfo!.Code));
            Assert.Equal(3, (await ReadAsync(id, node, "shared/attempts")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }

        [Fact]
        public async Task A_program_that_does_not_exist_fails_with_CommandProgramNotFound_and_no_exit_code()
        {
            var (id, node) = await RunAsync("missing", TestPools.CommandLine("./setup.sh --now"), BatchNodeState.StartTaskFailed);
            var info = (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value.StartTaskInfo!;

            Assert.Equal("CommandProgramNotFound", info.FailureInfo!.Code);
            Assert.Null(info.ExitCode);
            Assert.Equal(BatchTaskExecutionResult.Failure, info.Result);
        }

        [Fact]
        public async Task Without_waitForSuccess_the_node_is_idle_while_the_command_runs_and_after_it_fails()
        {
            var (id, node) = await RunAsync("nowait",
                TestPools.CommandLine("/bin/bash -c 'while [ ! -f \"$AZ_BATCH_NODE_SHARED_DIR/go\" ]; do sleep 0.05; done; exit 3'", waitForSuccess: false),
                BatchNodeState.Idle, complete: false);
            var running = (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value;
            // The node reports its start task running as soon as it is started; its folders appear as the process launches.
            var shared = Path.Combine(_fixture.NodesDirectory, id, node, "shared");
            for (var waited = 0; !Directory.Exists(shared) && waited < 200; waited++) await Task.Delay(50, Cancel);
            await File.WriteAllTextAsync(Path.Combine(shared, "go"), "", Cancel);
            var done = await Poll.UntilAsync(() => NodeAsync(id, node), n => n.StartTaskInfo?.State == BatchStartTaskState.Completed, "the start task to end", Cancel);

            Assert.Equal((BatchNodeState.Idle, BatchStartTaskState.Running), (running.State, running.StartTaskInfo!.State));
            Assert.Equal((BatchNodeState.Idle, 3), (done.State, done.StartTaskInfo!.ExitCode!.Value));
        }

        [Fact]
        public async Task A_reboot_keeps_the_nodes_disk_and_a_reimage_starts_it_fresh()
        {
            var (id, node) = await RunAsync("disk", TestPools.CommandLine("/bin/bash -c 'echo boot >> \"$AZ_BATCH_NODE_SHARED_DIR/boots\"'"));

            await Client.RebootNodeAsync(id, node, cancellationToken: Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(300));
            await Poll.UntilAsync(() => NodeAsync(id, node), n => n.State == BatchNodeState.Idle, "the reboot", Cancel);
            var afterReboot = await ReadAsync(id, node, "shared/boots");
            await Client.ReimageNodeAsync(id, node, cancellationToken: Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Poll.UntilAsync(() => NodeAsync(id, node), n => n.State == BatchNodeState.Idle, "the reimage", Cancel);
            var afterReimage = await ReadAsync(id, node, "shared/boots");

            Assert.Equal("boot\nboot\n", afterReboot);
            Assert.Equal("boot\n", afterReimage);
        }

        [Fact]
        public async Task Nothing_is_written_outside_the_nodes_sandbox()
        {
            var marker = "chpc-escape-" + Guid.NewGuid().ToString("N");
            var outside = new[]
            {
                "/tmp/" + marker, "/var/tmp/" + marker, "/dev/shm/" + marker, "/run/lock/" + marker, "/root/" + marker, "/etc/" + marker,
                "/usr/local/bin/" + marker,
                Path.Combine(RepositoryRoot.Path, marker), Path.Combine(_fixture.NodesDirectory, marker), Path.Combine(AppContext.BaseDirectory, marker),
            };
            // The script tries every place it can think of, including its pool's folder and the other node's.
            var attempts = string.Join("; ", outside.Select(p => $"echo x > {p} 2>/dev/null").Concat([
                $"echo x > \"$AZ_BATCH_NODE_ROOT_DIR/../{marker}\" 2>/dev/null",
                $"for d in \"$AZ_BATCH_NODE_ROOT_DIR\"/../*/shared; do echo x > \"$d/{marker}\" 2>/dev/null; done",
                $"echo x > \"$HOME/{marker}\"", $"echo x > \"$AZ_BATCH_NODE_SHARED_DIR/{marker}\"", "true",
            ]));
            var startTask = TestPools.CommandLine("/bin/bash -c '" + attempts + "'");

            var id = TestPools.UniqueId("escape");
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 2, startTask), Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            var nodes = await TestPools.WaitForNodesAsync(Client, id, n => n.State == BatchNodeState.Idle, Cancel);

            Assert.All(outside, p => Assert.False(File.Exists(p), p + " was written"));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(_fixture.NodesDirectory, id), marker));
            foreach (var node in nodes)
            {
                var root = Path.Combine(_fixture.NodesDirectory, id, node.Id!);
                Assert.True(File.Exists(Path.Combine(root, "shared", marker)));
                Assert.True(File.Exists(Path.Combine(root, "volatile", "home", marker)));
                // The node's /tmp and /usr/local/bin are its own folders: the writes there landed in the sandbox.
                Assert.True(File.Exists(Path.Combine(root, "volatile", "tmp", marker)));
                Assert.True(File.Exists(Path.Combine(root, "volatile", "usr", "local", "bin", marker)));
                // Its neighbour's shared folder was not writable to it.
                var other = nodes.Single(n => n.Id != node.Id).Id!;
                Assert.Single(Directory.EnumerateFiles(Path.Combine(_fixture.NodesDirectory, id, other, "shared"), marker));
            }
            // And no file anywhere on this machine belongs to the nodes' users outside the nodes folder.
            var strays = await FilesOwnedByAsync(_fixture.UidBase, _fixture.UidBase + 999);
            Assert.DoesNotContain(strays, f => !f.StartsWith(_fixture.NodesDirectory + "/", StringComparison.Ordinal));
        }

        private async Task<(string PoolId, string NodeId)> RunAsync(string prefix, BatchStartTask startTask, BatchNodeState? expect = null, bool complete = true)
        {
            var id = TestPools.UniqueId(prefix);
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, startTask), Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            var want = expect ?? BatchNodeState.Idle;
            var nodes = await TestPools.WaitForNodesAsync(Client, id,
                n => n.State == want && (!complete || n.StartTaskInfo?.State == BatchStartTaskState.Completed), Cancel);
            return (id, nodes.Single().Id!);
        }

        private async Task<BatchNode> NodeAsync(string id, string node) => (await Client.GetNodeAsync(id, node, cancellationToken: Cancel)).Value;

        private async Task<string> ReadAsync(string id, string node, string path) =>
            (await Client.GetNodeFileAsync(id, node, path, cancellationToken: Cancel)).Value.ToString();

        private static async Task<List<string>> FilesOwnedByAsync(int firstUid, int lastUid)
        {
            var start = new ProcessStartInfo("find") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "/", "/dev/shm", "/run", "-xdev", "(", "-path", "/proc", "-o", "-path", "/sys", ")", "-prune", "-o",
                         "(", "-uid", "+" + (firstUid - 1), "-uid", "-" + (lastUid + 1), ")", "-print" })
            {
                start.ArgumentList.Add(argument);
            }
            using var find = Process.Start(start)!;
            var output = await find.StandardOutput.ReadToEndAsync(Cancel);
            await find.WaitForExitAsync(Cancel);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
    }
}
