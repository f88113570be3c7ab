using System;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>How <see cref="PoolJobRunner"/> adds tasks, carries scripts and waits.</summary>
    public sealed class PoolJobRunnerOptions
    {
        /// <summary>The first poll of a wait comes soon, so short jobs are seen done fast.</summary>
        public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>Polls back off exponentially up to this interval.</summary>
        public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>The clock waits sleep on and job ids are stamped with; the system clock when null.</summary>
        public TimeProvider? TimeProvider { get; set; }

        /// <summary>
        /// Where a Julia script too large to travel inline goes: the blob storage of this delivery (hosting sets it from
        /// the <c>Delivery</c> and <c>Storage</c> configuration, as for startup scripts). Null: inline only.
        /// </summary>
        public Delivery.IScriptDelivery? ScriptDelivery { get; set; }

        /// <summary>How many add-task-collection requests are in flight, and how often a task is tried.</summary>
        public CreateTasksOptions CreateTasks { get; set; } = new();

        /// <summary>How many lines of a failed task's <c>stderr.txt</c> its result shows.</summary>
        public int StderrTailLines { get; set; } = 50;
    }
}
