namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// Names for the places a definition's values come from: <c>Attribute.Property</c>, with an index for
    /// repeatable attributes in declaration order. The analyzer's reader records the syntax of each.
    /// </summary>
    public static class DefinitionTarget
    {
        public const string PoolClass = "Class";
        public const string PoolId = "BatchPool.Id";
        public const string VmSize = "BatchPool.VmSize";
        public const string NodeCount = "BatchPool.NodeCount";
        public const string LowPriorityNodeCount = "BatchPool.LowPriorityNodeCount";
        public const string JuliaVersion = "Julia.Version";

        public static string JuliaPackage(int index, string property) => $"JuliaPackage[{index}].{property}";
    }
}
