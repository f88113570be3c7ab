using System;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The account's clock: everything that happens by itself happens at its own time, in time order. Bringing the account
    /// to a time goes from event to event (a node's next transition or preemption, a task's end, a job's time limit, a
    /// metric sample, an autoscale evaluation), and at each one applies what is due then and schedules tasks on the slots
    /// that are free then. So a manual clock that jumps a day gives what a day of real time gives.
    /// </summary>
    public sealed partial class PoolModel
    {
        /// <summary>A bound on the events of one advance, so a fault in the model cannot hang a request.</summary>
        private const int MaxEventsPerAdvance = 50_000_000;

        /// <summary>The time the account has been brought to.</summary>
        private DateTimeOffset _advancedTo = DateTimeOffset.MinValue;

        /// <summary>Brings the account to <paramref name="now"/>, event by event. True when anything changed.</summary>
        private bool AdvanceAll(DateTimeOffset now)
        {
            var changed = false;
            for (var events = 0; events < MaxEventsPerAdvance && NextEvent(now) is { } at; events++) changed |= Step(at);
            return Step(now > _advancedTo ? now : _advancedTo) || changed;
        }

        /// <summary>
        /// The earliest event due by <paramref name="now"/>. Events that are consumed when applied (task ends, samples,
        /// evaluations, job limits) count even when they were known late (an executed task's process that ended between
        /// two ticks) and are then applied at the time reached; a node's transitions count once they are ahead of it.
        /// </summary>
        private DateTimeOffset? NextEvent(DateTimeOffset now)
        {
            DateTimeOffset? best = null;
            void Consider(DateTimeOffset? time, bool consumed)
            {
                if (time is not { } t || t > now) return;
                if (t <= _advancedTo)
                {
                    if (!consumed) return;
                    t = _advancedTo;
                }
                if (best is null || t < best) best = t;
            }

            if (_ends.TryPeek(out _, out var ticks)) Consider(new DateTimeOffset(ticks, TimeSpan.Zero), consumed: true);
            foreach (var task in _executing)
            {
                if (task.Attempt is { Outcome.IsCompletedSuccessfully: true } attempt) Consider(attempt.Outcome.Result.KnownAt, consumed: true);
                Consider(After(task.StartTime!.Value, MaxWallClockTime(task)), consumed: true);
            }
            foreach (var pool in _pools.Values)
            {
                foreach (var node in pool.Nodes) Consider(_lifecycle.NextChange(node), consumed: false);
            }
            foreach (var job in _jobs.Values)
            {
                if (job.Phase == JobPhase.Active) Consider(Deadline(job), consumed: true);
                Consider(job.GoneAt, consumed: true);
            }
            Consider(_nextSample, consumed: true);
            Consider(NextEvaluationDue(now)?.At, consumed: true);
            return best;
        }

        /// <summary>Applies everything due at <paramref name="at"/>: ends, node transitions, preemptions, limits; then scheduling, samples and evaluations.</summary>
        private bool Step(DateTimeOffset at)
        {
            _advancedTo = at;
            var changed = CompleteTasksDue(at);
            changed |= AdvanceAllTo(at);
            changed |= PreemptDue(at);
            changed |= ReleaseRetention(at);
            changed |= ExpireJobs(at);
            changed |= ScheduleAll(at);
            SampleIfDue(at);
            var evaluated = false;
            while (NextEvaluationDue(at) is { } due)
            {
                EvaluateOnSchedule(due.Pool, due.At);
                evaluated = true;
            }
            if (evaluated)
            {
                // A scale-down may have requeued tasks, and nodes that stay may take them now.
                ScheduleAll(at);
                changed = true;
            }
            Stepped?.Invoke(at);
            return changed;
        }
    }
}
