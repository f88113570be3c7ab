using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// In Execute mode a node's files are a folder on disk, read by the emulator with its own rights: no form of path
    /// (<c>..</c> encoded or not, absolute, through a link the start task made) reaches a file outside the node's
    /// folder, for GET, HEAD or DELETE. Each is refused with the front end's 400 (xplat-cli-cli-batch-file-tests.jsonl).
    /// </summary>
    public sealed class ExecutedNodeFilePathTests : IClassFixture<ExecuteEmulatorFixture>
    {
        private const string Secret = "secret-beside-the-nodes.txt";
        private const string Content = "not for the node's API";

        private readonly ExecuteEmulatorFixture _fixture;

        public ExecutedNodeFilePathTests(ExecuteEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        /// <summary>Ways to name {nodes}/secret from a node at {nodes}/{pool}/{node}; {abs} is the secret's absolute path, encoded.</summary>
        public static readonly TheoryData<string> EscapingPaths =
        [
            "../../" + Secret,
            "startup/../../../" + Secret,
            "..%2F..%2F" + Secret,
            "startup%2F..%2F..%2F..%2F" + Secret,
            "%2E%2E/%2E%2E/" + Secret,
            "%2E%2E%2F%2E%2E%2F" + Secret,
            "startup%5C..%5C..%5C..%5C" + Secret,
            "{abs}",
            "startup/wd/out/" + Secret,
            "startup%2Fwd%2Fout%2F" + Secret,
            "startup/wd/secret-link",
            "startup/wd/out",
        ];

        [Theory]
        [MemberData(nameof(EscapingPaths))]
        public async Task No_path_reaches_a_file_outside_the_nodes_folder(string form)
        {
            var secret = Path.Combine(_fixture.NodesDirectory, Secret);
            await File.WriteAllTextAsync(secret, Content, Cancel);
            var (id, node) = await RunAsync($"/bin/bash -c 'ln -s {_fixture.NodesDirectory} out; ln -s {secret} secret-link; echo ok > mine.txt'");
            var path = form.Replace("{abs}", Uri.EscapeDataString(secret), StringComparison.Ordinal);

            foreach (var method in new[] { "GET", "HEAD", "DELETE" })
            {
                var answer = await RawRequests.SendAsync(_fixture.Emulator, method, $"/pools/{id}/nodes/{node}/files/{path}", Cancel);

                Assert.True(answer.Status == 400, $"{method} {path}: {answer.Status} {answer.Body}");
                Assert.DoesNotContain(Content, answer.Body, StringComparison.Ordinal);
            }
            Assert.Equal(Content, await File.ReadAllTextAsync(secret, Cancel));
            Assert.True(Directory.Exists(Path.Combine(_fixture.NodesDirectory, id, node, "startup", "wd", "out")) ||
                        File.Exists(Path.Combine(_fixture.NodesDirectory, id, node, "startup", "wd", "out")));
        }

        [Fact]
        public async Task Inside_the_folder_an_encoded_slash_reads_and_deletes_the_file()
        {
            var (id, node) = await RunAsync("/bin/bash -c 'echo ok > mine.txt'");

            var read = await RawRequests.SendAsync(_fixture.Emulator, "GET", $"/pools/{id}/nodes/{node}/files/startup%2Fwd%2Fmine.txt", Cancel);
            var deleted = await RawRequests.SendAsync(_fixture.Emulator, "DELETE", $"/pools/{id}/nodes/{node}/files/startup%2Fwd%2Fmine.txt", Cancel);

            Assert.Equal((200, "ok\n"), (read.Status, read.Body));
            Assert.Equal(200, deleted.Status);
            Assert.False(File.Exists(Path.Combine(_fixture.NodesDirectory, id, node, "startup", "wd", "mine.txt")));
        }

        private async Task<(string PoolId, string NodeId)> RunAsync(string commandLine)
        {
            var id = TestPools.UniqueId("paths");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine(commandLine)), Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            var nodes = await TestPools.WaitForNodesAsync(_fixture.Client, id,
                n => n.State == BatchNodeState.Idle && n.StartTaskInfo?.State == BatchStartTaskState.Completed, Cancel);
            return (id, nodes.Single().Id!);
        }
    }
}
