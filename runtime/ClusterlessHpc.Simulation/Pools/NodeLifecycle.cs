using System;
using System.Globalization;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The node state machine, advanced to a time on the model's clock (never by timers of its own, so a test
    /// clock drives it): <c>creating</c> → <c>starting</c> → the start task (<c>waitingforstarttask</c>, or <c>idle</c>
    /// when it does not wait for success) → <c>idle</c>, or after its last retry <c>starttaskfailed</c>.
    /// <c>rebooting</c> and <c>reimaging</c> run the start task again (reimaging on a fresh disk); <c>leavingpool</c> ends
    /// with the node gone, at once or (<c>taskcompletion</c>, <c>retaineddata</c>) after its running start task. A node of
    /// a pool the settings make unusable (<see cref="PoolModelSettings.UnusableNodeError"/>) boots and goes <c>unusable</c>
    /// instead of running its start task, and stays so until it leaves.
    /// </summary>
    internal sealed class NodeLifecycle
    {
        /// <summary>Attempts a node may end in one advance, so unlimited retries of an instant failure cannot spin.</summary>
        private const int MaxStepsPerAdvance = 200;

        private readonly PoolModelSettings _settings;
        private readonly IStartTaskRunner _runner;

        public NodeLifecycle(PoolModelSettings settings, IStartTaskRunner runner)
        {
            _settings = settings;
            _runner = runner;
        }

        /// <summary>A new node, <c>creating</c> from <paramref name="now"/>.</summary>
        public SimulatedNode Allocate(SimulatedPool pool, int number, bool dedicated, string ipAddress, DateTimeOffset now)
        {
            pool.NodesAllocated++;
            var stamp = now.UtcDateTime.ToString("yyyyMMdd't'HHmmss'z'", CultureInfo.InvariantCulture);
            var id = string.Create(CultureInfo.InvariantCulture, $"tvm-{pool.IdNumber}_{pool.NodesAllocated}-{stamp}");
            var node = new SimulatedNode
            {
                Id = id,
                Number = number,
                IsDedicated = dedicated,
                AllocationTime = now,
                IpAddress = ipAddress,
                StartTaskExitCodeOverride = _settings.StartTaskExitCode?.Invoke(pool.Id, id),
                StartTask = pool.Spec.StartTask,
            };
            node.AttachFiles(_runner.CreateFiles(pool.Id, id, pool.IsWindows, now));
            Enter(node, NodePhase.Creating, now, now + _settings.NodeCreatingDelay);
            return node;
        }

        /// <summary>Moves the node through every transition due by <paramref name="now"/>.</summary>
        public void Advance(SimulatedPool pool, SimulatedNode node, DateTimeOffset now)
        {
            for (var step = 0; step < MaxStepsPerAdvance; step++)
            {
                if (!Step(pool, node, now)) return;
            }
        }

        /// <summary>Restarts a node that is <c>idle</c> (or running tasks), as reboot does; 409 in any other state.</summary>
        public void Reboot(SimulatedPool pool, SimulatedNode node, DateTimeOffset now) =>
            Restart(pool, node, NodePhase.Rebooting, now, now + _settings.NodeRebootingDelay);

        /// <summary>Reinstalls a node that is <c>idle</c> (or running tasks): its disk starts fresh; 409 in any other state.</summary>
        public void Reimage(SimulatedPool pool, SimulatedNode node, DateTimeOffset now) =>
            Restart(pool, node, NodePhase.Reimaging, now, now + _settings.NodeReimagingDelay);

        /// <summary>
        /// Starts the node leaving the pool. <c>requeue</c> and <c>terminate</c> stop its start task at once;
        /// <c>taskcompletion</c> and <c>retaineddata</c> let a running one finish first, and with
        /// <paramref name="holdForTasks"/> the node also stays until the model releases it (<see cref="ReleaseAfterTasks"/>)
        /// once its tasks are done.
        /// </summary>
        public void Leave(SimulatedNode node, BatchNodeDeallocationOption? option, DateTimeOffset now, bool holdForTasks = false)
        {
            if (node.Phase == NodePhase.Leaving) return;
            var waits = option == BatchNodeDeallocationOption.TaskCompletion || option == BatchNodeDeallocationOption.RetainedData;
            // An attempt is running until it ends on the clock, even when a simulated outcome is already decided.
            var running = node.Phase == NodePhase.StartTask && node.Attempt is not null;
            if (running && !waits) node.Attempt!.Cancel();
            node.LeavesAfterStartTask = running && waits;
            node.LeavesAfterTasks = holdForTasks && waits;
            node.WaitsForRetention = node.LeavesAfterTasks && option == BatchNodeDeallocationOption.RetainedData;
            node.PreemptAt = null;
            Enter(node, NodePhase.Leaving, now, node.LeavesAfterStartTask || node.LeavesAfterTasks ? null : now + _settings.NodeLeavingDelay);
        }

        /// <summary>A node that left with its tasks running may go now: they are done (and their retained data gone).</summary>
        public void ReleaseAfterTasks(SimulatedNode node, DateTimeOffset at)
        {
            if (node.Phase != NodePhase.Leaving || !node.LeavesAfterTasks) return;
            node.LeavesAfterTasks = false;
            node.WaitsForRetention = false;
            node.RetainedUntil = null;
            if (!node.LeavesAfterStartTask) node.Until = at + _settings.NodeLeavingDelay;
            Touch(node, at);
        }

        /// <summary>A spot node's VM is taken back: <c>preempted</c> until the pool gets it again, then it boots on a fresh disk.</summary>
        public void Preempt(SimulatedNode node, DateTimeOffset at)
        {
            node.Attempt?.Cancel();
            node.Preemptions++;
            node.PreemptAt = null;
            node.StartTaskInfo = null;
            // The errors were the lost VM's; the one the pool gets back reports its own.
            node.Errors = null;
            Enter(node, NodePhase.Preempted, at, at + _settings.SpotRecoveryDelay);
        }

        /// <summary>A node's state changed without a phase change (it began or stopped running tasks).</summary>
        public static void StateChanged(SimulatedNode node, DateTimeOffset at)
        {
            node.Since = at;
            Touch(node, at);
        }

        /// <summary>
        /// The next time the node changes by itself, for the model's event order: the end of a timed phase, of a start
        /// task whose outcome is known, or a preemption; null when it waits for something else.
        /// </summary>
        public DateTimeOffset? NextChange(SimulatedNode node)
        {
            DateTimeOffset? next = node.Phase switch
            {
                NodePhase.Creating or NodePhase.Starting => node.Until,
                NodePhase.Rebooting or NodePhase.Reimaging or NodePhase.Preempted => AfterStoppedAttempt(node),
                NodePhase.StartTask => EndOf(node)?.End,
                NodePhase.Leaving => node.LeavesAfterStartTask ? EndOf(node)?.End : node.LeavesAfterTasks ? node.RetainedUntil : AfterStoppedAttempt(node),
                _ => null,
            };
            if (node.PreemptAt is { } preempt && (next is null || preempt < next)) next = preempt;
            return next;
        }

        /// <summary>After a restore from saved state: attempts did not survive, so running start tasks begin again.</summary>
        public void Resume(SimulatedPool pool, SimulatedNode node, DateTimeOffset now)
        {
            if (node.Phase == NodePhase.StartTask && node.StartTask is not null)
            {
                node.Attempt = _runner.Start(Launch(pool, node, node.StartTask), now);
            }
            else if (node.Phase == NodePhase.Leaving && node.Until is null && !node.LeavesAfterTasks)
            {
                node.LeavesAfterStartTask = false;
                node.Until = now + _settings.NodeLeavingDelay;
            }
        }

        private bool Step(SimulatedPool pool, SimulatedNode node, DateTimeOffset now)
        {
            switch (node.Phase)
            {
                case NodePhase.Creating when now >= node.Until:
                    var booted = node.Until!.Value;
                    pool.BusyUntil = Later(pool.BusyUntil, booted);
                    node.LastBootTime = booted;
                    DrawPreemption(node, booted);
                    Enter(node, NodePhase.Starting, booted, booted + _settings.NodeStartingDelay);
                    return true;

                case NodePhase.Preempted when AfterStoppedAttempt(node) is { } recovered && now >= recovered:
                    // The pool got the VM back: a fresh disk, booted, and the pool's start task as it is now.
                    node.Attempt = null;
                    node.Files.Wipe();
                    node.LastBootTime = recovered;
                    node.StartTask = pool.Spec.StartTask;
                    DrawPreemption(node, recovered);
                    Enter(node, NodePhase.Starting, recovered, recovered + _settings.NodeStartingDelay);
                    return true;

                case NodePhase.Starting when now >= node.Until:
                    // The service sets up what a node needs before its start task (application packages, container
                    // images); a node that fails there is unusable and never runs the start task.
                    if (_settings.UnusableNodeError?.Invoke(pool.Id) is { } error)
                    {
                        node.Errors = [error];
                        Enter(node, NodePhase.Unusable, node.Until!.Value, null);
                        return true;
                    }
                    BeginStartTask(pool, node, node.Until!.Value, retryCount: 0);
                    return true;

                case NodePhase.Rebooting or NodePhase.Reimaging when AfterStoppedAttempt(node) is { } restarted && now >= restarted:
                    node.Attempt = null;
                    if (node.Phase == NodePhase.Reimaging) node.Files.Wipe();
                    node.LastBootTime = restarted;
                    node.StartTaskInfo = null;
                    BeginStartTask(pool, node, restarted, retryCount: 0);
                    return true;

                case NodePhase.StartTask:
                    return FinishAttempt(pool, node, now);

                case NodePhase.Leaving:
                    return Depart(pool, node, now);

                default:
                    return false;
            }
        }

        private void BeginStartTask(SimulatedPool pool, SimulatedNode node, DateTimeOffset at, int retryCount)
        {
            var startTask = node.StartTask;
            if (startTask is null)
            {
                Enter(node, NodePhase.Idle, at, null);
                return;
            }
            node.Attempt = _runner.Start(Launch(pool, node, startTask), at);
            node.StartTaskInfo = new BatchStartTaskInfo
            {
                State = BatchStartTaskState.Running,
                StartTime = at,
                RetryCount = retryCount,
                LastRetryTime = retryCount > 0 ? at : null,
            };
            // Retries keep the node in the state it is in (waitingforstarttask, or idle without waitForSuccess).
            if (node.Phase != NodePhase.StartTask) Enter(node, NodePhase.StartTask, at, null);
            else Touch(node, at);
        }

        private bool FinishAttempt(SimulatedPool pool, SimulatedNode node, DateTimeOffset now)
        {
            if (EndOf(node) is not { } ended || now < ended.End) return false;
            var (outcome, end) = ended;
            var info = node.StartTaskInfo!;
            node.Attempt = null;
            var maxRetries = node.StartTask?.MaxTaskRetryCount ?? 0;
            if (!outcome.Succeeded && (maxRetries == -1 || info.RetryCount < maxRetries))
            {
                BeginStartTask(pool, node, end, info.RetryCount + 1);
                return true;
            }
            node.StartTaskInfo = Completed(info, outcome, end);
            if (outcome.Succeeded || !node.WaitsForSuccess)
            {
                // Without waitForSuccess the node has been idle since the start task began.
                if (node.WaitsForSuccess) Enter(node, NodePhase.Idle, end, null);
                else
                {
                    node.Phase = NodePhase.Idle;
                    Touch(node, end);
                }
            }
            else
            {
                Enter(node, NodePhase.StartTaskFailed, end, null);
            }
            return true;
        }

        private bool Depart(SimulatedPool pool, SimulatedNode node, DateTimeOffset now)
        {
            if (node.LeavesAfterStartTask)
            {
                if (EndOf(node) is not { } ended || now < ended.End) return false;
                node.StartTaskInfo = Completed(node.StartTaskInfo!, ended.Outcome, ended.End);
                node.Attempt = null;
                node.LeavesAfterStartTask = false;
                node.Until = node.LeavesAfterTasks ? null : ended.End + _settings.NodeLeavingDelay;
                Touch(node, ended.End);
                return true;
            }
            if (node.LeavesAfterTasks) return false;
            if (AfterStoppedAttempt(node) is not { } until || now < until) return false;
            node.Attempt = null;
            // An executed node's files are on disk and must go with it; a simulated node's go with the object.
            if (!node.Files.IsSimulated) node.Files.Wipe();
            pool.BusyUntil = Later(pool.BusyUntil, until);
            node.Removed = true;
            return false;
        }

        /// <summary>
        /// When a node whose start task was stopped (preempted, rebooted, reimaged, leaving) may go on: at its own time, but
        /// not before the stopped attempt is over, because an executed one's processes take their time to die and must not
        /// work on a wiped disk or beside the next attempt. Null while it is not over, or when the node has no time set.
        /// </summary>
        private static DateTimeOffset? AfterStoppedAttempt(SimulatedNode node) => (node.Until, node.Attempt) switch
        {
            (null, _) => null,
            ({ } until, null) => until,
            ({ } until, { Outcome.IsCompletedSuccessfully: true } attempt) => Later(until, attempt.Outcome.Result.KnownAt),
            // The outcome never faults (StartTaskAttempt); one that did is over all the same.
            ({ } until, { Outcome.IsCompleted: true }) => until,
            _ => null,
        };

        /// <summary>When the node's attempt ends on the clock, once its outcome is known: not before its minimum duration.</summary>
        private (StartTaskOutcome Outcome, DateTimeOffset End)? EndOf(SimulatedNode node)
        {
            if (node.Attempt is not { Outcome.IsCompletedSuccessfully: true } attempt) return null;
            var outcome = attempt.Outcome.Result;
            return (outcome, Later(attempt.StartedAt + _runner.MinimumDuration, outcome.KnownAt));
        }

        private static BatchStartTaskInfo Completed(BatchStartTaskInfo running, StartTaskOutcome outcome, DateTimeOffset end) => new()
        {
            State = BatchStartTaskState.Completed,
            StartTime = running.StartTime,
            EndTime = end,
            ExitCode = outcome.ExitCode,
            RetryCount = running.RetryCount,
            LastRetryTime = running.LastRetryTime,
            Result = outcome.Succeeded ? BatchTaskExecutionResult.Success : BatchTaskExecutionResult.Failure,
            FailureInfo = outcome.Succeeded ? null : outcome.FailureInfo ?? new BatchTaskFailureInfo
            {
                Category = BatchErrorSourceCategory.UserError,
                Code = "FailureExitCode",
                Message = "The task exited with an exit code representing a failure",
                Details = [new NameValuePair { Name = "Message", Value = "The task exited with an exit code representing a failure" }],
            },
        };

        private void Restart(SimulatedPool pool, SimulatedNode node, NodePhase phase, DateTimeOffset now, DateTimeOffset until)
        {
            (string Code, string Message)? refusal = node.State.Value switch
            {
                "idle" or "running" => null,
                "creating" => ("NodeBeingCreated", "The node is being created."),
                "starting" or "waitingforstarttask" => ("NodeBeingStarted", "The node is starting and its start task has not finished."),
                "rebooting" => ("NodeBeingRebooted", "The node is being rebooted."),
                "reimaging" => ("NodeBeingReimaged", "The node is being reimaged."),
                "unusable" => ("NodeStateUnusable", "The node is unusable."),
                _ => ("OperationInvalidForCurrentState", $"A node can be restarted only when it is idle or running; it is {node.State}."),
            };
            if (refusal is var (code, message)) throw ModelErrors.NodeStateConflict(code, message);

            node.Attempt?.Cancel();
            // The pool's start task as it is now: a changed start task reaches a node when it reboots or is reimaged.
            node.StartTask = pool.Spec.StartTask;
            Enter(node, phase, now, until);
        }

        private StartTaskLaunch Launch(SimulatedPool pool, SimulatedNode node, BatchStartTask startTask) =>
            new(pool.Id, node.Id, node.Number, node.IsDedicated, pool.IsWindows, startTask, node.Files, node.StartTaskExitCodeOverride,
                pool.Spec.VirtualMachineConfiguration?.ImageReference is { } image
                    ? image.VirtualMachineImageId ?? image.SharedGalleryImageId ?? image.CommunityGalleryImageId
                    : null);

        private static void Enter(SimulatedNode node, NodePhase phase, DateTimeOffset at, DateTimeOffset? until)
        {
            node.Phase = phase;
            node.Since = at;
            node.Until = until;
            Touch(node, at);
        }

        private static void Touch(SimulatedNode node, DateTimeOffset at)
        {
            node.Version++;
            node.LastModified = at;
        }

        /// <summary>
        /// A spot node's time to preemption: exponential with the settings' rate, drawn from the seed, the node's number
        /// and its preemption count alone, so the same seed preempts the same nodes at the same times whatever the order
        /// or size of the clock's steps.
        /// </summary>
        private void DrawPreemption(SimulatedNode node, DateTimeOffset from)
        {
            node.PreemptAt = null;
            if (node.IsDedicated || _settings.SpotPreemptionsPerHour <= 0) return;
            var uniform = SeededDraw.Uniform(_settings.SpotPreemptionSeed, node.Number, node.Preemptions);
            var hours = -Math.Log(1 - uniform) / _settings.SpotPreemptionsPerHour;
            if (hours < TimeSpan.FromDays(3650).TotalHours) node.PreemptAt = from + TimeSpan.FromHours(hours);
        }

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
