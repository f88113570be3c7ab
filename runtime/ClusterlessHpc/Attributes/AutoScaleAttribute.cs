using System;

namespace ClusterlessHpc
{
    /// <summary>Scales the pool with an Azure Batch autoscale formula instead of fixed node counts.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AutoScaleAttribute : Attribute
    {
        public AutoScaleAttribute(string formula) => Formula = formula;

        public string Formula { get; }

        /// <summary>Minutes between evaluations: 5 to 10080 (168 hours); the service's default is 15.</summary>
        public int EvaluationIntervalMinutes { get; set; } = AutoScaleDefinition.DefaultEvaluationIntervalMinutes;
    }
}
