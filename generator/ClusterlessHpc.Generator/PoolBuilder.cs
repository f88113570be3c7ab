using System.Collections.Generic;

namespace ClusterlessHpc.Generator
{
    /// <summary>Collects a definition's values while the attributes are read, in any order.</summary>
    internal sealed class PoolBuilder
    {
        public string Id = "";
        public string VmSize = PoolDefinition.DefaultVmSize;
        public int? NodeCount, LowPriorityNodeCount, TaskSlotsPerNode, ResizeTimeoutMinutes;
        public bool InterNodeCommunication;
        public string? Account;
        public ImageDefinition? Image;
        public JuliaDefinition? Julia;
        public readonly List<JuliaPackageDefinition> JuliaPackages = new();
        public readonly List<StartupStepDefinition> StartupSteps = new();
        public AutoScaleDefinition? AutoScale;
        public readonly List<string> ContainerImages = new();
        public readonly List<ContainerRegistryDefinition> ContainerRegistries = new();
        public readonly List<NameValueDefinition> EnvironmentVariables = new();
        public readonly List<NameValueDefinition> Metadata = new();
        public int StartTaskRetryCount;
        public bool WaitForStartTask = true;
        public int? StartTaskStepTimeoutMinutes;
        public NetworkDefinition? Network;
        public readonly List<MountDefinition> Mounts = new();

        public PoolDefinition Build() => new()
        {
            Id = Id,
            VmSize = VmSize,
            NodeCount = NodeCount,
            LowPriorityNodeCount = LowPriorityNodeCount,
            TaskSlotsPerNode = TaskSlotsPerNode,
            InterNodeCommunication = InterNodeCommunication,
            ResizeTimeoutMinutes = ResizeTimeoutMinutes,
            Account = Account,
            Image = Image,
            Julia = Julia,
            JuliaPackages = JuliaPackages.ToArray(),
            StartupSteps = StartupSteps.ToArray(),
            AutoScale = AutoScale,
            ContainerImages = ContainerImages.ToArray(),
            ContainerRegistries = ContainerRegistries.ToArray(),
            EnvironmentVariables = EnvironmentVariables.ToArray(),
            Metadata = Metadata.ToArray(),
            StartTaskRetryCount = StartTaskRetryCount,
            WaitForStartTask = WaitForStartTask,
            StartTaskStepTimeoutMinutes = StartTaskStepTimeoutMinutes,
            Network = Network,
            Mounts = Mounts.ToArray(),
        };
    }
}
