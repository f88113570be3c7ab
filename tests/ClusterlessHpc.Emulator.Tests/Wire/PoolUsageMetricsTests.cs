using System.Net;
using System.Text.Json;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests.Wire
{
    /// <summary>
    /// GET /poolusagemetrics (Pool_ListUsageMetrics in the spec): per pool and half-hour interval, the core hours its
    /// nodes used, as the service's recorded answers show them (node-sdk-batchservice-tests.jsonl, 18:30–19:00).
    /// </summary>
    public sealed class PoolUsageMetricsTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Usage_is_listed_per_pool_and_half_hour_with_the_core_hours_of_its_nodes()
        {
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 10, 0, TimeSpan.Zero));
            var options = QuickEmulators.Simulating();
            options.TimeProvider = clock;
            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);
            var client = emulator.CreateClient();
            await client.CreatePoolAsync(TestPools.Create("metered", dedicatedNodes: 2), Cancel);
            var allocated = (await TestPools.NodesAsync(client, "metered", Cancel)).Select(n => n.AllocationTime!.Value).ToList();
            clock.Advance(TimeSpan.FromMinutes(55));
            var halfPast = new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.Zero);

            var last = await ListAsync(emulator, "");
            var both = await ListAsync(emulator, "&starttime=2025-03-01T12:00:00Z&endtime=2025-03-01T13:00:00Z");
            var filtered = await ListAsync(emulator, "&starttime=2025-03-01T12:00:00Z&$filter=" + Uri.EscapeDataString("poolId eq 'other'"));

            var entry = Assert.Single(last);
            Assert.Equal("metered", entry.GetProperty("poolId").GetString());
            Assert.Equal("2025-03-01T12:30:00Z", entry.GetProperty("startTime").GetString());
            Assert.Equal("2025-03-01T13:00:00Z", entry.GetProperty("endTime").GetString());
            Assert.Equal("standard_d2s_v3", entry.GetProperty("vmSize").GetString());
            Assert.Equal(1.0, entry.GetProperty("totalCoreHours").GetDouble(), 6);
            Assert.Equal(["2025-03-01T12:00:00Z", "2025-03-01T12:30:00Z"], both.Select(e => e.GetProperty("startTime").GetString()));
            Assert.Equal(allocated.Sum(a => (halfPast - a).TotalHours), both[0].GetProperty("totalCoreHours").GetDouble(), 6);
            Assert.Empty(filtered);
        }

        [Fact]
        public async Task A_time_that_is_not_a_date_is_InvalidQueryParameterValue()
        {
            await using var emulator = await BatchEmulator.StartAsync(QuickEmulators.Simulating(), Cancel);
            using var http = new HttpClient();

            using var response = await SignedRequests.SendAsync(http, emulator, HttpMethod.Get, "poolusagemetrics?api-version=2024-07-01.20.0&starttime=yesterday", Cancel);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidQueryParameterValue", body.RootElement.GetProperty("code").GetString());
            Assert.Equal("starttime", body.RootElement.GetProperty("values")[0].GetProperty("value").GetString());
        }

        private static async Task<List<JsonElement>> ListAsync(BatchEmulator emulator, string query)
        {
            using var http = new HttpClient();
            using var response = await SignedRequests.SendAsync(http, emulator, HttpMethod.Get, "poolusagemetrics?api-version=2024-07-01.20.0" + query, Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var body = JsonDocument.Parse(text);
            Assert.Equal(emulator.Endpoint + "$metadata#poolusagemetrics", body.RootElement.GetProperty("odata.metadata").GetString());
            return body.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToList();
        }
    }
}
