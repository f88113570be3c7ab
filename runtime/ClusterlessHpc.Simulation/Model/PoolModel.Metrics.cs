using System;
using System.Collections.Generic;
using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Simulation
{
    /// <summary>One sample of a pool's metrics, taken every 30 seconds of the model's clock.</summary>
    public readonly record struct PoolSample(
        DateTimeOffset Time, int Active, int Running, int Succeeded, int Failed, int Preempted, int Dedicated, int LowPriority);

    /// <summary>
    /// The metrics autoscale formulas read, sampled from the model's own jobs every 30 seconds of its clock, as the
    /// service samples them: <c>$ActiveTasks</c> and <c>$RunningTasks</c> (tasks, not slots, of the pool's active jobs),
    /// <c>$PendingTasks</c> (their sum), <c>$SucceededTasks</c> and <c>$FailedTasks</c> (the completed tasks of the pool's
    /// jobs), <c>$PreemptedNodeCount</c>, <c>$CurrentDedicatedNodes</c> and <c>$CurrentLowPriorityNodes</c>. A sample reaches
    /// formulas <see cref="PoolModelSettings.MetricsDelay"/> after it was taken (the service documents about a minute).
    /// Samples are kept for a day and are not saved.
    /// </summary>
    public sealed partial class PoolModel
    {
        public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(30);

        /// <summary>A day of samples.</summary>
        private const int MaxSamples = 2880;

        private DateTimeOffset? _nextSample;

        /// <summary>Samples every autoscale pool when a sample is due at <paramref name="at"/>; starts and stops the schedule as autoscale pools come and go.</summary>
        private void SampleIfDue(DateTimeOffset at)
        {
            var any = false;
            foreach (var pool in _pools.Values) any |= pool.AutoScaleEnabled && !pool.IsDeleting;
            if (!any)
            {
                _nextSample = null;
                return;
            }
            // On the half-minute grid of the clock, the first one at or after now.
            _nextSample ??= new DateTimeOffset((at.UtcTicks + SampleInterval.Ticks - 1) / SampleInterval.Ticks * SampleInterval.Ticks, TimeSpan.Zero);
            if (_nextSample > at) return;
            var time = _nextSample.Value;
            foreach (var pool in _pools.Values)
            {
                if (pool.AutoScaleEnabled && !pool.IsDeleting) Sample(pool, time);
            }
            _nextSample = time + SampleInterval;
        }

        private void Sample(SimulatedPool pool, DateTimeOffset time)
        {
            int active = 0, running = 0, succeeded = 0, failed = 0, preempted = 0;
            foreach (var job in _jobs.Values)
            {
                if (job.Phase == JobPhase.Deleting || !string.Equals(job.PoolId, pool.Id, StringComparison.OrdinalIgnoreCase)) continue;
                if (job.IsSchedulable)
                {
                    active += job.Tally.Active;
                    running += job.Tally.Running;
                }
                succeeded += job.Tally.Succeeded;
                failed += job.Tally.Failed;
            }
            foreach (var node in pool.Nodes)
            {
                if (node.Phase == NodePhase.Preempted) preempted++;
            }
            var samples = pool.Samples;
            if (samples.Count >= 2 * MaxSamples) samples.RemoveRange(0, samples.Count - MaxSamples);
            samples.Add(new PoolSample(time, active, running, succeeded, failed, preempted, pool.CurrentNodes(true), pool.CurrentNodes(false)));
        }

        /// <summary>Whether any job (not being deleted) runs on the pool: then its own samples win over the metrics feed's.</summary>
        private bool HasJobs(SimulatedPool pool)
        {
            foreach (var job in _jobs.Values)
            {
                if (job.Phase != JobPhase.Deleting && string.Equals(job.PoolId, pool.Id, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        /// <summary>The samples a formula evaluated at <paramref name="at"/> sees: those taken by <paramref name="at"/> less the delay.</summary>
        private IReadOnlyDictionary<string, SampleSeries> SamplesFor(SimulatedPool pool, DateTimeOffset at)
        {
            var visible = at - Settings.MetricsDelay;
            var count = 0;
            while (count < pool.Samples.Count && pool.Samples[count].Time <= visible) count++;
            return SeriesOf(pool.Samples, 0, count);
        }

        /// <summary>
        /// The variables a formula reads from <paramref name="count"/> samples from <paramref name="first"/> on: the one
        /// mapping of a sample to the formula's variables, which the autoscale simulation also uses to show what an
        /// evaluation saw. A variable's series is made when it is first read, so an evaluation pays only for the
        /// variables its formula reads (a day of samples is 2,880 of each).
        /// </summary>
        internal static IReadOnlyDictionary<string, SampleSeries> SeriesOf(IReadOnlyList<PoolSample> samples, int first, int count) =>
            new SampleVariables(samples, first, count);
    }
}
