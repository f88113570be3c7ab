using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>A task's resource files are checked when it is added, by the rule a pool's start task's are checked by.</summary>
    public sealed class TaskResourceFileTests : IClassFixture<ManualClockEmulatorFixture>
    {
        private readonly ManualClockEmulatorFixture _fixture;

        public TaskResourceFileTests(ManualClockEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private async Task<string> JobAsync()
        {
            var id = TestPools.UniqueId("files");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            await _fixture.Client.CreateJobAsync(new BatchJobCreateOptions { Id = id, PoolInfo = new BatchPoolInfo { PoolId = id } }, Cancel);
            return id;
        }

        private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path, string body)
        {
            using var http = new HttpClient();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, HttpMethod.Post, path + "?api-version=2024-07-01.20.0", Cancel, content);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
        }

        private static string[] Values(JsonNode error) =>
            error["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>() + "=" + v["value"]!.GetValue<string>()).ToArray();

        [Fact]
        public async Task An_http_url_that_is_not_a_uri_is_refused_in_the_collections_result_as_the_service_refuses_it()
        {
            var job = await JobAsync();

            var (status, body) = await PostAsync($"jobs/{job}/addtaskcollection", """
                {"value":[{"id":"1","commandLine":"/bin/bash -c 'cat location'","resourceFiles":[{"httpUrl":"fake.url","filePath":"location"}]},
                          {"id":"2","commandLine":"/bin/true","resourceFiles":[{"httpUrl":"https://example.com/input.txt","filePath":"input.txt"}]}]}
                """);

            // batch-cli-ext-test_batch_extensions_live.jsonl, the add-task-collection of 2019-03-06: 200, the task refused.
            Assert.Equal(HttpStatusCode.OK, status);
            var results = body["value"]!.AsArray().ToDictionary(r => r!["taskId"]!.GetValue<string>(), r => r!);
            Assert.Equal(("ClientError", "InvalidPropertyValue"), (results["1"]["status"]!.GetValue<string>(), results["1"]["error"]!["code"]!.GetValue<string>()));
            Assert.Equal(["PropertyName=httpUrl", "PropertyValue=fake.url", "Reason=The specified HttpUrl is not a valid URI"], Values(results["1"]["error"]!));
            Assert.Equal("Success", results["2"]["status"]!.GetValue<string>());
        }

        [Fact]
        public async Task A_single_task_with_a_bad_resource_file_is_refused_with_400_and_nothing_is_added()
        {
            var job = await JobAsync();

            var (notUri, notUriBody) = await PostAsync($"jobs/{job}/tasks", """{"id":"a","commandLine":"/bin/true","resourceFiles":[{"httpUrl":"fake.url","filePath":"x"}]}""");
            var (climbs, climbsBody) = await PostAsync($"jobs/{job}/tasks", """{"id":"b","commandLine":"/bin/true","resourceFiles":[{"httpUrl":"https://example.com/x","filePath":"../x"}]}""");
            var (twoSources, twoSourcesBody) = await PostAsync($"jobs/{job}/tasks",
                """{"id":"c","commandLine":"/bin/true","resourceFiles":[{"httpUrl":"https://example.com/x","storageContainerUrl":"https://example.com/c","filePath":"x"}]}""");

            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (notUri, notUriBody["code"]!.GetValue<string>()));
            Assert.Contains("PropertyValue=fake.url", Values(notUriBody));
            Assert.Equal((HttpStatusCode.BadRequest, "PropertyName=filePath"), (climbs, Values(climbsBody)[0]));
            Assert.Equal((HttpStatusCode.BadRequest, "PropertyName=resourceFiles"), (twoSources, Values(twoSourcesBody)[0]));
            var tasks = new List<string>();
            await foreach (var task in _fixture.Client.GetTasksAsync(job, cancellationToken: Cancel)) tasks.Add(task.Id!);
            Assert.Empty(tasks);
        }
    }
}
