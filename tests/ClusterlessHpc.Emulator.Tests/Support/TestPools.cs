using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>Pools and start tasks for the tests, each pool with an id no other test uses.</summary>
    internal static class TestPools
    {
        public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

        public static BatchPoolCreateOptions Create(string id, int dedicatedNodes = 0, BatchStartTask? startTask = null) => new()
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = dedicatedNodes,
            StartTask = startTask,
        };

        public static BatchStartTask CommandLine(string commandLine, bool? waitForSuccess = null) =>
            new() { CommandLine = commandLine, WaitForSuccess = waitForSuccess };

        public static BatchStartTask Inline(string script) => new()
        {
            CommandLine = InlineScriptDelivery.CommandLine,
            EnvironmentSettings = [new EnvironmentSetting { Name = InlineScriptDelivery.ScriptVariable, Value = InlineScriptDelivery.Encode(script) }],
        };

        public static async Task<List<BatchNode>> NodesAsync(BatchClient client, string poolId, CancellationToken cancellationToken)
        {
            var nodes = new List<BatchNode>();
            await foreach (var node in client.GetNodesAsync(poolId, cancellationToken)) nodes.Add(node);
            return nodes;
        }

        /// <summary>
        /// Polls (on the real clock) until every node satisfies <paramref name="done"/>: the simulated clock only
        /// decides states, but a script's <c>bash -n</c> check finishes in real time.
        /// </summary>
        public static async Task<List<BatchNode>> WaitForNodesAsync(
            BatchClient client, string poolId, Func<BatchNode, bool> done, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                var nodes = await NodesAsync(client, poolId, cancellationToken);
                if (nodes.Count > 0 && nodes.All(done)) return nodes;
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Nodes of {poolId} still {string.Join(", ", nodes.Select(n => n.State))}.");
                }
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
