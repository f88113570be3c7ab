using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// Node file paths as the service reads them: an encoded <c>/</c> is a separator for GET, HEAD and DELETE, as
    /// Microsoft's SDKs send it (node-sdk-batchservice-tests.jsonl: <c>files/startup%2Fwd%2Fhello.txt</c>, 200), and a
    /// path that could leave the node's folder is refused as the service's front end refuses a bad URL
    /// (xplat-cli-cli-batch-file-tests.jsonl: 400 text/html "Bad Request - Invalid URL").
    /// </summary>
    public sealed class NodeFilePathTests : IClassFixture<DefaultEmulatorFixture>
    {
        /// <summary>Every form of a path out of the node's folder, as sent on the request line.</summary>
        public static readonly TheoryData<string> EscapingPaths =
        [
            "../../../../etc/hostname",
            "startup/../../../../../etc/hostname",
            "..%2F..%2F..%2F..%2Fetc%2Fhostname",
            "startup%2F..%2F..%2F..%2F..%2Fetc%2Fhostname",
            "%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/hostname",
            "%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fhostname",
            "startup%5C..%5C..%5C..%5Cetc%5Chostname",
            "%2Fetc%2Fhostname",
            "/etc/hostname",
            "C:%5CWindows%5Cwin.ini",
            "startup%2F.%2Fstdout.txt",
            "wd%09askOut.txt",
        ];

        private readonly DefaultEmulatorFixture _fixture;

        public NodeFilePathTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task An_encoded_slash_names_the_same_file_for_GET_HEAD_and_DELETE()
        {
            var (id, node) = await NodeAsync("slash");
            var files = $"/pools/{id}/nodes/{node}/files/";

            var plain = await RawRequests.SendAsync(_fixture.Emulator, "GET", files + "startup/stderr.txt", Cancel);
            var encoded = await RawRequests.SendAsync(_fixture.Emulator, "GET", files + "startup%2Fstderr.txt", Cancel);
            var windows = await RawRequests.SendAsync(_fixture.Emulator, "GET", files + "startup%5Cstderr.txt", Cancel);
            var head = await RawRequests.SendAsync(_fixture.Emulator, "HEAD", files + "startup%2Fstderr.txt", Cancel);
            var deleted = await RawRequests.SendAsync(_fixture.Emulator, "DELETE", files + "startup%2Fstderr.txt", Cancel);
            var after = await RawRequests.SendAsync(_fixture.Emulator, "GET", files + "startup/stderr.txt", Cancel);

            Assert.Equal(200, plain.Status);
            Assert.Contains("syntax error", plain.Body, StringComparison.Ordinal);
            Assert.Equal((200, plain.Body), (encoded.Status, encoded.Body));
            Assert.Equal((200, plain.Body), (windows.Status, windows.Body));
            Assert.Equal((200, plain.Headers["Content-Length"]), (head.Status, head.Headers["Content-Length"]));
            Assert.Equal((200, ""), (deleted.Status, deleted.Body));
            Assert.Equal(404, after.Status);
            Assert.Contains("\"FileNotFound\"", after.Body, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_encoded_percent_is_decoded_once_so_a_double_encoded_slash_is_no_separator()
        {
            var (id, node) = await NodeAsync("double");

            var answer = await RawRequests.SendAsync(_fixture.Emulator, "GET", $"/pools/{id}/nodes/{node}/files/startup%252Fstderr.txt", Cancel);

            Assert.Equal(404, answer.Status);
        }

        [Fact]
        public async Task The_client_deletes_files_and_a_directory_only_when_empty_or_recursive()
        {
            var (id, node) = await NodeAsync("delete");

            await _fixture.Client.DeleteNodeFileAsync(id, node, BatchClient.StartTaskStdOutPath, cancellationToken: Cancel);
            var notEmpty = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.DeleteNodeFileAsync(id, node, "startup", cancellationToken: Cancel));
            await _fixture.Client.DeleteNodeFileAsync(id, node, "startup", recursive: true, cancellationToken: Cancel);
            var missing = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.DeleteNodeFileAsync(id, node, "startup", cancellationToken: Cancel));
            var left = new List<string>();
            await foreach (var file in _fixture.Client.GetNodeFilesAsync(id, node, recursive: true, cancellationToken: Cancel)) left.Add(file.Name!);

            Assert.Equal(409, notEmpty.Status);
            Assert.Contains("recursive=true", notEmpty.Message, StringComparison.Ordinal);
            Assert.Equal((404, "FileNotFound"), (missing.Status, missing.ErrorCode));
            Assert.Equal(["shared"], left);
        }

        [Theory]
        [MemberData(nameof(EscapingPaths))]
        public async Task A_path_out_of_the_node_is_refused_for_GET_HEAD_and_DELETE(string path)
        {
            var (id, node) = await NodeAsync("escape");

            foreach (var method in new[] { "GET", "HEAD", "DELETE" })
            {
                var answer = await RawRequests.SendAsync(_fixture.Emulator, method, $"/pools/{id}/nodes/{node}/files/{path}", Cancel);

                Assert.True(answer.Status == 400, $"{method} {path}: {answer.Status} {answer.Body}");
                Assert.DoesNotContain("localhost", answer.Body, StringComparison.Ordinal);
            }
            // Nothing was deleted on the way.
            Assert.Equal(200, (await _fixture.Client.GetNodeFilePropertiesAsync(id, node, BatchClient.StartTaskStdErrPath, cancellationToken: Cancel)).GetRawResponse().Status);
        }

        [Fact]
        public async Task A_refused_path_gets_the_front_ends_page_not_a_Batch_body()
        {
            var (id, node) = await NodeAsync("page");

            var answer = await RawRequests.SendAsync(_fixture.Emulator, "GET", $"/pools/{id}/nodes/{node}/files/..%2Fsecret", Cancel);

            Assert.Equal(400, answer.Status);
            Assert.Equal("text/html; charset=us-ascii", answer.Headers["Content-Type"]);
            Assert.Contains("<h2>Bad Request - Invalid URL</h2>", answer.Body, StringComparison.Ordinal);
            Assert.False(answer.Headers.ContainsKey("request-id"));
        }

        private async Task<(string PoolId, string NodeId)> NodeAsync(string prefix)
        {
            var id = TestPools.UniqueId(prefix);
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/bash -c 'if then fi'")), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var nodes = await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State == BatchNodeState.StartTaskFailed, Cancel);
            return (id, nodes.Single().Id!);
        }
    }
}
