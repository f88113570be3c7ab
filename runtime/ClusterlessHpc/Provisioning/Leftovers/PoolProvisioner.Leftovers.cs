using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// The leak sweep: pools and jobs carry their owner in <see cref="PoolJobRunner.SourceMetadata"/> (the name of the
    /// assembly or parameters file that declared them, written by <c>apply</c>, <c>run</c> and
    /// <see cref="PoolProvisionerOptions.Source"/>). A pool of that owner that its declarations no longer name is left
    /// behind, and so are the owner's jobs on it or completed longer ago than <see cref="DefaultCompletedJobAge"/>.
    /// Pools and jobs of another owner, or of none, are never touched.
    /// </summary>
    public partial class PoolProvisioner
    {
        /// <summary>How long ago a completed job of the owner must have ended to be left behind: 7 days.</summary>
        public static readonly TimeSpan DefaultCompletedJobAge = TimeSpan.FromDays(7);

        private static readonly string[] PoolSelect = ["id", "metadata", "currentDedicatedNodes", "currentLowPriorityNodes", "creationTime", "state"];
        private static readonly string[] JobSelect = ["id", "metadata", "poolInfo", "state", "creationTime", "executionInfo"];

        /// <summary>
        /// Lists, in this provisioner's account, what <paramref name="source"/>'s declarations left behind: its pools that
        /// <paramref name="declared"/> no longer names, and its jobs on those pools or completed more than
        /// <paramref name="completedJobAge"/> (default <see cref="DefaultCompletedJobAge"/>) ago. Sends only reads; an
        /// application can call it at startup with its own pools, and <see cref="DeleteLeftoversAsync"/> with the result.
        /// </summary>
        /// <param name="source">The owner: the declaring assembly's or parameters file's name, as <see cref="PoolProvisionerOptions.Source"/> wrote it.</param>
        /// <param name="declared">The pools the source declares now (kept, whatever their owner).</param>
        /// <param name="completedJobAge">How long ago a completed job of the owner must have ended to be left behind.</param>
        /// <param name="cancellationToken">Stops the listing.</param>
        public virtual async Task<PoolLeftovers> FindLeftoversAsync(
            string source, IEnumerable<PoolDefinition> declared, TimeSpan? completedJobAge = null, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(source);
            ArgumentNullException.ThrowIfNull(declared);
            var kept = new HashSet<string>(declared.Select(p => p.Id), StringComparer.OrdinalIgnoreCase);
            var now = Time.GetUtcNow();
            var cutoff = now - (completedJobAge ?? DefaultCompletedJobAge);

            var pools = new List<LeftoverPool>();
            await foreach (var pool in _client.GetPoolsAsync(select: PoolSelect, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (pool.Id is null || kept.Contains(pool.Id) || !IsOwnedBy(pool.Metadata, source) || pool.State == BatchPoolState.Deleting) continue;
                pools.Add(new LeftoverPool(pool.Id, pool.CurrentDedicatedNodes ?? 0, pool.CurrentLowPriorityNodes ?? 0, pool.CreationTime));
            }
            var leftoverPools = new HashSet<string>(pools.Select(p => p.PoolId), StringComparer.OrdinalIgnoreCase);

            var jobs = new List<LeftoverJob>();
            await foreach (var job in _client.GetJobsAsync(select: JobSelect, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (job.Id is null || !IsOwnedBy(job.Metadata, source) || job.State == BatchJobState.Deleting) continue;
                var poolId = job.PoolInfo?.PoolId ?? job.ExecutionInfo?.PoolId;
                string? reason = null;
                if (poolId is not null && leftoverPools.Contains(poolId)) reason = $"on pool '{poolId}', which is left behind";
                else if (job.State == BatchJobState.Completed && job.ExecutionInfo?.EndTime is { } ended && ended < cutoff)
                {
                    reason = $"completed {DurationText.Format(now - ended)} ago";
                }
                if (reason is not null) jobs.Add(new LeftoverJob(job.Id, poolId, job.State, job.CreationTime, job.ExecutionInfo?.EndTime, reason));
            }
            return new PoolLeftovers(source, pools.OrderBy(p => p.PoolId, StringComparer.OrdinalIgnoreCase).ToList(), jobs.OrderBy(j => j.JobId, StringComparer.OrdinalIgnoreCase).ToList());
        }

        /// <summary>
        /// Deletes what <see cref="FindLeftoversAsync"/> found, the jobs first (so none is left without its pool), and
        /// waits until each is gone. Each pool's and job's owner is read again just before it is deleted, so one that
        /// changed hands since it was listed is kept.
        /// </summary>
        /// <exception cref="TimeoutException">A pool or job still existed after <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        public virtual async Task DeleteLeftoversAsync(PoolLeftovers leftovers, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(leftovers);
            await Task.WhenAll(leftovers.Jobs.Select(j => DeleteJobAsync(j.JobId, leftovers.Source, cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(leftovers.Pools.Select(async p =>
            {
                if (await StillOwnedAsync(() => _client.GetPoolAsync(p.PoolId, cancellationToken), pool => pool.Metadata, leftovers.Source).ConfigureAwait(false))
                {
                    await DeleteAsync(p.PoolId, cancellationToken).ConfigureAwait(false);
                }
            })).ConfigureAwait(false);
        }

        /// <summary>Whether <paramref name="metadata"/> names <paramref name="source"/> as the owner (file names compare ignoring case).</summary>
        public static bool IsOwnedBy(IEnumerable<BatchMetadataItem>? metadata, string source) =>
            metadata?.Any(m => m.Name == PoolJobRunner.SourceMetadata && string.Equals(m.Value, source, StringComparison.OrdinalIgnoreCase)) == true;

        private async Task DeleteJobAsync(string jobId, string source, CancellationToken cancellationToken)
        {
            if (!await StillOwnedAsync(() => _client.GetJobAsync(jobId, cancellationToken), job => job.Metadata, source).ConfigureAwait(false)) return;
            try
            {
                await _client.DeleteJobAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode is "JobNotFound" or "JobBeingDeleted")
            {
                // Gone already, or someone else is deleting it: wait the same way.
            }
            await WaitUntilJobDeletedAsync(jobId, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<bool> StillOwnedAsync<T>(Func<Task<Response<T>>> get, Func<T, IEnumerable<BatchMetadataItem>?> metadata, string source)
        {
            try
            {
                return IsOwnedBy(metadata((await get().ConfigureAwait(false)).Value), source);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false;
            }
        }
    }
}
