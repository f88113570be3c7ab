namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// One <c>[SimulationExpectation]</c> as written: its arguments' values, null where an argument was not given. The
    /// rules check it; once valid it becomes a <see cref="SimulationExpectation"/>. The reader sets each argument given in
    /// place (<see cref="Declarations.ExpectationAttribute"/>), so reading one copies nothing.
    /// </summary>
    internal sealed record SimulationExpectationDeclaration(string Workload)
    {
        public string? Name { get; set; }
        public string? MaxMakespan { get; set; }
        public double? MaxCostUsd { get; set; }
        public double? PricePerNodeHour { get; set; }
        public double? SpotPricePerNodeHour { get; set; }
        public string? Duration { get; set; }
        public string? TaskDuration { get; set; }

        /// <summary>The name messages use: <see cref="Name"/>, else the workload's text.</summary>
        public string EffectiveName => string.IsNullOrWhiteSpace(Name) ? Workload : Name!;

        /// <summary>Whether the workload is a file's path rather than a generator.</summary>
        public bool IsFile => WorkloadSpecSyntax.Parse(Workload) is null;
    }
}
