namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// One <c>[SimulationExpectation]</c> as written: its arguments' values, null where an argument was not given. The
    /// rules check it; once valid it becomes a <see cref="SimulationExpectation"/>.
    /// </summary>
    internal sealed record SimulationExpectationDeclaration(string Workload)
    {
        public string? Name { get; init; }
        public string? MaxMakespan { get; init; }
        public double? MaxCostUsd { get; init; }
        public double? PricePerNodeHour { get; init; }
        public double? SpotPricePerNodeHour { get; init; }
        public string? Duration { get; init; }
        public string? TaskDuration { get; init; }

        /// <summary>The name messages use: <see cref="Name"/>, else the workload's text.</summary>
        public string EffectiveName => string.IsNullOrWhiteSpace(Name) ? Workload : Name!;

        /// <summary>Whether the workload is a file's path rather than a generator.</summary>
        public bool IsFile => WorkloadSpecSyntax.Parse(Workload) is null;
    }
}
