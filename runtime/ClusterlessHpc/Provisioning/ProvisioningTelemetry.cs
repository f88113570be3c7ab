using System.Diagnostics;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>The <c>ClusterlessHpc</c> activity source: one span per provisioning operation, tagged with the pool id.</summary>
    internal static class ProvisioningTelemetry
    {
        public const string SourceName = "ClusterlessHpc";

        public static ActivitySource Source { get; } = new(SourceName, typeof(ProvisioningTelemetry).Assembly.GetName().Version?.ToString());

        internal static Activity? Start(string operation, string poolId)
        {
            var activity = Source.StartActivity("ClusterlessHpc." + operation);
            activity?.SetTag("clusterlesshpc.pool.id", poolId);
            return activity;
        }

        internal static void Fail(Activity? activity, System.Exception error) => Batch.DiagnosticScope.MarkFailed(activity, error);
    }
}
