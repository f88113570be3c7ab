using System;
using System.Collections.Generic;
using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Watches the model after every step of its clock (under its lock): the timeline's points, every sample, and the node
    /// counts, which hold until the next step, so node-hours and idle node-hours add up exactly.
    /// </summary>
    internal sealed class SimulationObserver
    {
        private readonly PoolModel _model;
        private readonly RecordingAutoScaleEngine _engine;
        private readonly DateTimeOffset _start;
        private readonly List<SimulationTimelinePoint> _timeline = [];
        private readonly List<PoolSample> _samples = [];
        /// <summary>When each task (by its place in the job, its sequence) first started, in UTC ticks; 0 for not yet.</summary>
        private readonly long[] _firstStarts;
        private readonly HashSet<(string Node, int Preemption)> _preemptions = [];
        private int _evaluationsShown;
        private DateTimeOffset? _lastStep;
        private int _dedicated, _lowPriority, _idle;
        private double _dedicatedHours, _lowPriorityHours, _idleHours;
        private (int Dedicated, int LowPriority) _targets;
        private int _resizes;

        public SimulationObserver(PoolModel model, RecordingAutoScaleEngine engine, DateTimeOffset start, int tasks)
        {
            _firstStarts = new long[tasks];
            _model = model;
            _engine = engine;
            _start = start;
        }

        public void OnStep(DateTimeOffset at)
        {
            // Before the pool's moment of creation only its start nodes boot: no part of the simulated span.
            if (at < _start || _model.PoolUnderLock(SimulationRunner.PoolId) is not { } pool) return;
            if (_lastStep is { } last && at > last)
            {
                var hours = (at - last).TotalHours;
                _dedicatedHours += _dedicated * hours;
                _lowPriorityHours += _lowPriority * hours;
                _idleHours += _idle * hours;
            }
            _lastStep = at;

            var job = _model.JobUnderLock(SimulationRunner.JobId);
            var firstSample = _samples.Count;
            var taken = pool.Samples;
            var newest = _samples.Count == 0 ? DateTimeOffset.MinValue : _samples[^1].Time;
            var from = taken.Count;
            while (from > 0 && taken[from - 1].Time > newest) from--;
            for (var i = from; i < taken.Count; i++) _samples.Add(taken[i]);

            // In a step the sample comes before the evaluations, except at the pool's creation (or autoscale's enabling),
            // where the first evaluation is made as the pool is, before the first sample.
            var evaluationsFirst = _evaluationsShown == 0;
            if (!evaluationsFirst) ShowSamples(firstSample, _targets);
            while (_evaluationsShown < _engine.Records.Count)
            {
                var record = _engine.Records[_evaluationsShown++];
                var after = (pool.TargetDedicated, pool.TargetLowPriority);
                if (record.Outcome.Error is null && after != (record.Inputs.TargetDedicatedNodes, record.Inputs.TargetLowPriorityNodes)) _resizes++;
                _timeline.Add(new SimulationTimelinePoint(
                    record.Inputs.Now - _start, pool.TargetDedicated, pool.TargetLowPriority, pool.CurrentNodes(true), pool.CurrentNodes(false),
                    job?.Tally.Active ?? 0, job?.Tally.Running ?? 0, true, record.Outcome.Error));
            }
            _targets = (pool.TargetDedicated, pool.TargetLowPriority);
            if (evaluationsFirst) ShowSamples(firstSample, _targets);

            _dedicated = _lowPriority = _idle = 0;
            foreach (var node in pool.Nodes)
            {
                if (node.Phase == NodePhase.Preempted)
                {
                    // A preempted VM is not paid for; each preemption counts once, however many steps see it.
                    _preemptions.Add((node.Id, node.Preemptions));
                    continue;
                }
                if (node.IsDedicated) _dedicated++;
                else _lowPriority++;
                if (node.Running.Count == 0) _idle++;
                foreach (var task in node.Running)
                {
                    // A requeued task starts again later: its wait ends at its first start.
                    ref var first = ref _firstStarts[task.Sequence];
                    if (first == 0) first = (task.StartTime ?? at).UtcTicks;
                }
            }
        }

        private void ShowSamples(int first, (int Dedicated, int LowPriority) targets)
        {
            for (var i = first; i < _samples.Count; i++)
            {
                var sample = _samples[i];
                _timeline.Add(new SimulationTimelinePoint(
                    sample.Time - _start, targets.Dedicated, targets.LowPriority, sample.Dedicated, sample.LowPriority,
                    sample.Active, sample.Running, false, null));
            }
        }

        public AutoScaleSimulationResult Result(AutoScaleSimulation simulation, int workloadTasks, int submitted, DateTimeOffset end)
        {
            var (waits, completed, failed, lastEnd) = _model.ReadJob(SimulationRunner.JobId, null, (job, _) =>
            {
                var waits = new TimeSpan[job.Tasks.Count];
                DateTimeOffset? lastEnd = null;
                for (var i = 0; i < job.Tasks.Count; i++)
                {
                    var task = job.Tasks[i];
                    var started = _firstStarts[task.Sequence] is var first and not 0 ? new DateTimeOffset(first, TimeSpan.Zero) : task.StartTime ?? end;
                    waits[i] = started - task.CreationTime;
                    if (task.Phase == TaskPhase.Completed && task.EndTime is { } ended && (lastEnd is null || ended > lastEnd)) lastEnd = ended;
                }
                return (waits, job.Tally.Succeeded, job.Tally.Failed, lastEnd);
            });
            Array.Sort(waits);
            TimeSpan Percentile(double p) => waits.Length == 0 ? TimeSpan.Zero : waits[Math.Max(0, (int)Math.Ceiling(p * waits.Length) - 1)];
            var finished = submitted == workloadTasks && completed + failed == workloadTasks;

            var evaluations = new List<SimulationEvaluation>(_engine.Records.Count);
            foreach (var record in _engine.Records)
            {
                var first = record.FirstSample is { } time ? IndexOf(time) : 0;
                evaluations.Add(new SimulationEvaluation(record.Inputs.Now - _start, record.Inputs, record.Outcome, _samples, first, record.SampleCount));
            }

            var summary = new SimulationSummary
            {
                TasksSubmitted = submitted,
                TasksCompleted = completed,
                TasksFailed = failed,
                Finished = finished,
                Makespan = finished ? (lastEnd ?? _start) - _start : null,
                QueueWaitP50 = Percentile(0.50),
                QueueWaitP95 = Percentile(0.95),
                QueueWaitMax = waits.Length == 0 ? TimeSpan.Zero : waits[^1],
                DedicatedNodeHours = _dedicatedHours,
                LowPriorityNodeHours = _lowPriorityHours,
                IdleNodeHours = _idleHours,
                Evaluations = _engine.Records.Count,
                FailedEvaluations = _engine.Records.Count(r => r.Outcome.Error is not null),
                Resizes = _resizes,
                Preemptions = _preemptions.Count,
                Cost = Cost(simulation, _dedicatedHours, _lowPriorityHours),
            };
            return new AutoScaleSimulationResult(simulation, _timeline, evaluations, _samples, summary);
        }

        /// <summary>The price of the node-hours; null when a kind of node was used whose price is not known, or no price is.</summary>
        private static decimal? Cost(AutoScaleSimulation simulation, double dedicatedHours, double lowPriorityHours)
        {
            if (simulation.DedicatedPricePerNodeHour is null && simulation.SpotPricePerNodeHour is null) return null;
            if (dedicatedHours > 0 && simulation.DedicatedPricePerNodeHour is null) return null;
            if (lowPriorityHours > 0 && simulation.SpotPricePerNodeHour is null) return null;
            return (decimal)dedicatedHours * (simulation.DedicatedPricePerNodeHour ?? 0) + (decimal)lowPriorityHours * (simulation.SpotPricePerNodeHour ?? 0);
        }

        private int IndexOf(DateTimeOffset time)
        {
            int low = 0, high = _samples.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                var compare = _samples[middle].Time.CompareTo(time);
                if (compare == 0) return middle;
                if (compare < 0) low = middle + 1;
                else high = middle - 1;
            }
            throw new InvalidOperationException($"An evaluation saw a sample of {time:O} that the simulation did not record.");
        }
    }
}
