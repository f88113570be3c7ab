using System;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.State;

namespace ClusterlessHpc.Emulator.Simulation
{
    /// <summary>Where a node is in its life at a given time, and its start task's report.</summary>
    internal readonly record struct NodeStatus(
        BatchNodeState State,
        DateTimeOffset Since,
        DateTimeOffset? LastBootTime,
        BatchStartTaskInfo? StartTaskInfo);

    /// <summary>
    /// The node state machine, computed from the allocation time and the clock rather than driven by timers:
    /// <c>creating</c> for the creating delay, <c>starting</c> (booting) for the starting delay, then the start task:
    /// <list type="bullet">
    /// <item>none: <c>idle</c>;</item>
    /// <item><c>waitForSuccess</c> true (the default): <c>waitingforstarttask</c> while it runs, for the start-task
    /// delay at least and until its exit code is known, then <c>idle</c> on exit code 0 or <c>starttaskfailed</c>;</item>
    /// <item><c>waitForSuccess</c> false: <c>idle</c> as soon as it starts, whatever it ends with, as on the service.</item>
    /// </list>
    /// A pool being deleted shows its nodes <c>leavingpool</c>. The start task is never retried.
    /// </summary>
    internal static class NodeLifecycle
    {
        public static NodeStatus At(EmulatedPool pool, EmulatedNode node, DateTimeOffset now, BatchEmulatorOptions timings)
        {
            var booting = node.AllocationTime + timings.NodeCreatingDelay;
            var startTaskStart = booting + timings.NodeStartingDelay;
            NodeStatus status;
            if (now < booting) status = new(BatchNodeState.Creating, node.AllocationTime, null, null);
            else if (now < startTaskStart) status = new(BatchNodeState.Starting, booting, booting, null);
            else if (pool.Spec.StartTask is null) status = new(BatchNodeState.Idle, startTaskStart, booting, null);
            else status = WithStartTask(pool, node, booting, startTaskStart, now, timings.StartTaskDelay);

            return pool.DeleteRequestedAt is { } deleting
                ? status with { State = BatchNodeState.LeavingPool, Since = deleting }
                : status;
        }

        private static NodeStatus WithStartTask(
            EmulatedPool pool, EmulatedNode node, DateTimeOffset booted, DateTimeOffset started, DateTimeOffset now, TimeSpan runsFor)
        {
            var waitForSuccess = pool.Spec.StartTask!.WaitForSuccess ?? true;
            var result = ResultOf(pool, node);
            var end = result is { } known ? Later(started + runsFor, known.KnownAt) : (DateTimeOffset?)null;
            if (end is null || now < end)
            {
                var running = new BatchStartTaskInfo { State = BatchStartTaskState.Running, StartTime = started, RetryCount = 0 };
                return new(waitForSuccess ? BatchNodeState.WaitingForStartTask : BatchNodeState.Idle, started, booted, running);
            }

            var exitCode = result!.Value.ExitCode;
            var succeeded = exitCode == 0;
            var info = new BatchStartTaskInfo
            {
                State = BatchStartTaskState.Completed,
                StartTime = started,
                EndTime = end,
                ExitCode = exitCode,
                RetryCount = 0,
                Result = succeeded ? BatchTaskExecutionResult.Success : BatchTaskExecutionResult.Failure,
                FailureInfo = succeeded ? null : new BatchTaskFailureInfo
                {
                    Category = BatchErrorSourceCategory.UserError,
                    Code = "FailureExitCode",
                    Message = "The task exited with an exit code representing a failure",
                },
            };
            if (!waitForSuccess) return new(BatchNodeState.Idle, started, booted, info);
            return new(succeeded ? BatchNodeState.Idle : BatchNodeState.StartTaskFailed, end.Value, booted, info);
        }

        /// <summary>The seam's exit code for this node, else the pool's decided result; null while still undecided.</summary>
        private static StartTaskResult? ResultOf(EmulatedPool pool, EmulatedNode node)
        {
            if (node.StartTaskExitCodeOverride is { } code) return new StartTaskResult(code, DateTimeOffset.MinValue);
            return pool.StartTaskResult is { IsCompletedSuccessfully: true } decided ? decided.Result : null;
        }

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
