using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// Values the service writes otherwise than the specification or the request spelled them, as the recordings in
    /// ../shared/batch-recordings show (each assertion names its evidence); the emulator must answer the same.
    /// </summary>
    public sealed class ServiceSpellingTests : IClassFixture<ManualClockEmulatorFixture>
    {
        private const string ApiVersion = "api-version=2024-07-01.20.0";

        private readonly ManualClockEmulatorFixture _fixture;

        public ServiceSpellingTests(ManualClockEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? body = null)
        {
            using var http = new HttpClient();
            using var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, method, path + "?" + ApiVersion, Cancel, content);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.IsSuccessStatusCode, text);
            return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
        }

        [Fact]
        public async Task A_pool_comes_back_with_its_vm_size_in_lower_case_its_fill_type_capitalized_and_no_user_password()
        {
            var id = TestPools.UniqueId("spelling");
            await SendAsync(HttpMethod.Post, "pools", $$"""
                {"id":"{{id}}","vmSize":"STANDARD_D2S_V3",
                 "virtualMachineConfiguration":{"imageReference":{"publisher":"canonical","offer":"ubuntu-24_04-lts","sku":"server"},"nodeAgentSKUId":"batch.node.ubuntu 24.04"},
                 "targetDedicatedNodes":1,"taskSchedulingPolicy":{"nodeFillType":"pack"},
                 "userAccounts":[{"name":"task-user","password":"kind-of-secret","elevationLevel":"admin"}]}
                """);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(5));

            var pool = await SendAsync(HttpMethod.Get, "pools/" + id);
            var node = (await SendAsync(HttpMethod.Get, $"pools/{id}/nodes"))["value"]!.AsArray().Single()!;

            // "STANDARD_D1_V2" came back "standard_d1_v2" (batch-cli-ext-test_batch_extensions_live.jsonl), on its nodes too.
            Assert.Equal(("standard_d2s_v3", "standard_d2s_v3"), (pool["vmSize"]!.GetValue<string>(), node["vmSize"]!.GetValue<string>()));
            // "Pack" and "Spread", never the spec's lower case (every pool recorded, 2015-12-01.2.2 to 2025-06-01).
            Assert.Equal("Pack", pool["taskSchedulingPolicy"]!["nodeFillType"]!.GetValue<string>());
            // The account without its password property (python-assets-test_batch_scale_pools-sync.jsonl, 2024-07-01.20.0).
            var account = pool["userAccounts"]!.AsArray().Single()!.AsObject();
            Assert.Equal(("task-user", false), (account["name"]!.GetValue<string>(), account.ContainsKey("password")));
        }

        [Fact]
        public async Task Job_and_task_times_carry_no_trailing_zeros_and_a_whole_second_no_fraction()
        {
            var id = TestPools.UniqueId("times");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            await _fixture.Client.CreateJobAsync(new BatchJobCreateOptions { Id = id, PoolInfo = new BatchPoolInfo { PoolId = id } }, Cancel);
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await SendAsync(HttpMethod.Post, $"jobs/{id}/tasks", """{"id":"t1","commandLine":"/bin/true"}""");

            var job = await SendAsync(HttpMethod.Get, "jobs/" + id);
            var task = await SendAsync(HttpMethod.Get, $"jobs/{id}/tasks/t1");

            // The manual clock stands on whole seconds and quarter seconds: the service writes "...:00Z" and "...:00.25Z"
            // (0 of the recordings' ~8,500 times end in a zero digit of the fraction).
            var shape = new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$");
            foreach (var time in new[] { job["creationTime"], job["lastModified"], task["creationTime"], task["stateTransitionTime"] })
            {
                Assert.Matches(shape, time!.GetValue<string>());
            }
            Assert.Matches(@":\d\dZ$", job["creationTime"]!.GetValue<string>());
            Assert.EndsWith(".25Z", task["creationTime"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_task_the_collection_refuses_links_its_error_and_its_message_names_the_request()
        {
            var id = TestPools.UniqueId("refused");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
            await _fixture.Client.CreateJobAsync(new BatchJobCreateOptions { Id = id, PoolInfo = new BatchPoolInfo { PoolId = id } }, Cancel);
            await SendAsync(HttpMethod.Post, $"jobs/{id}/tasks", """{"id":"t1","commandLine":"/bin/true"}""");

            var result = (await SendAsync(HttpMethod.Post, $"jobs/{id}/addtaskcollection", """{"value":[{"id":"t1","commandLine":"/bin/true"}]}"""))["value"]!.AsArray().Single()!;

            // As batch-cli-ext-test_batch_extensions_live.jsonl's refused task: link, error, "ClientError", id.
            Assert.Equal(["error@odata.navigationLinkUrl", "error", "status", "taskId"], result.AsObject().Select(p => p.Key));
            Assert.Equal(new Uri(_fixture.Emulator.Endpoint, $"jobs/{id}/tasks/t1/error").ToString(), result["error@odata.navigationLinkUrl"]!.GetValue<string>());
            Assert.Equal(("ClientError", "TaskExists"), (result["status"]!.GetValue<string>(), result["error"]!["code"]!.GetValue<string>()));
            Assert.Matches(@"\nRequestId:[0-9a-f-]{36}\nTime:\d{4}-", result["error"]!["message"]!["value"]!.GetValue<string>());
        }
    }
}
