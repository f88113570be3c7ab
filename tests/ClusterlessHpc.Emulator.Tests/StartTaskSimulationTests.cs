using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>How simulated start tasks end: by the bash syntax check of their script, or by the test seam.</summary>
    public sealed class StartTaskSimulationTests : IClassFixture<ManualClockEmulatorFixture>
    {
        private static readonly TimeSpan UntilStartTaskEnds = Creating + Starting + StartTask;

        private readonly ManualClockEmulatorFixture _fixture;

        public StartTaskSimulationTests(ManualClockEmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task A_bash_syntax_error_in_the_command_line_fails_the_start_task_with_exit_code_2()
        {
            var id = TestPools.UniqueId("syntax");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/bash -c 'if then'")), Cancel);

            _fixture.Clock.Advance(UntilStartTaskEnds);
            var node = Assert.Single(await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State != BatchNodeState.WaitingForStartTask, Cancel));

            AssertFailed(node, exitCode: 2);
        }

        [Fact]
        public async Task A_valid_inline_script_ends_idle()
        {
            var id = TestPools.UniqueId("inline");
            var script = "#!/bin/bash\nset -euo pipefail\nfor p in a b; do\n  echo \"$p\"\ndone\n# " + id + "\n";
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.Inline(script)), Cancel);

            _fixture.Clock.Advance(UntilStartTaskEnds);
            var node = Assert.Single(await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State != BatchNodeState.WaitingForStartTask, Cancel));

            Assert.Equal(BatchNodeState.Idle, node.State);
            Assert.Equal(0, node.StartTaskInfo!.ExitCode);
            Assert.Equal(BatchTaskExecutionResult.Success, node.StartTaskInfo.Result);
        }

        [Fact]
        public async Task An_inline_script_with_a_syntax_error_ends_in_starttaskfailed()
        {
            var id = TestPools.UniqueId("inlinebad");
            var script = "#!/bin/bash\nif [ -d /tmp ]; then\n  echo missing fi\n# " + id + "\n";
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.Inline(script)), Cancel);

            _fixture.Clock.Advance(UntilStartTaskEnds);
            var node = Assert.Single(await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State != BatchNodeState.WaitingForStartTask, Cancel));

            AssertFailed(node, exitCode: 2);
        }

        [Fact]
        public async Task The_inline_script_is_checked_rather_than_the_command_line_that_unpacks_it()
        {
            // The command line alone is valid bash; only the script it carries is broken.
            var id = TestPools.UniqueId("inlinefirst");
            var startTask = TestPools.Inline("echo (\n");
            Assert.Equal(Provisioning.InlineScriptDelivery.CommandLine, startTask.CommandLine);
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, startTask), Cancel);

            _fixture.Clock.Advance(UntilStartTaskEnds);
            var node = Assert.Single(await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State != BatchNodeState.WaitingForStartTask, Cancel));

            AssertFailed(node, exitCode: 2);
        }

        [Fact]
        public async Task A_command_line_that_is_not_a_shell_is_assumed_to_succeed()
        {
            var id = TestPools.UniqueId("noshell");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/usr/bin/python3 -c 'if then'")), Cancel);

            _fixture.Clock.Advance(UntilStartTaskEnds);
            var node = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));

            Assert.Equal(BatchNodeState.Idle, node.State);
            Assert.Equal(0, node.StartTaskInfo!.ExitCode);
        }

        [Fact]
        public async Task The_exit_code_seam_fails_the_start_task_with_its_code()
        {
            var id = TestPools.UniqueId(SeamPoolPrefix.TrimEnd('-'));
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 2, TestPools.CommandLine("/bin/bash -c 'true'")), Cancel);

            var creating = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            _fixture.Clock.Advance(UntilStartTaskEnds);
            var nodes = await TestPools.NodesAsync(_fixture.Client, id, Cancel);

            Assert.All(creating, n => Assert.Equal(BatchNodeState.Creating, n.State));
            Assert.Equal(2, nodes.Count);
            Assert.All(nodes, n => AssertFailed(n, SeamExitCode));
        }

        [Fact]
        public async Task Without_waitForSuccess_a_failing_start_task_leaves_the_node_idle()
        {
            var id = TestPools.UniqueId(SeamPoolPrefix.TrimEnd('-'));
            await _fixture.Client.CreatePoolAsync(
                TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/bash -c 'true'", waitForSuccess: false)), Cancel);

            _fixture.Clock.Advance(Creating + Starting);
            var running = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));
            _fixture.Clock.Advance(StartTask);
            var ended = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));

            Assert.Equal(BatchNodeState.Idle, running.State);
            Assert.Equal(BatchStartTaskState.Running, running.StartTaskInfo!.State);
            Assert.Equal(BatchNodeState.Idle, ended.State);
            Assert.Equal(BatchStartTaskState.Completed, ended.StartTaskInfo!.State);
            Assert.Equal(SeamExitCode, ended.StartTaskInfo.ExitCode);
            Assert.Equal(BatchTaskExecutionResult.Failure, ended.StartTaskInfo.Result);
        }

        [Fact]
        public async Task A_command_line_with_an_unclosed_quote_fails_like_a_shell()
        {
            var id = TestPools.UniqueId("unclosed");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/bash -c 'echo hi")), Cancel);

            _fixture.Clock.Advance(UntilStartTaskEnds);
            var node = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));

            AssertFailed(node, exitCode: 2);
        }

        private static void AssertFailed(BatchNode node, int exitCode)
        {
            Assert.Equal(BatchNodeState.StartTaskFailed, node.State);
            var info = node.StartTaskInfo!;
            Assert.Equal(BatchStartTaskState.Completed, info.State);
            Assert.Equal(exitCode, info.ExitCode);
            Assert.Equal(0, info.RetryCount);
            Assert.Equal(BatchTaskExecutionResult.Failure, info.Result);
            Assert.NotNull(info.EndTime);
            Assert.Equal(info.EndTime, node.StateTransitionTime);
            Assert.Equal(BatchErrorSourceCategory.UserError, info.FailureInfo!.Category);
            Assert.Equal("FailureExitCode", info.FailureInfo.Code);
            Assert.Equal("The task exited with an exit code representing a failure", info.FailureInfo.Message);
        }
    }
}
