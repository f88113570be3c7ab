using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>The model refuses what the service refuses, with the service's codes and details and no transport.</summary>
    public sealed class ModelErrorTests
    {
        private readonly ManualClock _clock = new(Start);

        [Fact]
        public void An_unknown_pool_is_PoolNotFound()
        {
            var error = Assert.Throws<PoolModelException>(() => Model(_clock).ResizePool("missing", new BatchPoolResizeOptions { TargetDedicatedNodes = 1 }, null));

            Assert.Equal("PoolNotFound", error.Code);
            Assert.Equal("The specified pool does not exist.", error.Message);
        }

        [Fact]
        public void A_second_pool_of_the_same_id_in_any_case_is_PoolExists()
        {
            var model = Model(_clock);
            model.Add(Pool("twice"));

            Assert.Equal("PoolExists", Assert.Throws<PoolModelException>(() => model.Add(Pool("TWICE"))).Code);
        }

        [Fact]
        public void A_resize_while_resizing_is_PoolBeingResized()
        {
            var model = Model(_clock);
            model.Add(Pool("busy", dedicated: 1));

            var error = Assert.Throws<PoolModelException>(() => model.ResizePool("busy", new BatchPoolResizeOptions { TargetDedicatedNodes = 2 }, null));

            Assert.Equal("PoolBeingResized", error.Code);
        }

        [Fact]
        public void A_resize_of_an_autoscale_pool_is_OperationInvalidForCurrentState_with_the_reason()
        {
            var model = Model(_clock);
            model.Add(Pool("auto", formula: "$TargetDedicatedNodes = 0;"));
            _clock.Advance(TimeSpan.FromMinutes(1));

            var error = Assert.Throws<PoolModelException>(() => model.ResizePool("auto", new BatchPoolResizeOptions { TargetDedicatedNodes = 2 }, null));

            Assert.Equal("OperationInvalidForCurrentState", error.Code);
            Assert.Contains(error.Values, v => v.Key == "Reason" && v.Value.Contains("autoscale", StringComparison.Ordinal));
        }

        [Fact]
        public void A_resize_timeout_below_the_service_limit_names_the_property()
        {
            var model = Model(_clock);
            model.Add(Pool("quick"));
            _clock.Advance(TimeSpan.FromMinutes(1));

            var error = Assert.Throws<PoolModelException>(() => model.ResizePool("quick",
                new BatchPoolResizeOptions { TargetDedicatedNodes = 1, ResizeTimeout = ClusterlessHpc.Rules.ServiceLimits.MinResizeTimeout - TimeSpan.FromSeconds(1) }, null));

            Assert.Equal("InvalidPropertyValue", error.Code);
            Assert.Contains(error.Values, v => v.Key == "PropertyName" && v.Value == "resizeTimeout");
        }

        [Fact]
        public void A_node_that_is_not_idle_cannot_be_rebooted()
        {
            var model = Model(_clock);
            model.Add(Pool("young", dedicated: 1));
            var node = model.ReadPool("young", null, (pool, _) => pool.Nodes[0].Id);

            Assert.Equal("NodeBeingCreated", Assert.Throws<PoolModelException>(() => model.RebootNode("young", node)).Code);
            Assert.Equal("NodeNotFound", Assert.Throws<PoolModelException>(() => model.RebootNode("young", "tvm-none")).Code);
        }

        [Fact]
        public void A_precondition_the_host_gives_is_checked_before_the_change()
        {
            var model = Model(_clock);
            model.Add(Pool("guarded"));
            _clock.Advance(TimeSpan.FromMinutes(1));
            var refused = new InvalidOperationException("condition");

            var thrown = Assert.Throws<InvalidOperationException>(() =>
                model.ResizePool("guarded", new BatchPoolResizeOptions { TargetDedicatedNodes = 1 }, (_, _) => throw refused));

            Assert.Same(refused, thrown);
            Assert.Equal(0, model.ReadPool("guarded", null, (pool, _) => pool.TargetDedicated));
        }
    }
}
