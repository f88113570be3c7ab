using System.Diagnostics;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Faults;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The client's retries against the emulator's seeded faults: 429, 500, 503 with Retry-After, resets and latency.</summary>
    public sealed class FaultInjectionTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Every_operation_succeeds_through_a_seeded_rate_of_throttling_errors_and_resets()
        {
            var faults = new FaultInjectionOptions { Seed = 42 };
            faults.Rules.Add(new FaultRule
            {
                TooManyRequestsRate = 0.15, InternalErrorRate = 0.1, ServerBusyRate = 0.1, ConnectionResetRate = 0.1,
                RetryAfter = TimeSpan.Zero,
            });
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Faults = faults });
            var options = ConfigurableEmulatorFixture.ClientOptions();
            options.Retry.MaxRetries = 12;
            var client = emulator.CreateClient(options);

            var ids = Enumerable.Range(0, 15).Select(i => TestPools.UniqueId("flaky" + i)).ToList();
            foreach (var id in ids) await client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);
            foreach (var id in ids) Assert.Equal(id, (await client.GetPoolAsync(id, Cancel)).Value.Id);
            var listed = new List<string>();
            await foreach (var pool in client.GetPoolsAsync(filter: "startswith(id,'flaky')", maxResults: 4, cancellationToken: Cancel)) listed.Add(pool.Id!);

            Assert.Equal(ids.Order(StringComparer.OrdinalIgnoreCase), listed);
            Assert.True(emulator.FaultsInjected > 10, $"only {emulator.FaultsInjected} faults");
        }

        [Theory]
        [InlineData(429)]
        [InlineData(503)]
        public async Task A_retry_waits_for_Retry_After_rather_than_the_clients_own_short_delay(int status)
        {
            var rule = new FaultRule { Method = "GET", Path = "/pools/*", MaxFaults = 1, RetryAfter = TimeSpan.FromSeconds(1) };
            if (status == 429) rule.TooManyRequestsRate = 1;
            else rule.ServerBusyRate = 1;
            var faults = new FaultInjectionOptions();
            faults.Rules.Add(rule);
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Faults = faults });
            var client = emulator.CreateClient(ConfigurableEmulatorFixture.ClientOptions());
            var id = TestPools.UniqueId("retry-after");
            await client.CreatePoolAsync(TestPools.Create(id), Cancel);

            var watch = Stopwatch.StartNew();
            var response = await client.GetPoolAsync(id, Cancel);
            watch.Stop();

            Assert.Equal(200, response.GetRawResponse().Status);
            Assert.Equal(1, emulator.FaultsInjected);
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {watch.Elapsed}");
        }

        [Fact]
        public async Task Without_retries_the_fault_reaches_the_caller_with_its_Batch_code_and_Retry_After()
        {
            var faults = new FaultInjectionOptions();
            faults.Rules.Add(new FaultRule { Method = "GET", Path = "/pools/**", ServerBusyRate = 1, RetryAfter = TimeSpan.FromSeconds(7) });
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Faults = faults });
            var options = new BatchClientOptions();
            options.Retry.MaxRetries = 0;
            var client = emulator.CreateClient(options);

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("any", Cancel));

            Assert.Equal((503, "ServerBusy"), (error.Status, error.ErrorCode));
            Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
            Assert.Equal("7", retryAfter);
        }

        [Fact]
        public async Task A_reset_connection_is_retried()
        {
            var faults = new FaultInjectionOptions();
            faults.Rules.Add(new FaultRule { Method = "POST", Path = "/pools", ConnectionResetRate = 1, MaxFaults = 2 });
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Faults = faults });
            var client = emulator.CreateClient(ConfigurableEmulatorFixture.ClientOptions());
            var id = TestPools.UniqueId("reset");

            var response = await client.CreatePoolAsync(TestPools.Create(id), Cancel);

            Assert.Equal(201, response.Status);
            Assert.Equal(2, emulator.FaultsInjected);
        }

        [Fact]
        public async Task Latency_delays_the_answer_without_failing_it()
        {
            var faults = new FaultInjectionOptions();
            faults.Rules.Add(new FaultRule { Path = "/pools", LatencyRate = 1, Latency = TimeSpan.FromMilliseconds(300) });
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Faults = faults });
            var client = emulator.CreateClient();

            var watch = Stopwatch.StartNew();
            await foreach (var _ in client.GetPoolsAsync(cancellationToken: Cancel))
            {
            }
            watch.Stop();

            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
            Assert.Equal(0, emulator.FaultsInjected);
        }

        [Fact]
        public async Task A_rule_matches_only_its_method_and_path_and_the_emulators_own_endpoints_are_never_faulted()
        {
            var faults = new FaultInjectionOptions();
            faults.Rules.Add(new FaultRule { Method = "DELETE", Path = "/pools/*", InternalErrorRate = 1 });
            faults.Rules.Add(new FaultRule { Path = "/_emulator/**", InternalErrorRate = 1 });
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { Faults = faults });
            var options = new BatchClientOptions();
            options.Retry.MaxRetries = 0;
            var client = emulator.CreateClient(options);
            var id = TestPools.UniqueId("scoped");

            await client.CreatePoolAsync(TestPools.Create(id), Cancel);
            await client.GetPoolAsync(id, Cancel);
            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.DeletePoolAsync(id, Cancel));
            emulator.SetAutoScaleMetrics(id, "{}");
            using var http = new HttpClient();
            using var put = await http.PutAsync(new Uri(emulator.Endpoint, $"_emulator/pools/{id}/autoscale-metrics"), new StringContent("{}"), Cancel);

            Assert.Equal((500, "InternalError"), (error.Status, error.ErrorCode));
            Assert.Equal(System.Net.HttpStatusCode.NoContent, put.StatusCode);
            Assert.Equal(1, emulator.FaultsInjected);
        }

        [Fact]
        public void Rates_outside_0_to_1_or_adding_up_past_1_are_refused()
        {
            var tooHigh = new FaultInjectionOptions();
            tooHigh.Rules.Add(new FaultRule { ServerBusyRate = 1.5 });
            var tooMany = new FaultInjectionOptions();
            tooMany.Rules.Add(new FaultRule { ServerBusyRate = 0.6, InternalErrorRate = 0.6 });

            Assert.Throws<ArgumentOutOfRangeException>(() => new BatchEmulatorOptions { Faults = tooHigh }.Validate());
            Assert.Throws<ArgumentException>(() => new BatchEmulatorOptions { Faults = tooMany }.Validate());
        }
    }
}
