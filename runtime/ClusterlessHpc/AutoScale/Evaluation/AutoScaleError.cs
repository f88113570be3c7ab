namespace ClusterlessHpc.AutoScale
{
    /// <summary>Why an evaluation failed, in the service's AutoScaleRunError terms.</summary>
    public sealed class AutoScaleError
    {
        internal AutoScaleError(string code, string message, int line, int column, string detail)
        {
            Code = code;
            Message = message;
            Line = line;
            Column = column;
            Detail = "Line " + line + ", Col " + column + ": " + detail;
        }

        /// <summary>For example <c>InsufficientSampleData</c>.</summary>
        public string Code { get; }

        /// <summary>The general message, for example "Autoscale evaluation failed due to insufficient sample data".</summary>
        public string Message { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The service's <c>values[Message]</c>: "Line L, Col C: ..." with what went wrong.</summary>
        public string Detail { get; }

        public override string ToString() => Code + ": " + Detail;

        /// <summary>
        /// A problem found after parsing, as the service reports it when it evaluates: an evaluation error whose
        /// detail is the service's <c>Undefined symbol: NAME</c> for a name that does not exist, and the rule's message
        /// otherwise. Never the rule's id: that is the project's, not the service's.
        /// </summary>
        internal static AutoScaleError AfterParsing(Language.FormulaDiagnostic diagnostic)
        {
            var rule = diagnostic.Rule;
            var undefined = rule == Diagnostics.DiagnosticCatalogue.FormulaVariableMustExist ||
                            rule == Diagnostics.DiagnosticCatalogue.FormulaFunctionMustExist ||
                            rule == Diagnostics.DiagnosticCatalogue.FormulaMethodMustExist ||
                            rule == Diagnostics.DiagnosticCatalogue.FormulaMemberMustExist;
            var detail = undefined ? "Undefined symbol: " + diagnostic.MessageArgs[0] : diagnostic.Message;
            return new AutoScaleError(AutoScaleErrorCodes.EvaluationError, AutoScaleErrorCodes.MessageFor(AutoScaleErrorCodes.EvaluationError),
                diagnostic.Line, diagnostic.Column, detail);
        }
    }

    /// <summary>The error codes evaluation produces (docs/autoscale.md, "Errors").</summary>
    internal static class AutoScaleErrorCodes
    {
        public const string InsufficientSampleData = "InsufficientSampleData";
        public const string EvaluationError = "AutoScalingFormulaEvaluationError";

        internal static string MessageFor(string code) =>
            code == InsufficientSampleData
                ? "Autoscale evaluation failed due to insufficient sample data"
                : "The specified auto-scaling formula has evaluation error";
    }
}
