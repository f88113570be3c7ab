namespace ClusterlessHpc.Diagnostics
{
    /// <summary>The autoscale formula rules (CHPC1000–1999).</summary>
    public static partial class DiagnosticCatalogue
    {
        private static PoolRule[] AutoScaleRules() => new PoolRule[]
        {
        };
    }
}
