using System;

namespace ClusterlessHpc.AutoScale.Evaluation
{
    /// <summary>Ends an evaluation with a service error code at a position of the formula; caught by the evaluator only.</summary>
    internal sealed class EvaluationFailure : Exception
    {
        public EvaluationFailure(string code, int position, string detail) : base(detail)
        {
            Code = code;
            Position = position;
        }

        public string Code { get; }

        public int Position { get; }
    }
}
