using System;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Autoscale: a pool's formula is evaluated when autoscale is enabled (or the pool created with it) and then every
    /// evaluation interval on the model's clock. A successful evaluation of a steady pool resizes it to the targets the
    /// formula set; every evaluation is kept as the pool's <c>autoScaleRun</c>.
    /// </summary>
    public sealed partial class PoolModel
    {
        /// <summary>
        /// Checks that a formula parses, as add, enable and evaluate do; what is wrong past parsing (an undefined name)
        /// is found when it is evaluated, and reported in the run.
        /// </summary>
        /// <exception cref="PoolModelException">400 <c>AutoScalingFormulaSyntaxError</c>.</exception>
        public void CheckFormula(string formula)
        {
            if (_autoScale.Check(formula) is { } error) throw ModelErrors.AutoScalingFormulaSyntaxError(error.Detail);
        }

        public Versions EnableAutoScale(string poolId, BatchPoolEnableAutoScaleOptions options, PoolPrecondition? condition)
        {
            // The body first, before the pool is looked up, as the service does.
            if (options.AutoScaleEvaluationInterval is { } interval && !ServiceLimits.IsEvaluationIntervalInRange(interval))
            {
                throw ModelErrors.InvalidPropertyValue("autoScaleEvaluationInterval", $"autoScaleEvaluationInterval must be between {ServiceLimits.MinEvaluationIntervalMinutes} minutes and {ServiceLimits.MaxEvaluationIntervalMinutes / 60} hours.");
            }
            if (options.AutoScaleFormula is { } formula) CheckFormula(formula);
            return Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                RequireActive(pool);
                if (pool.Allocation != AllocationState.Steady) throw ModelErrors.PoolBeingResized();
                if (pool.LastEnableAutoScale is { } last && now - last < Settings.EnableAutoScaleMinimumInterval)
                {
                    throw ModelErrors.TooManyEnableAutoScaleRequests();
                }
                if (!pool.AutoScaleEnabled && string.IsNullOrWhiteSpace(options.AutoScaleFormula))
                {
                    throw ModelErrors.MissingRequiredProperty("autoScaleFormula");
                }

                var spec = pool.Spec;
                spec.EnableAutoScale = true;
                spec.AutoScaleFormula = options.AutoScaleFormula ?? spec.AutoScaleFormula;
                spec.AutoScaleEvaluationInterval = options.AutoScaleEvaluationInterval ?? spec.AutoScaleEvaluationInterval ?? ServiceLimits.DefaultEvaluationInterval;
                pool.LastEnableAutoScale = now;
                // A new schedule starts now, with an evaluation that sizes the pool at once but is not reported: the
                // pool shows the previous run, or none, until the next one (the 2025 recordings, observation 6).
                pool.NextEvaluation = now;
                Modified(pool, now);
                EvaluateOnSchedule(pool, now, report: false);
                return new Versions(pool.ETag, pool.LastModified);
            });
        }

        /// <summary>
        /// Turns autoscale off; the pool keeps the nodes and targets it has, and a resize the formula started is stopped
        /// (observation 7: <c>stopping</c>, then steady with <c>ResizeStopped</c>, the target left at the formula's value).
        /// </summary>
        public Versions DisableAutoScale(string poolId) =>
            Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                if (pool.AutoScaleEnabled && pool.Allocation == AllocationState.Resizing) Stop(pool, now);
                pool.Spec.EnableAutoScale = false;
                pool.Spec.AutoScaleFormula = null;
                pool.Spec.AutoScaleEvaluationInterval = null;
                pool.AutoScaleRun = null;
                pool.NextEvaluation = null;
                return Modified(pool, now);
            });

        /// <summary>Evaluates a formula against an autoscale pool without applying it.</summary>
        public (AutoScaleRun Run, Versions Versions) EvaluateAutoScale(string poolId, string formula)
        {
            // The body first, before the pool is looked up, as the service does.
            CheckFormula(formula);
            return Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                if (!pool.AutoScaleEnabled)
                {
                    throw ModelErrors.OperationInvalidForCurrentState("The pool must have autoscale enabled to evaluate a formula.");
                }
                var (run, _) = Evaluate(pool, formula, now);
                return (run, new Versions(pool.ETag, pool.LastModified));
            }, changes: false);
        }

        /// <summary>
        /// The evaluation due at <paramref name="due"/>, made at that time (the account has been brought to it): the run
        /// is kept, the next one is an interval later (none the clock jumped over is left out), and a steady pool is
        /// resized to the targets the formula set.
        /// </summary>
        private void EvaluateOnSchedule(SimulatedPool pool, DateTimeOffset due, bool report = true)
        {
            var interval = pool.Spec.AutoScaleEvaluationInterval ?? ServiceLimits.DefaultEvaluationInterval;
            // The service refuses shorter intervals; a state file edited by hand must not make the loop spin.
            if (interval < ServiceLimits.MinEvaluationInterval) interval = ServiceLimits.MinEvaluationInterval;
            var (run, outcome) = Evaluate(pool, pool.Spec.AutoScaleFormula ?? "", due);
            if (report) pool.AutoScaleRun = run;
            pool.NextEvaluation = due + interval;
            AutoScaleEvaluated?.Invoke(pool.Id, run);

            if (outcome.Error is not null || pool.Allocation != AllocationState.Steady) return;
            var dedicated = Math.Max(0, outcome.TargetDedicatedNodes ?? pool.TargetDedicated);
            var lowPriority = Math.Max(0, outcome.TargetLowPriorityNodes ?? pool.TargetLowPriority);
            if (dedicated == pool.TargetDedicated && lowPriority == pool.TargetLowPriority &&
                dedicated == pool.CurrentNodes(true) && lowPriority == pool.CurrentNodes(false))
            {
                return;
            }
            Resize(pool, dedicated, lowPriority, ServiceLimits.DefaultResizeTimeout, outcome.NodeDeallocationOption, due);
            Modified(pool, due);
        }

        private (AutoScaleRun Run, AutoScaleOutcome Outcome) Evaluate(SimulatedPool pool, string formula, DateTimeOffset at)
        {
            var inputs = new AutoScaleInputs(
                pool.Id, at, pool.Spec.AutoScaleEvaluationInterval ?? ServiceLimits.DefaultEvaluationInterval,
                pool.CurrentNodes(true), pool.CurrentNodes(false), pool.TargetDedicated, pool.TargetLowPriority,
                pool.Spec.TaskSlotsPerNode ?? 1, pool.Metrics, SamplesFor(pool, at), FeedWins: !HasJobs(pool));
            var outcome = _autoScale.Evaluate(formula, inputs);
            return (new AutoScaleRun { Timestamp = at, Results = outcome.Results, Error = outcome.Error }, outcome);
        }
    }
}
