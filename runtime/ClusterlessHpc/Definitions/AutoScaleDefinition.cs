namespace ClusterlessHpc
{
    /// <summary>Autoscaling: the formula Batch evaluates every <see cref="EvaluationIntervalMinutes"/> to set the pool's targets.</summary>
    public sealed record AutoScaleDefinition(string Formula)
    {
        /// <summary>The service's default evaluation interval.</summary>
        public const int DefaultEvaluationIntervalMinutes = Rules.ServiceLimits.DefaultEvaluationIntervalMinutes;

        public int EvaluationIntervalMinutes { get; init; } = DefaultEvaluationIntervalMinutes;
    }
}
