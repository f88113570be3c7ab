using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>Where a job stands while <see cref="PoolJobRunner.WaitAsync"/> waits: its tasks by state and its pool's nodes by state.</summary>
    public sealed class JobProgress
    {
        public JobProgress(PoolJob job, BatchTaskCounts tasks, IReadOnlyDictionary<BatchNodeState, int> nodesByState, TimeSpan elapsed)
        {
            Job = job;
            Tasks = tasks;
            NodesByState = nodesByState;
            Elapsed = elapsed;
        }

        public PoolJob Job { get; }

        /// <summary>The job's tasks: active, running (preparing included), completed, succeeded and failed.</summary>
        public BatchTaskCounts Tasks { get; }

        /// <summary>The pool's nodes, counted by state.</summary>
        public IReadOnlyDictionary<BatchNodeState, int> NodesByState { get; }

        /// <summary>Time since the wait began, on the runner's clock.</summary>
        public TimeSpan Elapsed { get; }

        public override string ToString()
        {
            var nodes = new List<string>();
            foreach (var (state, count) in NodesByState) nodes.Add($"{count} {state}");
            nodes.Sort(StringComparer.Ordinal);
            return $"{Job.Id}: {Tasks.Active} active, {Tasks.Running} running, {Tasks.Succeeded} succeeded, {Tasks.Failed} failed; " +
                   $"nodes: {(nodes.Count == 0 ? "none" : string.Join(", ", nodes))}";
        }
    }
}
