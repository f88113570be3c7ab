using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Evaluation;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.AutoScale.Language.Binding;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>
    /// An Azure Batch autoscale formula that passed every compile-time check, ready to evaluate offline. Parse one with
    /// <see cref="Parse"/>; the same checks run in the analyzer, so a formula that compiles is one that evaluates.
    /// </summary>
    public sealed class AutoScaleFormula
    {
        private readonly BoundFormula _bound;

        private AutoScaleFormula(string text, BoundFormula bound, IReadOnlyList<FormulaDiagnostic> warnings)
        {
            Text = text;
            _bound = bound;
            Warnings = warnings;
        }

        public string Text { get; }

        /// <summary>The warnings of the check (errors make <see cref="Parse"/> return no formula).</summary>
        public IReadOnlyList<FormulaDiagnostic> Warnings { get; }

        /// <summary>Checks <paramref name="text"/>: the result holds every diagnostic, and the formula when there is no error.</summary>
        public static AutoScaleParseResult Parse(string text)
        {
            var analysis = FormulaChecker.Analyze(text);
            var formula = analysis.Bound is null ? null : new AutoScaleFormula(analysis.Text, analysis.Bound, analysis.Diagnostics);
            return new AutoScaleParseResult(analysis.Diagnostics, analysis.SyntaxErrors, formula);
        }

        /// <summary>Evaluates the formula as the service would at <see cref="AutoScaleContext.Now"/>. Never throws for a formula's own failure: see <see cref="AutoScaleEvaluation.Error"/>.</summary>
        public AutoScaleEvaluation Evaluate(AutoScaleContext context)
        {
            System.ArgumentNullException.ThrowIfNull(context);
            return Evaluator.Run(_bound, Text, context);
        }

        public override string ToString() => Text;
    }

    /// <summary>The outcome of <see cref="AutoScaleFormula.Parse"/>.</summary>
    public sealed class AutoScaleParseResult
    {
        internal AutoScaleParseResult(IReadOnlyList<FormulaDiagnostic> diagnostics, IReadOnlyList<FormulaDiagnostic> syntaxErrors, AutoScaleFormula? formula)
        {
            Diagnostics = diagnostics;
            SyntaxErrors = syntaxErrors;
            Formula = formula;
        }

        /// <summary>Every error and warning, in text order.</summary>
        public IReadOnlyList<FormulaDiagnostic> Diagnostics { get; }

        /// <summary>
        /// The errors that keep the formula from parsing (its characters, tokens and grammar), which the service answers
        /// with 400 <c>AutoScalingFormulaSyntaxError</c>; empty when it parses (see <see cref="EvaluateAsService"/>).
        /// </summary>
        public IReadOnlyList<FormulaDiagnostic> SyntaxErrors { get; }

        /// <summary>The formula, or null when there is an error.</summary>
        public AutoScaleFormula? Formula { get; }

        public bool Succeeded => Formula is not null;

        /// <summary>
        /// The evaluation the service makes of a formula that parses: the formula's own, or, when a check after parsing
        /// failed (an undefined name, a type), a failed one at the first such error with the pool's current targets as
        /// its results, as the service answers <c>Undefined symbol</c> (docs/autoscale.md, "The service's answers").
        /// </summary>
        /// <exception cref="System.InvalidOperationException">The formula does not parse (<see cref="SyntaxErrors"/>).</exception>
        public AutoScaleEvaluation EvaluateAsService(AutoScaleContext context)
        {
            System.ArgumentNullException.ThrowIfNull(context);
            if (Formula is not null) return Formula.Evaluate(context);
            if (SyntaxErrors.Count > 0) throw new System.InvalidOperationException("The formula does not parse: " + SyntaxErrors[0]);
            var first = System.Linq.Enumerable.First(Diagnostics, d => d.IsError);
            return new AutoScaleEvaluation(context.TargetDedicatedNodes, context.TargetLowPriorityNodes, Language.BuiltIns.DeallocationOptions.Default,
                System.Array.Empty<KeyValuePair<string, string>>(), AutoScaleError.AfterParsing(first));
        }
    }
}
