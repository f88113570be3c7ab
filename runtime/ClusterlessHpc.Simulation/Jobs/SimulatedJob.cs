using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Simulation
{
    /// <summary>Where a job is in its life: the API's <c>active</c>, <c>completed</c> and <c>deleting</c>.</summary>
    public enum JobPhase
    {
        Active,
        Completed,
        Deleting,
    }

    /// <summary>
    /// A job and its tasks, as the model holds them; changed only under the account's lock (see <see cref="PoolModel"/>).
    /// This is also the job's saved shape: its tasks are saved with it, and what is rebuilt from them (the queue of active
    /// tasks, the counts) is not.
    /// </summary>
    public sealed class SimulatedJob
    {
        private Dictionary<string, SimulatedTask>? _byId;
        private SortedSet<SimulatedTask>? _queue;

        public required JobSpec Spec { get; set; }

        public required DateTimeOffset CreationTime { get; init; }

        public required DateTimeOffset LastModified { get; set; }

        public required string ETag { get; set; }

        public JobPhase Phase { get; set; }

        public DateTimeOffset StateTransitionTime { get; set; }

        public JobPhase? PreviousPhase { get; set; }

        public DateTimeOffset? PreviousStateTransitionTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        public string? TerminateReason { get; set; }

        /// <summary>Set by delete: the job goes once this time has come.</summary>
        public DateTimeOffset? GoneAt { get; set; }

        /// <summary>The next task's place in the job's first-in, first-out order.</summary>
        public long NextSequence { get; set; }

        /// <summary>The tasks, in the order they were added (saved with the job).</summary>
        public List<SimulatedTask> Tasks { get; init; } = [];

        public string Id => Spec.Id;

        public string PoolId => Spec.PoolId;

        public int Priority => Spec.Priority ?? 0;

        /// <summary>The retries of a task whose own constraints do not say.</summary>
        public int DefaultMaxTaskRetryCount => Spec.Constraints?.MaxTaskRetryCount ?? 0;

        /// <summary>Whether the scheduler may start this job's tasks.</summary>
        public bool IsSchedulable => Phase == JobPhase.Active;

        /// <summary>Tasks by id, compared ignoring case as the service compares them.</summary>
        [JsonIgnore]
        public Dictionary<string, SimulatedTask> ById => _byId ??= Index();

        /// <summary>The active tasks, first added (or first requeued by its original place) first.</summary>
        [JsonIgnore]
        public SortedSet<SimulatedTask> Queue => _queue ??= BuildQueue();

        /// <summary>How many of the job's tasks run now (for maxParallelTasks).</summary>
        [JsonIgnore]
        public int RunningCount { get; set; }

        /// <summary>The job's tasks by state and result, kept as tasks change (taskcounts and the autoscale samples).</summary>
        [JsonIgnore]
        public TaskTally Tally { get; } = new();

        public void Add(SimulatedTask task)
        {
            task.Job = this;
            Tasks.Add(task);
            ById.Add(task.Id, task);
        }

        public void Remove(SimulatedTask task)
        {
            Tasks.Remove(task);
            ById.Remove(task.Id);
            Queue.Remove(task);
        }

        /// <summary>After a restore: the index, queue and counts come from the saved tasks.</summary>
        public void Rebuild()
        {
            _byId = Index();
            _queue = BuildQueue();
            Tally.Clear();
            RunningCount = 0;
            foreach (var task in Tasks)
            {
                task.Job = this;
                Tally.Add(task, +1);
                if (task.Phase == TaskPhase.Running) RunningCount++;
            }
        }

        private Dictionary<string, SimulatedTask> Index()
        {
            var index = new Dictionary<string, SimulatedTask>(Tasks.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var task in Tasks) index[task.Id] = task;
            return index;
        }

        private SortedSet<SimulatedTask> BuildQueue()
        {
            var queue = new SortedSet<SimulatedTask>(SimulatedTask.BySequence);
            foreach (var task in Tasks)
            {
                if (task.Phase == TaskPhase.Active) queue.Add(task);
            }
            return queue;
        }
    }

    /// <summary>Tasks and their slots by state, as <c>taskcounts</c> reports them.</summary>
    public sealed class TaskTally
    {
        public int Active { get; private set; }
        public int Running { get; private set; }
        public int Completed { get; private set; }
        public int Succeeded { get; private set; }
        public int Failed { get; private set; }
        public int ActiveSlots { get; private set; }
        public int RunningSlots { get; private set; }
        public int CompletedSlots { get; private set; }
        public int SucceededSlots { get; private set; }
        public int FailedSlots { get; private set; }

        /// <summary>Counts <paramref name="task"/> in its present state (+1) or takes it out (-1).</summary>
        public void Add(SimulatedTask task, int sign)
        {
            var slots = sign * task.Spec.Slots;
            switch (task.Phase)
            {
                case TaskPhase.Active:
                    Active += sign;
                    ActiveSlots += slots;
                    break;
                case TaskPhase.Running:
                    Running += sign;
                    RunningSlots += slots;
                    break;
                default:
                    Completed += sign;
                    CompletedSlots += slots;
                    if (task.Failed)
                    {
                        Failed += sign;
                        FailedSlots += slots;
                    }
                    else
                    {
                        Succeeded += sign;
                        SucceededSlots += slots;
                    }
                    break;
            }
        }

        public void Clear()
        {
            Active = Running = Completed = Succeeded = Failed = 0;
            ActiveSlots = RunningSlots = CompletedSlots = SucceededSlots = FailedSlots = 0;
        }
    }
}
