using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// The behaviours ../shared/batch-recordings/INDEX.md lists as observed of the live service, one test each, named
    /// after its observation and following the recording it cites, over raw signed requests so that the bytes are the
    /// emulator's own. Observation 3 holds in its 2017-05 form, observation 6 in the 2025 recordings' form, and of
    /// observation 12 the Zonal echo (the 2016 property names belong to retired versions).
    /// </summary>
    public sealed class ObservationTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;

        public ObservationTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        /// <summary>js-batch-rest-autoscale_operations.jsonl: evaluate of <c>$something_useless</c>, 200.</summary>
        [Fact]
        public async Task Observation_1_evaluate_answers_200_even_for_a_formula_that_fails()
        {
            var id = await AutoScalePoolAsync("obs1", "$TargetDedicatedNodes=2");

            var answer = await SendAsync(HttpMethod.Post, $"pools/{id}/evaluateautoscale", """{"autoScaleFormula":"$something_useless"}""");
            var error = answer.Json!["error"]!;

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("AutoScalingFormulaEvaluationError", (string?)error["code"]);
            Assert.Equal("The specified auto-scaling formula has evaluation error", (string?)error["message"]);
            Assert.Equal("""[{"name":"Message","value":"Line 1, Col 1: Undefined symbol: $something_useless"}]""", error["values"]!.ToJsonString());
        }

        /// <summary>js-batch-rest-autoscale_operations.jsonl: the failed run's results are the pool's existing values.</summary>
        [Fact]
        public async Task Observation_2_a_failed_evaluation_carries_the_pools_existing_values()
        {
            var id = await AutoScalePoolAsync("obs2", "$TargetDedicatedNodes=2");

            var answer = await SendAsync(HttpMethod.Post, $"pools/{id}/evaluateautoscale", """{"autoScaleFormula":"$something_useless"}""");

            Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", (string?)answer.Json!["results"]);
        }

        /// <summary>azure-cli-test_batch_pools_and_nodes.jsonl (2017-05-01.5.0 on): both targets, in order, no spaces.</summary>
        [Fact]
        public async Task Observation_3_results_name_both_targets_in_order_without_spaces()
        {
            var id = await AutoScalePoolAsync("obs3", "$TargetDedicatedNodes=0");

            var answer = await SendAsync(HttpMethod.Post, $"pools/{id}/evaluateautoscale", """{"autoScaleFormula":"$TargetLowPriorityNodes=3"}""");

            Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=3;$NodeDeallocationOption=requeue", (string?)answer.Json!["results"]);
        }

        /// <summary>net-assets-BatchPoolIntegrationTests-AutoScale.jsonl (2025-06-01): the legacy name, spaces and a trailing ';'.</summary>
        [Fact]
        public async Task Observation_4_the_legacy_TargetDedicated_is_accepted_and_reported_by_its_new_name()
        {
            var id = await AutoScalePoolAsync("obs4", "$TargetDedicated = 0;");

            var pool = await SendAsync(HttpMethod.Get, $"pools/{id}");
            var run = await SendAsync(HttpMethod.Post, $"pools/{id}/evaluateautoscale", """{"autoScaleFormula":"$TargetDedicated = 1;"}""");

            Assert.Equal("$TargetDedicated = 0;", (string?)pool.Json!["autoScaleFormula"]);
            Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", (string?)run.Json!["results"]);
        }

        /// <summary>python-assets-test_batch_scale_pools-sync.jsonl (PT06M00S), python-sdk-test_batch_scale_pools-vcr.jsonl: 200, no body, a new ETag.</summary>
        [Fact]
        public async Task Observation_5_enable_is_200_empty_with_a_new_etag_and_the_interval_as_stored()
        {
            var intervals = new Dictionary<string, string?> { ["PT06M00S"] = "PT6M", ["PT7M"] = "PT7M", ["PT8M"] = "PT8M", ["PT10M"] = "PT10M", [""] = "PT15M" };

            foreach (var (sent, stored) in intervals)
            {
                var id = TestPools.UniqueId("obs5");
                await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);
                var before = await SendAsync(HttpMethod.Get, $"pools/{id}");
                var body = sent.Length == 0
                    ? """{"autoScaleFormula":"$TargetDedicatedNodes=2"}"""
                    : $$"""{"autoScaleFormula":"$TargetDedicatedNodes=2","autoScaleEvaluationInterval":"{{sent}}"}""";

                var enabled = await SendAsync(HttpMethod.Post, $"pools/{id}/enableautoscale", body);
                var after = await SendAsync(HttpMethod.Get, $"pools/{id}");

                Assert.Equal((HttpStatusCode.OK, ""), (enabled.Status, enabled.Text));
                Assert.NotEqual(before.Headers["ETag"], enabled.Headers["ETag"]);
                Assert.Equal(enabled.Headers["ETag"], after.Headers["ETag"]);
                Assert.Equal(stored, (string?)after.Json!["autoScaleEvaluationInterval"]);
            }
        }

        /// <summary>
        /// net-assets-BatchPoolIntegrationTests-AutoScale.jsonl (2025-06-01): the first run is stamped at creation; after
        /// enabling again the target is the new formula's at once while the run is still the previous one.
        /// python-assets-test_batch_scale_pools-sync.jsonl (2025): no run right after a first enable. Disabled, the
        /// formula, interval and run leave the body.
        /// </summary>
        [Fact]
        public async Task Observation_6_the_first_run_is_stamped_at_creation_and_enable_moves_the_targets_before_the_run()
        {
            var id = await AutoScalePoolAsync("obs6", "$TargetDedicated = 0;");
            var created = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;
            _fixture.Clock.Advance(TimeSpan.FromSeconds(31));
            var plain = TestPools.UniqueId("obs6-plain");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(plain), Cancel);

            await SendAsync(HttpMethod.Post, $"pools/{id}/enableautoscale", """{"autoScaleFormula":"$TargetDedicated = 1;","autoScaleEvaluationInterval":"PT7M"}""");
            await SendAsync(HttpMethod.Post, $"pools/{plain}/enableautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes=2","autoScaleEvaluationInterval":"PT6M"}""");
            var reenabled = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;
            var firstEnabled = (await SendAsync(HttpMethod.Get, $"pools/{plain}")).Json!;
            await SendAsync(HttpMethod.Post, $"pools/{id}/disableautoscale", null);
            var disabled = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;

            Assert.Equal((string?)created["creationTime"], (string?)created["autoScaleRun"]!["timestamp"]);
            Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", (string?)created["autoScaleRun"]!["results"]);
            Assert.Equal(1, (int)reenabled["targetDedicatedNodes"]!);
            Assert.Equal(created["autoScaleRun"]!.ToJsonString(), reenabled["autoScaleRun"]!.ToJsonString());
            Assert.True((bool)firstEnabled["enableAutoScale"]!);
            Assert.Equal("$TargetDedicatedNodes=2", (string?)firstEnabled["autoScaleFormula"]);
            Assert.False(firstEnabled.AsObject().ContainsKey("autoScaleRun"));
            Assert.False((bool)disabled["enableAutoScale"]!);
            Assert.False(disabled.AsObject().ContainsKey("autoScaleFormula"));
            Assert.False(disabled.AsObject().ContainsKey("autoScaleEvaluationInterval"));
            Assert.False(disabled.AsObject().ContainsKey("autoScaleRun"));
        }

        /// <summary>
        /// python-sdk-test_batch_scale_pools-vcr.jsonl: disabling autoscale during the formula's resize leaves the target
        /// and stops it (2017-09-01.6.0); a stopped resize to low-priority nodes reports the low-priority kind (2020-09-01.12.0).
        /// </summary>
        [Fact]
        public async Task Observation_7_disabling_autoscale_mid_resize_stops_it_with_ResizeStopped()
        {
            var id = await AutoScalePoolAsync("obs7", "$TargetDedicatedNodes=2");

            await SendAsync(HttpMethod.Post, $"pools/{id}/disableautoscale", null);
            var stopping = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;
            _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var steady = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;
            await SendAsync(HttpMethod.Post, $"pools/{id}/resize", """{"targetDedicatedNodes":0,"targetLowPriorityNodes":2}""");
            await SendAsync(HttpMethod.Post, $"pools/{id}/stopresize", null);
            _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var stoppedAgain = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;

            Assert.Equal(("stopping", 2), ((string?)stopping["allocationState"], (int)stopping["targetDedicatedNodes"]!));
            Assert.Equal(("steady", 2), ((string?)steady["allocationState"], (int)steady["targetDedicatedNodes"]!));
            Assert.Equal("""[{"code":"ResizeStopped","message":"Desired number of dedicated nodes could not be allocated due to a stop resize operation"}]""",
                WithoutEmptyValues(steady["resizeErrors"]!));
            Assert.Equal("steady", (string?)stoppedAgain["allocationState"]);
            Assert.Equal("""[{"code":"ResizeStopped","message":"Desired number of low priority nodes could not be allocated due to a stop resize operation"}]""",
                WithoutEmptyValues(stoppedAgain["resizeErrors"]!));
        }

        /// <summary>
        /// node-sdk-batchservice-tests.jsonl and python-sdk-test_batch_scale_pools-vcr.jsonl: add 201, resize and stop resize
        /// 202, disable autoscale 200, delete 202, all without a body; HEAD of a missing pool 404 without a body.
        /// </summary>
        [Fact]
        public async Task Observation_8_the_pool_actions_answer_with_their_statuses_and_no_body()
        {
            var id = TestPools.UniqueId("obs8");
            var create = JsonSerializer.Serialize(TestPools.Create(id), ClusterlessHpc.Batch.BatchJsonContext.Default.BatchPoolCreateOptions);

            var added = await SendAsync(HttpMethod.Post, "pools", create);
            var resized = await SendAsync(HttpMethod.Post, $"pools/{id}/resize", """{"targetDedicatedNodes":1}""");
            var stopped = await SendAsync(HttpMethod.Post, $"pools/{id}/stopresize", null);
            _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await SendAsync(HttpMethod.Post, $"pools/{id}/enableautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes=0"}""");
            var disabled = await SendAsync(HttpMethod.Post, $"pools/{id}/disableautoscale", null);
            var deleted = await SendAsync(HttpMethod.Delete, $"pools/{id}", null);
            var missing = await SendAsync(HttpMethod.Head, $"pools/{TestPools.UniqueId("obs8-missing")}", null);

            Assert.Equal((HttpStatusCode.Created, ""), (added.Status, added.Text));
            Assert.True(added.Headers.ContainsKey("ETag"));
            Assert.EndsWith("/pools/" + id, added.Headers["DataServiceId"], StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.Accepted, ""), (resized.Status, resized.Text));
            Assert.Equal((HttpStatusCode.Accepted, ""), (stopped.Status, stopped.Text));
            Assert.Equal((HttpStatusCode.OK, ""), (disabled.Status, disabled.Text));
            Assert.Equal((HttpStatusCode.Accepted, ""), (deleted.Status, deleted.Text));
            Assert.Equal((HttpStatusCode.NotFound, ""), (missing.Status, missing.Text));
        }

        /// <summary>java-assets-BatchErrorTests-testResizeErrorCases.jsonl: resize {} of a missing pool is 400, with a body 404.</summary>
        [Fact]
        public async Task Observation_9_the_body_is_validated_before_the_pool_is_looked_up()
        {
            var missing = TestPools.UniqueId("obs9");

            var empty = await SendAsync(HttpMethod.Post, $"pools/{missing}/resize", "{}");
            var withBody = await SendAsync(HttpMethod.Post, $"pools/{missing}/resize", """{"targetDedicatedNodes":1}""");
            // The same order for the other actions' bodies.
            var interval = await SendAsync(HttpMethod.Post, $"pools/{missing}/enableautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes=1","autoScaleEvaluationInterval":"PT1M"}""");
            var syntax = await SendAsync(HttpMethod.Post, $"pools/{missing}/evaluateautoscale", """{"autoScaleFormula":"$TargetDedicatedNodes = (1;"}""");
            var noNodes = await SendAsync(HttpMethod.Post, $"pools/{missing}/removenodes", "{}");
            var badPatch = await SendAsync(HttpMethod.Patch, $"pools/{missing}", """{"metadata":"not a list"}""");

            Assert.Equal((HttpStatusCode.BadRequest, "MissingRequiredProperty"), (empty.Status, (string?)empty.Json!["code"]));
            Assert.Equal("""[{"key":"PropertyName","value":"targetDedicatedNodes and/or targetLowPriorityNodes"}]""", empty.Json["values"]!.ToJsonString());
            Assert.Equal((HttpStatusCode.NotFound, "PoolNotFound"), (withBody.Status, (string?)withBody.Json!["code"]));
            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (interval.Status, (string?)interval.Json!["code"]));
            Assert.Equal((HttpStatusCode.BadRequest, "AutoScalingFormulaSyntaxError"), (syntax.Status, (string?)syntax.Json!["code"]));
            Assert.Equal((HttpStatusCode.BadRequest, "MissingRequiredProperty"), (noNodes.Status, (string?)noNodes.Json!["code"]));
            Assert.Equal(HttpStatusCode.BadRequest, badPatch.Status);
        }

        /// <summary>node-sdk-batchservice-tests.jsonl: the envelope of every error, 404 PoolNotFound without values.</summary>
        [Fact]
        public async Task Observation_10_errors_have_the_services_envelope()
        {
            var missing = TestPools.UniqueId("obs10");

            var answer = await SendAsync(HttpMethod.Get, $"pools/{missing}");
            var invalid = await SendAsync(HttpMethod.Get, "pools?maxresults=-5");
            var message = answer.Json!["message"]!;

            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal(["odata.metadata", "code", "message"], answer.Json.AsObject().Select(p => p.Key));
            Assert.Equal(_fixture.Emulator.Endpoint + "$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element", (string?)answer.Json["odata.metadata"]);
            Assert.Equal("PoolNotFound", (string?)answer.Json["code"]);
            Assert.Equal(["lang", "value"], message.AsObject().Select(p => p.Key));
            Assert.Equal("en-US", (string?)message["lang"]);
            Assert.Matches(@"^The specified pool does not exist\.\nRequestId:" + answer.Headers["request-id"] + @"\nTime:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", (string?)message["value"]);
            Assert.Equal("application/json;odata=minimalmetadata", answer.Headers["Content-Type"]);
            Assert.Equal(["odata.metadata", "code", "message", "values"], invalid.Json!.AsObject().Select(p => p.Key));
            Assert.All(invalid.Json["values"]!.AsArray(), v => Assert.Equal(["key", "value"], v!.AsObject().Select(p => p.Key)));
        }

        /// <summary>
        /// azure-cli-test_batch_pools_and_nodes.jsonl (2020): a PATCH with a partial start task replaces the whole start task;
        /// js-batch-rest-pool_operations.jsonl: after a metadata PATCH, the pool has exactly the metadata sent.
        /// </summary>
        [Fact]
        public async Task Observation_11_a_partial_start_task_patch_replaces_the_whole_start_task()
        {
            var id = TestPools.UniqueId("obs11");
            var pool = TestPools.Create(id);
            pool.StartTask = new BatchStartTask
            {
                CommandLine = "cmd /c echo test",
                UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Task, ElevationLevel = ElevationLevel.Admin } },
                MaxTaskRetryCount = 2,
                WaitForSuccess = false,
            };
            pool.Metadata = [new BatchMetadataItem { Name = "old", Value = "1" }];
            await _fixture.Client.CreatePoolAsync(pool, Cancel);

            await SendAsync(HttpMethod.Patch, $"pools/{id}", """{"startTask":{"commandLine":"new_value"}}""");
            await SendAsync(HttpMethod.Patch, $"pools/{id}", """{"metadata":[{"name":"foo","value":"bar"}]}""");
            var after = (await SendAsync(HttpMethod.Get, $"pools/{id}?$select=startTask,metadata")).Json!;

            Assert.Equal("""{"commandLine":"new_value","userIdentity":{"autoUser":{"scope":"pool","elevationLevel":"nonadmin"}},"maxTaskRetryCount":0,"waitForSuccess":true}""",
                after["startTask"]!.ToJsonString());
            Assert.Equal("""[{"name":"foo","value":"bar"}]""", after["metadata"]!.ToJsonString());
        }

        /// <summary>powershell-TestAutoScaleActions-2024.jsonl: <c>nodePlacementConfiguration.policy: "zonal"</c> is echoed as <c>"Zonal"</c>.</summary>
        [Fact]
        public async Task Observation_12_a_zonal_placement_is_echoed_as_Zonal()
        {
            var id = TestPools.UniqueId("obs12");
            var body = JsonNode.Parse(JsonSerializer.Serialize(TestPools.Create(id), ClusterlessHpc.Batch.BatchJsonContext.Default.BatchPoolCreateOptions))!;
            body["virtualMachineConfiguration"]!["nodePlacementConfiguration"] = new JsonObject { ["policy"] = "zonal" };

            var added = await SendAsync(HttpMethod.Post, "pools", body.ToJsonString());
            var pool = (await SendAsync(HttpMethod.Get, $"pools/{id}")).Json!;

            Assert.Equal(HttpStatusCode.Created, added.Status);
            Assert.Equal("Zonal", (string?)pool["virtualMachineConfiguration"]!["nodePlacementConfiguration"]!["policy"]);
        }

        private sealed record Answer(HttpStatusCode Status, Dictionary<string, string> Headers, string Text)
        {
            public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);
        }

        private static string WithoutEmptyValues(JsonNode errors)
        {
            foreach (var error in errors.AsArray().OfType<JsonObject>())
            {
                if (error["values"] is JsonArray { Count: 0 }) error.Remove("values");
            }
            return errors.ToJsonString();
        }

        private async Task<string> AutoScalePoolAsync(string prefix, string formula)
        {
            var id = TestPools.UniqueId(prefix);
            var pool = TestPools.Create(id);
            pool.TargetDedicatedNodes = null;
            pool.EnableAutoScale = true;
            pool.AutoScaleFormula = formula;
            await _fixture.Client.CreatePoolAsync(pool, Cancel);
            return id;
        }

        private async Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? json = "")
        {
            var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            using var http = new HttpClient();
            using var content = json is null || (json.Length == 0 && method == HttpMethod.Get) || method == HttpMethod.Head ? null
                : new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, method, pathAndQuery + separator + "api-version=2024-07-01.20.0", Cancel, content);
            var headers = response.Headers.Concat(response.Content.Headers.NonValidated.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value)))
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new Answer(response.StatusCode, headers, await response.Content.ReadAsStringAsync(Cancel));
        }
    }
}
