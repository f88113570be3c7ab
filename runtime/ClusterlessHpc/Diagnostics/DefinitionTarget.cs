namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// Names for the places a definition's values come from: <c>Attribute.Property</c>, with an index for
    /// repeatable attributes in declaration order; <c>.Attribute</c> names a whole attribute. The analyzer's
    /// reader records the syntax of each (from the attributes' descriptions, which name their targets with
    /// <see cref="Of(string, string)"/>), so a diagnostic lands on the argument that holds the mistake.
    /// </summary>
    internal static class DefinitionTarget
    {
        // The first part of each attribute's targets: its name, except that both image attributes are "Image" and every mount a "Mount".
        internal const string BatchPool = "BatchPool";
        internal const string Image = "Image";
        internal const string Julia = "Julia";
        internal const string JuliaPackageTarget = "JuliaPackage";
        internal const string JuliaManifest = "JuliaManifest";
        internal const string StartupStepTarget = "StartupStep";
        internal const string AutoScale = "AutoScale";
        internal const string Container = "Container";
        internal const string ContainerRegistryTarget = "ContainerRegistry";
        internal const string EnvironmentVariableTarget = "EnvironmentVariable";
        internal const string MetadataTarget = "Metadata";
        internal const string StartTask = "StartTask";
        internal const string Network = "Network";
        internal const string MountTarget = "Mount";
        internal const string SimulationExpectationTarget = "SimulationExpectation";

        /// <summary>The last part of a target that names a whole attribute.</summary>
        public const string WholeAttribute = "Attribute";

        public const string PoolClass = "Class";
        public const string PoolId = BatchPool + "." + nameof(BatchPoolAttribute.Id);
        public const string VmSize = BatchPool + "." + nameof(BatchPoolAttribute.VmSize);
        public const string NodeCount = BatchPool + "." + nameof(BatchPoolAttribute.NodeCount);
        public const string LowPriorityNodeCount = BatchPool + "." + nameof(BatchPoolAttribute.LowPriorityNodeCount);
        public const string TaskSlotsPerNode = BatchPool + "." + nameof(BatchPoolAttribute.TaskSlotsPerNode);
        public const string ResizeTimeoutMinutes = BatchPool + "." + nameof(BatchPoolAttribute.ResizeTimeoutMinutes);
        public const string JuliaAttribute = Julia + "." + WholeAttribute;
        public const string JuliaVersion = Julia + "." + nameof(ClusterlessHpc.JuliaAttribute.Version);
        public const string JuliaMirror = Julia + "." + nameof(ClusterlessHpc.JuliaAttribute.Mirror);
        public const string JuliaPkgServer = Julia + "." + nameof(ClusterlessHpc.JuliaAttribute.PkgServer);
        public const string JuliaSha256 = Julia + "." + nameof(ClusterlessHpc.JuliaAttribute.Sha256);
        public const string JuliaManifestAttribute = JuliaManifest + "." + WholeAttribute;
        public const string JuliaManifestPath = JuliaManifest + "." + nameof(ClusterlessHpc.JuliaManifestAttribute.Path);
        public const string AutoScaleFormula = AutoScale + "." + nameof(AutoScaleAttribute.Formula);
        public const string AutoScaleInterval = AutoScale + "." + nameof(AutoScaleAttribute.EvaluationIntervalMinutes);
        public const string ImageAttribute = Image + "." + WholeAttribute;
        public const string ImageNodeAgentSku = Image + "." + nameof(MarketplaceImageAttribute.NodeAgentSku);
        public const string CustomImageId = Image + "." + nameof(CustomImageAttribute.ImageId);
        public const string JuliaDepotPath = Image + "." + nameof(CustomImageAttribute.JuliaDepotPath);
        public const string StartTaskRetryCount = StartTask + "." + nameof(StartTaskAttribute.MaxRetryCount);
        public const string StartTaskStepTimeout = StartTask + "." + nameof(StartTaskAttribute.StepTimeoutMinutes);
        public const string SubnetId = Network + "." + nameof(NetworkAttribute.SubnetId);
        public const string PublicIPAddresses = Network + "." + nameof(NetworkAttribute.PublicIPAddresses);
        public const string PublicIPAddressIds = Network + "." + nameof(NetworkAttribute.PublicIPAddressIds);

        /// <summary>The target of a property (or <see cref="WholeAttribute"/>) of a single attribute.</summary>
        public static string Of(string attribute, string property) => attribute + "." + property;

        /// <summary>The target of a property (or <see cref="WholeAttribute"/>) of the repeatable attribute declared <paramref name="index"/>th.</summary>
        public static string Of(string attribute, int index, string property) => $"{attribute}[{index}].{property}";

        /// <summary>The target of one item of a list argument.</summary>
        public static string Item(string argument, int index) => $"{argument}[{index}]";

        public static string JuliaPackage(int index, string property) => Of(JuliaPackageTarget, index, property);

        public static string ContainerImage(int index) => Item(Of(Container, nameof(ContainerAttribute.Images)), index);

        public static string ContainerRegistry(int index, string property) => Of(ContainerRegistryTarget, index, property);

        public static string EnvironmentVariable(int index, string property) => Of(EnvironmentVariableTarget, index, property);

        public static string Metadata(int index, string property) => Of(MetadataTarget, index, property);

        public static string Mount(int index, string property) => Of(MountTarget, index, property);

        public static string StartupStep(int index) => Of(StartupStepTarget, index, nameof(StartupStepAttribute.Bash));
    }
}
