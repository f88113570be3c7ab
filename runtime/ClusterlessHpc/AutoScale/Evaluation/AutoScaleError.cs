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
    }

    /// <summary>The error codes evaluation produces (docs/autoscale.md, "Errors").</summary>
    internal static class AutoScaleErrorCodes
    {
        public const string InsufficientSampleData = "InsufficientSampleData";
        public const string EvaluationError = "AutoScalingFormulaEvaluationError";

        internal static string MessageFor(string code) =>
            code == InsufficientSampleData
                ? "Autoscale evaluation failed due to insufficient sample data"
                : "Autoscale evaluation failed due to an error in the formula";
    }
}
