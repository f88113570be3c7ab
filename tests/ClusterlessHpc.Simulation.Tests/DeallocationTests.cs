using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>What each deallocation option does to the running tasks of a node that leaves: on resize, node removal and pool deletion.</summary>
    public sealed class DeallocationTests
    {
        private readonly ManualClock _clock = new(Start);

        /// <summary>Two one-slot nodes each running a 10-minute task; the pool shrinks to one with <paramref name="option"/>.</summary>
        private (PoolModel Model, DateTimeOffset ShrunkAt, string Kept, string Left) ShrinkWhileBusy(string option, TimeSpan? retention = null)
        {
            var model = ReadyPool(_clock, "busy", nodes: 2);
            model.AddJob(Job("j", "busy"));
            model.AddTask("j", Task("kept", duration: "10m", retention: retention));
            model.AddTask("j", Task("leaving", duration: "10m", retention: retention));
            model.AddTask("j", Task("queued", duration: "10m", retention: retention));
            _clock.Advance(TimeSpan.FromMinutes(2));
            var shrunkAt = _clock.GetUtcNow();
            var left = TaskOf(model, "j", "leaving").NodeId!;
            var kept = TaskOf(model, "j", "kept").NodeId!;
            model.ResizePool("busy", new BatchPoolResizeOptions { TargetDedicatedNodes = 1, NodeDeallocationOption = option }, null);
            return (model, shrunkAt, kept, left);
        }

        private static string? StateOf(PoolModel model, string nodeId) =>
            model.ReadPool("busy", null, (pool, _) => pool.Nodes.FirstOrDefault(n => n.Id == nodeId)?.State.Value);

        [Fact]
        public void Requeue_returns_the_running_task_to_active_and_it_runs_again_ahead_of_later_tasks()
        {
            var (model, shrunkAt, kept, left) = ShrinkWhileBusy("requeue");
            var requeued = TaskOf(model, "j", "leaving");
            var (phase, count, at) = (requeued.Phase, requeued.RequeueCount, requeued.LastRequeueTime);
            _clock.Advance(TimeSpan.FromMinutes(30));
            var done = TaskOf(model, "j", "leaving");

            Assert.Equal((TaskPhase.Active, 1, shrunkAt), (phase, count, at!.Value));
            // It keeps its place: it runs on the remaining node when "kept" ends, before "queued".
            Assert.Equal((TaskPhase.Completed, kept, Start + Boot + TimeSpan.FromMinutes(10)), (done.Phase, done.NodeId!, done.StartTime!.Value));
            Assert.Equal(Start + Boot + TimeSpan.FromMinutes(20), TaskOf(model, "j", "queued").StartTime);
            Assert.Null(StateOf(model, left));
        }

        [Fact]
        public void Terminate_completes_the_running_task_failed_and_it_never_runs_again()
        {
            var (model, shrunkAt, _, left) = ShrinkWhileBusy("terminate");
            _clock.Advance(TimeSpan.FromMinutes(30));
            var task = TaskOf(model, "j", "leaving");

            Assert.Equal((TaskPhase.Completed, "TaskEnded", shrunkAt, 0), (task.Phase, task.FailureInfo!.Code, task.EndTime!.Value, task.RequeueCount));
            Assert.Null(StateOf(model, left));
        }

        [Fact]
        public void Taskcompletion_lets_the_running_task_finish_and_schedules_nothing_new_on_the_leaving_node()
        {
            var (model, _, kept, left) = ShrinkWhileBusy("taskcompletion");
            _clock.Advance(TimeSpan.FromMinutes(5));
            var whileRunning = (StateOf(model, left), TaskOf(model, "j", "leaving").Phase, model.ReadPool("busy", null, (pool, _) => pool.Allocation));
            _clock.Advance(TimeSpan.FromMinutes(3) + Leaving);
            var task = TaskOf(model, "j", "leaving");
            var queued = TaskOf(model, "j", "queued");

            Assert.Equal(("leavingpool", TaskPhase.Running, AllocationState.Resizing), whileRunning);
            Assert.Equal((TaskPhase.Completed, (BatchTaskFailureInfo?)null, Start + Boot + TimeSpan.FromMinutes(10)), (task.Phase, task.FailureInfo, task.EndTime!.Value));
            // The slot the leaving node freed was never used: "queued" waited for the node that stays.
            Assert.Equal(kept, queued.NodeId);
            Assert.Null(StateOf(model, left));
            Assert.Equal(AllocationState.Steady, model.ReadPool("busy", null, (pool, _) => pool.Allocation));
        }

        [Fact]
        public void Retaineddata_waits_for_the_tasks_retention_time_after_they_finish()
        {
            var (model, _, _, left) = ShrinkWhileBusy("retaineddata", retention: TimeSpan.FromMinutes(30));
            _clock.Advance(TimeSpan.FromMinutes(20));
            var afterTask = StateOf(model, left);
            _clock.Advance(TimeSpan.FromMinutes(20) + Leaving);
            var afterRetention = StateOf(model, left);

            Assert.Equal("leavingpool", afterTask);
            Assert.Null(afterRetention);
        }

        [Fact]
        public void Retaineddata_ends_when_the_task_is_deleted()
        {
            var (model, _, _, left) = ShrinkWhileBusy("retaineddata");
            _clock.Advance(TimeSpan.FromMinutes(20));
            var retained = StateOf(model, left);
            model.DeleteTask("j", "leaving", null);
            _clock.Advance(Leaving);

            Assert.Equal("leavingpool", retained);
            Assert.Null(StateOf(model, left));
        }

        [Fact]
        public void Removing_a_busy_node_and_deleting_the_pool_requeue_by_default()
        {
            var model = ReadyPool(_clock, "busy", nodes: 2);
            model.AddJob(Job("j", "busy"));
            model.AddTask("j", Task("a", duration: "1h"));
            model.AddTask("j", Task("b", duration: "1h"));
            var nodeOfA = TaskOf(model, "j", "a").NodeId!;

            model.RemoveNodes("busy", new BatchNodeRemoveOptions { NodeList = [nodeOfA] }, null);
            var afterRemoval = TaskOf(model, "j", "a");
            (TaskPhase, int) removed = (afterRemoval.Phase, afterRemoval.RequeueCount);
            _clock.Advance(Leaving);
            model.Delete("busy", null);
            var afterDelete = Tasks(model, "j").Select(t => t.Phase).ToList();

            Assert.Equal((TaskPhase.Active, 1), removed);
            Assert.Equal([TaskPhase.Active, TaskPhase.Active], afterDelete);
        }

        [Fact]
        public void A_reboot_requeues_the_nodes_tasks_and_a_reimage_with_terminate_ends_them()
        {
            var model = ReadyPool(_clock, "busy", nodes: 2);
            model.AddJob(Job("j", "busy"));
            model.AddTask("j", Task("rebooted", duration: "1h"));
            model.AddTask("j", Task("reimaged", duration: "1h"));
            var first = TaskOf(model, "j", "rebooted").NodeId!;
            var second = TaskOf(model, "j", "reimaged").NodeId!;

            model.RebootNode("busy", first);
            model.ReimageNode("busy", second, terminateTasks: true);
            var rebooted = TaskOf(model, "j", "rebooted");
            var reimaged = TaskOf(model, "j", "reimaged");

            Assert.Equal((TaskPhase.Active, 1), (rebooted.Phase, rebooted.RequeueCount));
            Assert.Equal((TaskPhase.Completed, "TaskEnded"), (reimaged.Phase, reimaged.FailureInfo!.Code));
            Assert.Equal("rebooting", StateOf(model, first));
        }
    }
}
