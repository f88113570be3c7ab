using System;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.AutoScale;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>
    /// Autoscale: a pool's formula is evaluated when autoscale is enabled (or the pool created with it) and then every
    /// evaluation interval on the emulator's clock. A successful evaluation of a steady pool resizes it to the targets the
    /// formula set; every evaluation is kept as the pool's <c>autoScaleRun</c>.
    /// </summary>
    internal sealed partial class PoolStore
    {
        private static readonly TimeSpan DefaultEvaluationInterval = TimeSpan.FromMinutes(15);
        private static readonly TimeSpan MinEvaluationInterval = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan MaxEvaluationInterval = TimeSpan.FromHours(168);

        /// <summary>Checks a formula's syntax as add and enable do.</summary>
        /// <exception cref="EmulatorException">400 <c>AutoScalingFormulaSyntaxError</c>.</exception>
        public void CheckFormula(string formula)
        {
            if (_autoScale.Check(formula) is { } error) throw BatchErrors.AutoScalingFormulaSyntaxError(error.Code, error.Message);
        }

        public Versions EnableAutoScale(string poolId, BatchPoolEnableAutoScaleOptions options, ConditionalHeaders? conditions) =>
            Change(poolId, (pool, now) =>
            {
                conditions?.Check(pool.ETag, pool.LastModified, isRead: false);
                RequireActive(pool);
                if (pool.Allocation != AllocationState.Steady) throw BatchErrors.PoolBeingResized();
                if (pool.LastEnableAutoScale is { } last && now - last < Settings.EnableAutoScaleMinimumInterval)
                {
                    throw BatchErrors.TooManyEnableAutoScaleRequests();
                }
                if (!pool.AutoScaleEnabled && string.IsNullOrWhiteSpace(options.AutoScaleFormula))
                {
                    throw BatchErrors.MissingRequiredProperty("autoScaleFormula");
                }
                if (options.AutoScaleEvaluationInterval is { } interval && (interval < MinEvaluationInterval || interval > MaxEvaluationInterval))
                {
                    throw BatchErrors.InvalidPropertyValue("autoScaleEvaluationInterval", "autoScaleEvaluationInterval must be between 5 minutes and 168 hours.");
                }
                if (options.AutoScaleFormula is { } formula) CheckFormula(formula);

                var spec = pool.Spec;
                spec.EnableAutoScale = true;
                spec.AutoScaleFormula = options.AutoScaleFormula ?? spec.AutoScaleFormula;
                spec.AutoScaleEvaluationInterval = options.AutoScaleEvaluationInterval ?? spec.AutoScaleEvaluationInterval ?? DefaultEvaluationInterval;
                pool.LastEnableAutoScale = now;
                // A new schedule starts now, with an evaluation.
                pool.NextEvaluation = now;
                Modified(pool, now);
                EvaluateDue(pool, now);
                return new Versions(pool.ETag, pool.LastModified);
            });

        /// <summary>Turns autoscale off; the pool keeps the nodes and targets it has.</summary>
        public Versions DisableAutoScale(string poolId) =>
            Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                pool.Spec.EnableAutoScale = false;
                pool.Spec.AutoScaleFormula = null;
                pool.Spec.AutoScaleEvaluationInterval = null;
                pool.AutoScaleRun = null;
                pool.NextEvaluation = null;
                return Modified(pool, now);
            });

        /// <summary>Evaluates a formula against an autoscale pool without applying it.</summary>
        public (AutoScaleRun Run, Versions Versions) EvaluateAutoScale(string poolId, string formula) =>
            Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                if (!pool.AutoScaleEnabled)
                {
                    throw BatchErrors.OperationInvalidForCurrentState("The pool must have autoscale enabled to evaluate a formula.");
                }
                CheckFormula(formula);
                var (run, _) = Evaluate(pool, formula, now);
                return (run, new Versions(pool.ETag, pool.LastModified));
            }, changes: false);

        private void EvaluateDue(EmulatedPool pool, DateTimeOffset now)
        {
            if (!pool.AutoScaleEnabled || pool.IsDeleting || pool.NextEvaluation is not { } due || now < due) return;
            var interval = pool.Spec.AutoScaleEvaluationInterval ?? DefaultEvaluationInterval;
            var (run, outcome) = Evaluate(pool, pool.Spec.AutoScaleFormula ?? "", due);
            pool.AutoScaleRun = run;
            // Intervals the clock jumped over are not made up: the next evaluation is the next one on the schedule.
            var missed = (now - due).Ticks / interval.Ticks;
            pool.NextEvaluation = due + TimeSpan.FromTicks(interval.Ticks * (missed + 1));

            if (outcome.Error is not null || pool.Allocation != AllocationState.Steady) return;
            var dedicated = Math.Max(0, outcome.TargetDedicatedNodes ?? pool.TargetDedicated);
            var lowPriority = Math.Max(0, outcome.TargetLowPriorityNodes ?? pool.TargetLowPriority);
            if (dedicated == pool.TargetDedicated && lowPriority == pool.TargetLowPriority &&
                dedicated == pool.CurrentNodes(true) && lowPriority == pool.CurrentNodes(false))
            {
                return;
            }
            Resize(pool, dedicated, lowPriority, DefaultResizeTimeout, outcome.NodeDeallocationOption, now);
            Modified(pool, now);
        }

        private (AutoScaleRun Run, AutoScaleOutcome Outcome) Evaluate(EmulatedPool pool, string formula, DateTimeOffset at)
        {
            var inputs = new AutoScaleInputs(
                pool.Id, at, pool.Spec.AutoScaleEvaluationInterval ?? DefaultEvaluationInterval,
                pool.CurrentNodes(true), pool.CurrentNodes(false), pool.TargetDedicated, pool.TargetLowPriority,
                pool.Spec.TaskSlotsPerNode ?? 1, pool.Metrics);
            var outcome = _autoScale.Evaluate(formula, inputs);
            return (new AutoScaleRun { Timestamp = at, Results = outcome.Results, Error = outcome.Error }, outcome);
        }
    }
}
