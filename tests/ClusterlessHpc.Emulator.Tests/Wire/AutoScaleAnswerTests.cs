using System.Net;
using System.Text;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// Autoscale answers as the service gives them (docs/autoscale.md, "The service's answers"): a formula that parses
    /// but fails (an undefined symbol) is a 200 AutoScaleRun with the service's error and the pool's current values
    /// (js-batch-rest-autoscale_operations.jsonl, node-sdk-batchservice-tests.jsonl), the same error stands in the pool's
    /// autoScaleRun when a periodic evaluation fails, and a formula that does not parse is 400
    /// AutoScalingFormulaSyntaxError at add, enable and evaluate (ruled; not recorded). No CHPC id goes on the wire.
    /// </summary>
    public sealed class AutoScaleAnswerTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;

        public AutoScaleAnswerTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Theory]
        [InlineData("$something_useless")] // 2024-02-01.19.0 and 2025-06-01
        [InlineData("something_useless")] // 2015-12-01.2.2 to 2020-09-01.12.0
        public async Task Evaluating_an_undefined_symbol_is_200_with_the_services_error_and_the_pools_current_values(string formula)
        {
            var id = await AutoScalePoolAsync("undefined", "$TargetDedicatedNodes=2");

            var (status, text) = await SendAsync(HttpMethod.Post, $"pools/{id}/evaluateautoscale", JsonSerializer.Serialize(new { autoScaleFormula = formula }));
            using var body = JsonDocument.Parse(text);
            var run = body.RootElement;
            var error = run.GetProperty("error");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.EndsWith("$metadata#Microsoft.Azure.Batch.Protocol.Entities.AutoScaleRun", run.GetProperty("odata.metadata").GetString(), StringComparison.Ordinal);
            Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", run.GetProperty("results").GetString());
            Assert.Equal("AutoScalingFormulaEvaluationError", error.GetProperty("code").GetString());
            Assert.Equal("The specified auto-scaling formula has evaluation error", error.GetProperty("message").GetString());
            var value = Assert.Single(error.GetProperty("values").EnumerateArray());
            Assert.Equal(["name", "value"], value.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Message", value.GetProperty("name").GetString());
            Assert.Equal("Line 1, Col 1: Undefined symbol: " + formula, value.GetProperty("value").GetString());
            Assert.DoesNotContain("CHPC", text, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_error_is_where_the_symbol_is_and_the_client_reads_it()
        {
            var id = await AutoScalePoolAsync("where", "$TargetDedicatedNodes = 1;");

            var run = (await _fixture.Client.EvaluatePoolAutoScaleAsync(id,
                new BatchPoolEvaluateAutoScaleOptions { AutoScaleFormula = "$x = 1;\n$TargetDedicatedNodes = $x + $nothing;" }, Cancel)).Value;

            Assert.Equal("AutoScalingFormulaEvaluationError", run.Error!.Code);
            Assert.Equal("Line 2, Col 30: Undefined symbol: $nothing", run.Error.Values!.Single().Value);
            Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", run.Results);
        }

        [Fact]
        public async Task A_formula_that_does_not_parse_is_400_AutoScalingFormulaSyntaxError_at_add_enable_and_evaluate()
        {
            const string broken = "$TargetDedicatedNodes = (1;";
            var scaled = await AutoScalePoolAsync("syntax", "$TargetDedicatedNodes = 0;");
            var plain = TestPools.UniqueId("syntax-plain");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(plain), Cancel);
            var bad = AutoScalePool(TestPools.UniqueId("syntax-add"), broken);

            var answers = new[]
            {
                await SendAsync(HttpMethod.Post, "pools", JsonSerializer.Serialize(new { id = bad.Id, vmSize = bad.VmSize, enableAutoScale = true, autoScaleFormula = broken,
                    virtualMachineConfiguration = new { imageReference = new { publisher = "Canonical", offer = "ubuntu-24_04-lts", sku = "server" }, nodeAgentSKUId = "batch.node.ubuntu 24.04" } })),
                await SendAsync(HttpMethod.Post, $"pools/{plain}/enableautoscale", JsonSerializer.Serialize(new { autoScaleFormula = broken })),
                await SendAsync(HttpMethod.Post, $"pools/{scaled}/evaluateautoscale", JsonSerializer.Serialize(new { autoScaleFormula = broken })),
            };

            foreach (var (status, text) in answers)
            {
                using var body = JsonDocument.Parse(text);
                Assert.Equal(HttpStatusCode.BadRequest, status);
                Assert.Equal("AutoScalingFormulaSyntaxError", body.RootElement.GetProperty("code").GetString());
                var value = Assert.Single(body.RootElement.GetProperty("values").EnumerateArray());
                Assert.Equal("Message", value.GetProperty("key").GetString());
                Assert.StartsWith("Line 1, Col 27: ", value.GetProperty("value").GetString(), StringComparison.Ordinal);
                Assert.DoesNotContain("CHPC", text, StringComparison.Ordinal);
            }
            Assert.False((await _fixture.Client.PoolExistsAsync(bad.Id, cancellationToken: Cancel)).Value);
        }

        [Fact]
        public async Task A_pool_created_with_an_undefined_symbol_is_created_and_its_run_stamped_at_creation_holds_the_error()
        {
            var id = TestPools.UniqueId("add-undefined");

            var created = await _fixture.Client.CreatePoolAsync(AutoScalePool(id, "$TargetDedicatedNodes = $nothing;"), Cancel);
            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            Assert.Equal(201, created.Status);
            Assert.Equal(pool.CreationTime, pool.AutoScaleRun!.Timestamp);
            Assert.Equal("AutoScalingFormulaEvaluationError", pool.AutoScaleRun.Error!.Code);
            Assert.Equal("Line 1, Col 25: Undefined symbol: $nothing", pool.AutoScaleRun.Error.Values!.Single().Value);
            Assert.Equal((0, 0), (pool.TargetDedicatedNodes, pool.TargetLowPriorityNodes));
        }

        [Fact]
        public async Task A_periodic_evaluation_that_fails_puts_the_same_error_in_the_pools_autoScaleRun_and_leaves_the_targets()
        {
            var id = await AutoScalePoolAsync("periodic", "$TargetDedicatedNodes = 1;");
            _fixture.Clock.Advance(TimeSpan.FromSeconds(31));
            await _fixture.Client.EnablePoolAutoScaleAsync(id, new BatchPoolEnableAutoScaleOptions
            {
                AutoScaleFormula = "$TargetDedicatedNodes = $something_useless;",
                AutoScaleEvaluationInterval = TimeSpan.FromMinutes(5),
            }, cancellationToken: Cancel);
            var enabled = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            _fixture.Clock.Advance(TimeSpan.FromMinutes(5));

            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            Assert.Null(enabled.AutoScaleRun!.Error);
            Assert.Equal(1, pool.TargetDedicatedNodes);
            Assert.Equal(enabled.LastModified + TimeSpan.FromMinutes(5), pool.AutoScaleRun!.Timestamp);
            Assert.Equal("AutoScalingFormulaEvaluationError", pool.AutoScaleRun.Error!.Code);
            Assert.Equal("The specified auto-scaling formula has evaluation error", pool.AutoScaleRun.Error.Message);
            Assert.Equal("Line 1, Col 25: Undefined symbol: $something_useless", pool.AutoScaleRun.Error.Values!.Single().Value);
            Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", pool.AutoScaleRun.Results);
        }

        private async Task<string> AutoScalePoolAsync(string prefix, string formula)
        {
            var id = TestPools.UniqueId(prefix);
            await _fixture.Client.CreatePoolAsync(AutoScalePool(id, formula), Cancel);
            return id;
        }

        private static BatchPoolCreateOptions AutoScalePool(string id, string formula)
        {
            var pool = TestPools.Create(id);
            pool.TargetDedicatedNodes = null;
            pool.EnableAutoScale = true;
            pool.AutoScaleFormula = formula;
            return pool;
        }

        private async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpMethod method, string path, string json)
        {
            using var http = new HttpClient();
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await SignedRequests.SendAsync(http, _fixture.Emulator, method, path + "?api-version=2024-07-01.20.0", Cancel, content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
        }
    }
}
