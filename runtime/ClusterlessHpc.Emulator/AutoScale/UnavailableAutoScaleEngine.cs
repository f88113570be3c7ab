using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.AutoScale
{
    /// <summary>
    /// Stands in while the runtime has no formula evaluator: formulas are accepted as written and every evaluation
    /// ends in the error <c>AutoScaleEvaluatorUnavailable</c>, so nothing is resized by a formula the emulator cannot
    /// read. It never pretends to evaluate.
    /// </summary>
    internal sealed class UnavailableAutoScaleEngine : IAutoScaleEngine
    {
        public AutoScaleFormulaError? Check(string formula) => null;

        public AutoScaleOutcome Evaluate(string formula, AutoScaleInputs inputs) => new(
            null, null, null, null,
            new AutoScaleRunError
            {
                Code = "AutoScaleEvaluatorUnavailable",
                Message = "This build of the emulator has no autoscale formula evaluator, so the formula was not evaluated.",
            });
    }
}
