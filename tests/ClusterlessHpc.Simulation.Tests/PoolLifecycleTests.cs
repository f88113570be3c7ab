using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>A pool driven through the model alone, on a clock the test moves: no web host, no HTTP.</summary>
    public sealed class PoolLifecycleTests
    {
        [Fact]
        public void A_pool_is_created_its_nodes_go_idle_and_it_resizes_and_removes_nodes()
        {
            var clock = new ManualClock(Start);
            var model = Model(clock);

            model.Add(Pool("walk", dedicated: 2));
            var creating = model.ReadPool("walk", null, (pool, _) => (Count(pool, BatchNodeState.Creating), pool.Allocation));
            clock.Advance(Creating + Starting + StartTask);
            var idle = model.ReadPool("walk", null, (pool, _) => (Count(pool, BatchNodeState.Idle), pool.Allocation, pool.AllocationSince));

            model.ResizePool("walk", new BatchPoolResizeOptions { TargetDedicatedNodes = 5 }, null);
            var resizing = model.ReadPool("walk", null, (pool, _) => (pool.Nodes.Count, pool.Allocation));
            clock.Advance(Creating + Starting + StartTask);
            var grown = model.ReadPool("walk", null, (pool, _) => (Count(pool, BatchNodeState.Idle), pool.Allocation));

            var removed = model.ReadPool("walk", null, (pool, _) => pool.Nodes.Take(2).Select(n => n.Id).ToList());
            model.RemoveNodes("walk", new BatchNodeRemoveOptions { NodeList = removed }, null);
            var leaving = model.ReadPool("walk", null, (pool, _) => (Count(pool, BatchNodeState.LeavingPool), pool.TargetDedicated));
            clock.Advance(Leaving);
            var shrunk = model.ReadPool("walk", null, (pool, _) => (pool.Nodes.Count, pool.Allocation, pool.Nodes.Any(n => removed.Contains(n.Id))));

            Assert.Equal((2, AllocationState.Resizing), creating);
            Assert.Equal((2, AllocationState.Steady, Start + Creating), idle);
            Assert.Equal((5, AllocationState.Resizing), resizing);
            Assert.Equal((5, AllocationState.Steady), grown);
            Assert.Equal((2, 3), leaving);
            Assert.Equal((3, AllocationState.Steady, false), shrunk);
        }

        [Fact]
        public void Stop_resize_keeps_the_nodes_allocated_so_far_and_reports_it_when_steady()
        {
            var clock = new ManualClock(Start);
            var model = Model(clock);
            model.Add(Pool("stop", dedicated: 3));

            model.StopResize("stop", null);
            var stopping = model.ReadPool("stop", null, (pool, _) => pool.Allocation);
            clock.Advance(Creating);
            var (allocation, errors, nodes) = model.ReadPool("stop", null, (pool, _) => (pool.Allocation, pool.ResizeErrors.Select(e => e.Code).ToList(), pool.Nodes.Count));

            Assert.Equal(AllocationState.Stopping, stopping);
            Assert.Equal(AllocationState.Steady, allocation);
            Assert.Equal(["ResizeStopped"], errors);
            Assert.Equal(3, nodes);
        }

        [Fact]
        public void Saved_state_is_the_pools_themselves_and_restores_to_the_same_document()
        {
            var clock = new ManualClock(Start);
            var model = Model(clock);
            model.Add(Pool("saved", dedicated: 2));
            clock.Advance(Creating + Starting);
            model.Add(Pool("scaled", formula: "$TargetDedicatedNodes = 1;"));
            var saved = model.Save();

            var restored = Model(clock);
            restored.Restore(ModelState.Parse(saved)!);
            var again = restored.Save();

            Assert.Equal(System.Text.Encoding.UTF8.GetString(saved), System.Text.Encoding.UTF8.GetString(again));
            var json = System.Text.Json.JsonDocument.Parse(saved).RootElement;
            var node = json.GetProperty("pools")[0].GetProperty("nodes")[0];
            Assert.Equal("StartTask", node.GetProperty("phase").GetString());
            // In flight or computed: not part of the saved shape.
            Assert.False(node.TryGetProperty("attempt", out _));
            Assert.False(node.TryGetProperty("state", out _));
            Assert.False(json.GetProperty("pools")[0].TryGetProperty("id", out _));
            Assert.Equal(2, restored.ReadPool("saved", null, (pool, _) => pool.Nodes.Count));
        }
    }
}
