using System.Net;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>Answers the emulator gives as the recordings in ../shared/batch-recordings show the service giving them.</summary>
    public sealed class RecordedAnswersTests : IClassFixture<ManualClockEmulatorFixture>
    {
        private readonly ManualClockEmulatorFixture _fixture;

        public RecordedAnswersTests(ManualClockEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
        {
            using var http = new HttpClient();
            return await SignedRequests.SendAsync(http, _fixture.Emulator, method, path + "?api-version=2024-07-01.20.0", Cancel);
        }

        [Fact]
        public async Task A_head_that_fails_has_no_body_and_no_content_type()
        {
            // xplat-cli-cli-batch-file-tests.jsonl: a HEAD of a file that is not there, 404 with neither.
            using var response = await SendAsync(HttpMethod.Head, $"pools/{TestPools.UniqueId("nowhere")}/nodes/tvm-1/files/startup/stdout.txt");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentType);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
        }

        [Fact]
        public async Task The_preparation_and_release_status_of_a_job_without_either_is_the_services_conflict()
        {
            var id = TestPools.UniqueId("prep");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            await _fixture.Client.CreateJobAsync(new BatchJobCreateOptions { Id = id, PoolInfo = new BatchPoolInfo { PoolId = id } }, Cancel);

            using var status = await SendAsync(HttpMethod.Get, $"jobs/{id}/jobpreparationandreleasetaskstatus");
            using var missing = await SendAsync(HttpMethod.Get, $"jobs/{TestPools.UniqueId("none")}/jobpreparationandreleasetaskstatus");

            // node-sdk-batchservice-tests.jsonl: 409, and the message as the service words it.
            Assert.Equal(HttpStatusCode.Conflict, status.StatusCode);
            var error = JsonNode.Parse(await status.Content.ReadAsStringAsync(Cancel))!;
            Assert.Equal("JobPreparationTaskOrReleaseTaskNotSpecified", error["code"]!.GetValue<string>());
            Assert.StartsWith("The specified job does not have either job preparation task or job release task.\nRequestId:", error["message"]!["value"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("JobNotFound", JsonNode.Parse(await missing.Content.ReadAsStringAsync(Cancel))!["code"]!.GetValue<string>());
        }
    }
}
