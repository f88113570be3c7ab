using System;
using System.Collections.Generic;
using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Jobs: add (on a pool, which need not exist yet: its tasks wait until it does), read, patch, update, terminate and delete.
    /// A job completes when it is terminated, when its <c>maxWallClockTime</c> passes, or, with
    /// <c>onAllTasksComplete: terminatejob</c>, when its last task completes. Its tasks are in <c>PoolModel.Tasks.cs</c>.
    /// </summary>
    public sealed partial class PoolModel
    {
        private readonly Dictionary<string, SimulatedJob> _jobs = new(StringComparer.OrdinalIgnoreCase);

        /// <exception cref="PoolModelException"><c>JobExists</c>, <c>JobBeingDeleted</c>, or a rule of <see cref="JobRules"/>.</exception>
        public Versions AddJob(JobSpec spec)
        {
            JobRules.CheckJob(spec);
            return ChangeAccount(now =>
            {
                if (_jobs.TryGetValue(spec.Id, out var existing))
                {
                    throw existing.Phase == JobPhase.Deleting ? ModelErrors.JobBeingDeleted() : ModelErrors.JobExists();
                }
                var job = new SimulatedJob
                {
                    Spec = spec,
                    CreationTime = now,
                    LastModified = now,
                    ETag = NextETag(now),
                    StateTransitionTime = now,
                };
                _jobs.Add(spec.Id, job);
                return new Versions(job.ETag, job.LastModified);
            });
        }

        /// <summary>Reads every job (under the lock, so a read sees one consistent account).</summary>
        public T ReadJobs<T>(Func<IReadOnlyCollection<SimulatedJob>, DateTimeOffset, T> read) =>
            ChangeAccount(now => read(_jobs.Values, now), changes: false);

        /// <exception cref="PoolModelException"><c>JobNotFound</c>, or the failed condition.</exception>
        public T ReadJob<T>(string jobId, PoolPrecondition? condition, Func<SimulatedJob, DateTimeOffset, T> read) =>
            ChangeAccount(now =>
            {
                var job = FindJob(jobId);
                condition?.Invoke(job.ETag, job.LastModified);
                return read(job, now);
            }, changes: false);

        /// <summary>Replaces what the patch sets: priority, maxParallelTasks, allowTaskPreemption, constraints, onAllTasksComplete, metadata.</summary>
        /// <exception cref="PoolModelException"><c>JobNotFound</c>, <c>JobBeingDeleted</c>, <c>JobCompleted</c>, or a bad value.</exception>
        public Versions PatchJob(string jobId, JobSpec patch, PoolPrecondition? condition) => ChangeJob(jobId, patch, condition, replaceAll: false);

        /// <summary>
        /// Replaces every updatable property (JobUpdateParameter): what the update leaves out goes back to its default
        /// (priority 0, maxParallelTasks -1, allowTaskPreemption false, no constraints, no metadata, onAllTasksComplete noaction).
        /// </summary>
        /// <exception cref="PoolModelException"><c>JobNotFound</c>, <c>JobBeingDeleted</c>, <c>JobCompleted</c>, a missing poolInfo, or a bad value.</exception>
        public Versions UpdateJob(string jobId, JobSpec update, PoolPrecondition? condition)
        {
            if (string.IsNullOrWhiteSpace(update.PoolInfo?.PoolId)) throw ModelErrors.MissingRequiredProperty("poolInfo.poolId");
            return ChangeJob(jobId, update, condition, replaceAll: true);
        }

        private Versions ChangeJob(string jobId, JobSpec changes, PoolPrecondition? condition, bool replaceAll)
        {
            JobRules.CheckCommon(changes.Priority, changes.MaxParallelTasks, changes.OnAllTasksComplete, changes.Constraints);
            return ChangeAccount(now =>
            {
                var job = FindJob(jobId);
                condition?.Invoke(job.ETag, job.LastModified);
                RequireJobActive(job);
                var spec = job.Spec;
                if (changes.PoolInfo is not null && !string.Equals(changes.PoolId, spec.PoolId, StringComparison.OrdinalIgnoreCase))
                {
                    throw ModelErrors.OperationInvalidForCurrentState("A job's pool can be changed only while the job is disabled; the emulator does not disable jobs.");
                }
                var complete = changes.OnAllTasksComplete ?? (replaceAll ? JobSpecValues.NoAction : null);
                if (complete is not null)
                {
                    if (spec.TerminatesWhenAllTasksComplete && string.Equals(complete, JobSpecValues.NoAction, StringComparison.OrdinalIgnoreCase))
                    {
                        throw ModelErrors.InvalidPropertyValue("onAllTasksComplete", "A job's onAllTasksComplete cannot go back from terminatejob to noaction.");
                    }
                    spec.OnAllTasksComplete = complete.ToLowerInvariant();
                }
                if (replaceAll || changes.Priority is not null) spec.Priority = changes.Priority;
                if (replaceAll || changes.MaxParallelTasks is not null) spec.MaxParallelTasks = changes.MaxParallelTasks;
                if (replaceAll || changes.AllowTaskPreemption is not null) spec.AllowTaskPreemption = changes.AllowTaskPreemption;
                if (replaceAll || changes.Constraints is not null) spec.Constraints = changes.Constraints;
                if (replaceAll || changes.Metadata is not null) spec.Metadata = changes.Metadata;
                var versions = ModifiedJob(job, now);
                // Set once the tasks are added, terminatejob ends a job whose tasks have all completed already.
                CompleteIfAllTasksDone(job, now);
                return versions;
            });
        }

        /// <summary>
        /// Terminates the job: its running tasks end (completed, failed with <c>TaskEnded</c>), its active tasks stay
        /// active and never run, and it takes no more tasks.
        /// </summary>
        public Versions TerminateJob(string jobId, string? reason, PoolPrecondition? condition) =>
            ChangeAccount(now =>
            {
                var job = FindJob(jobId);
                condition?.Invoke(job.ETag, job.LastModified);
                RequireJobActive(job);
                CompleteJob(job, now, string.IsNullOrEmpty(reason) ? "UserTerminate" : reason);
                return new Versions(job.ETag, job.LastModified);
            });

        /// <summary>
        /// Marks the job <c>deleting</c>: its tasks stop and go, with their files on the nodes (whatever their retention
        /// time), and the job is gone after the job delete delay.
        /// </summary>
        public void DeleteJob(string jobId, PoolPrecondition? condition) =>
            ChangeAccount(now =>
            {
                var job = FindJob(jobId);
                condition?.Invoke(job.ETag, job.LastModified);
                if (job.Phase == JobPhase.Deleting) throw ModelErrors.JobBeingDeleted();
                SetJobPhase(job, JobPhase.Deleting, now);
                job.GoneAt = now + Settings.JobDeleteDelay;
                foreach (var task in job.Tasks.ToList()) RemoveTask(job, task, now);
                ModifiedJob(job, now);
                return 0;
            });

        private SimulatedJob FindJob(string jobId) => _jobs.TryGetValue(jobId, out var job) ? job : throw ModelErrors.JobNotFound();

        private static void RequireJobActive(SimulatedJob job)
        {
            if (job.Phase == JobPhase.Deleting) throw ModelErrors.JobBeingDeleted();
            if (job.Phase == JobPhase.Completed) throw ModelErrors.JobCompleted();
        }

        /// <summary>Completes an active job: its running tasks end, its active ones stay as they are.</summary>
        private void CompleteJob(SimulatedJob job, DateTimeOffset at, string reason)
        {
            if (job.Phase != JobPhase.Active) return;
            SetJobPhase(job, JobPhase.Completed, at);
            job.EndTime = at;
            job.TerminateReason = reason;
            var failure = reason == "MaxWallClockTimeExpiry" ? TaskFailures.JobMaxWallClockTimeExpiry() : TaskFailures.EndedByUser();
            foreach (var task in job.Tasks.Where(t => t.Phase == TaskPhase.Running).ToList()) EndTask(job, task, at, null, failure);
            ModifiedJob(job, at);
        }

        /// <summary><c>onAllTasksComplete: terminatejob</c>: a job with tasks, all of them completed, completes.</summary>
        private void CompleteIfAllTasksDone(SimulatedJob job, DateTimeOffset at)
        {
            if (job.Phase == JobPhase.Active && job.Spec.TerminatesWhenAllTasksComplete && job.Tasks.Count > 0 && job.Tally.Completed == job.Tasks.Count)
            {
                CompleteJob(job, at, "AllTasksComplete");
            }
        }

        private static void SetJobPhase(SimulatedJob job, JobPhase phase, DateTimeOffset at)
        {
            job.PreviousPhase = job.Phase;
            job.PreviousStateTransitionTime = job.StateTransitionTime;
            job.Phase = phase;
            job.StateTransitionTime = at;
        }

        private Versions ModifiedJob(SimulatedJob job, DateTimeOffset now)
        {
            job.LastModified = now;
            job.ETag = NextETag(now);
            return new Versions(job.ETag, job.LastModified);
        }

        /// <summary>Completes the jobs whose maxWallClockTime has passed and drops the deleted ones whose time has come.</summary>
        private bool ExpireJobs(DateTimeOffset at)
        {
            List<string>? gone = null;
            var changed = false;
            foreach (var job in _jobs.Values)
            {
                if (job.Phase == JobPhase.Active && Deadline(job) is { } deadline && deadline <= at)
                {
                    CompleteJob(job, deadline, "MaxWallClockTimeExpiry");
                    changed = true;
                }
                if (job.GoneAt is { } goneAt && goneAt <= at) (gone ??= []).Add(job.Id);
            }
            foreach (var id in gone ?? []) _jobs.Remove(id);
            return changed || gone is not null;
        }

        private static DateTimeOffset? Deadline(SimulatedJob job) => After(job.CreationTime, job.Spec.Constraints?.MaxWallClockTime);

        /// <summary><paramref name="from"/> plus a limit; null for no limit, or one past the calendar (the service's "unlimited" is TimeSpan.MaxValue).</summary>
        private static DateTimeOffset? After(DateTimeOffset from, TimeSpan? limit) =>
            limit is { } span && span < DateTimeOffset.MaxValue - from ? from + span : null;
    }
}
