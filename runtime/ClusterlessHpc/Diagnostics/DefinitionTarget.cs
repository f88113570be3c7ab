namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// Names for the places a definition's values come from: <c>Attribute.Property</c>, with an index for
    /// repeatable attributes in declaration order; <c>.Attribute</c> names a whole attribute. The analyzer's
    /// reader records the syntax of each, so a diagnostic lands on the argument that holds the mistake.
    /// </summary>
    public static class DefinitionTarget
    {
        public const string PoolClass = "Class";
        public const string PoolId = "BatchPool.Id";
        public const string VmSize = "BatchPool.VmSize";
        public const string NodeCount = "BatchPool.NodeCount";
        public const string LowPriorityNodeCount = "BatchPool.LowPriorityNodeCount";
        public const string TaskSlotsPerNode = "BatchPool.TaskSlotsPerNode";
        public const string ResizeTimeoutMinutes = "BatchPool.ResizeTimeoutMinutes";
        public const string JuliaAttribute = "Julia.Attribute";
        public const string JuliaVersion = "Julia.Version";
        public const string JuliaMirror = "Julia.Mirror";
        public const string JuliaPkgServer = "Julia.PkgServer";
        public const string JuliaSha256 = "Julia.Sha256";
        public const string AutoScaleFormula = "AutoScale.Formula";
        public const string AutoScaleInterval = "AutoScale.EvaluationIntervalMinutes";
        public const string ImageAttribute = "Image.Attribute";
        public const string ImageNodeAgentSku = "Image.NodeAgentSku";
        public const string CustomImageId = "Image.ImageId";
        public const string JuliaDepotPath = "Image.JuliaDepotPath";
        public const string StartTaskRetryCount = "StartTask.MaxRetryCount";
        public const string StartTaskStepTimeout = "StartTask.StepTimeoutMinutes";
        public const string SubnetId = "Network.SubnetId";
        public const string PublicIPAddresses = "Network.PublicIPAddresses";
        public const string PublicIPAddressIds = "Network.PublicIPAddressIds";

        public static string JuliaPackage(int index, string property) => $"JuliaPackage[{index}].{property}";

        public static string ContainerImage(int index) => $"Container[{index}]";

        public static string ContainerRegistry(int index, string property) => $"ContainerRegistry[{index}].{property}";

        public static string EnvironmentVariable(int index, string property) => $"EnvironmentVariable[{index}].{property}";

        public static string Metadata(int index, string property) => $"Metadata[{index}].{property}";

        public static string Mount(int index, string property) => $"Mount[{index}].{property}";

        public static string StartupStep(int index) => $"StartupStep[{index}].Bash";
    }
}
