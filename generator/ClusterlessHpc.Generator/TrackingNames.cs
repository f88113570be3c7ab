namespace ClusterlessHpc.Generator
{
    /// <summary>Names of the generator's tracked steps, so tests can check each is cached between runs.</summary>
    internal static class TrackingNames
    {
        public const string DeclarationShapes = nameof(DeclarationShapes);
        public const string CompilationInputs = nameof(CompilationInputs);
        public const string PoolDeclarations = nameof(PoolDeclarations);
        public const string BoundPools = nameof(BoundPools);
        public const string PoolModels = nameof(PoolModels);
        public const string ResolvedPools = nameof(ResolvedPools);
        public const string EmittablePools = nameof(EmittablePools);
        public const string Registry = nameof(Registry);
        public const string DeclarationSites = nameof(DeclarationSites);
        public const string SimulationExpectations = nameof(SimulationExpectations);
    }
}
