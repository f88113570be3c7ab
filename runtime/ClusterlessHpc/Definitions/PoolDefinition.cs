using System.Collections.Generic;

namespace ClusterlessHpc
{
    /// <summary>
    /// Everything ClusterlessHpc needs to create one Azure Batch pool: what the attributes on a
    /// <c>[BatchPool]</c> class declare, or what code or a legacy parameters file builds.
    /// Compares by value (lists by their items), so the generator can cache it and the provisioner can compare two
    /// of them; <c>with</c> makes a changed copy.
    /// </summary>
    public sealed record PoolDefinition
    {
        /// <summary>The seed's default VM size (AzureClusterlessHPC.jl's <c>_POOL_VM_SIZE</c>).</summary>
        public const string DefaultVmSize = "Standard_E2s_v3";

        /// <summary>
        /// How long one step of the startup script (a download, a Julia process, a <c>[StartupStep]</c>) may take when the
        /// pool does not say: Batch start tasks have no time limit of their own, so a step that never returns would keep
        /// the node waiting for ever.
        /// </summary>
        public const int DefaultStepTimeoutMinutes = 60;

        /// <summary>The Batch pool id: at most 64 letters, digits, hyphens and underscores; compared case-insensitively.</summary>
        public string Id { get; init; } = "";

        /// <summary>The Azure VM size of every node, for example <c>Standard_E8s_v3</c>.</summary>
        public string VmSize { get; init; } = DefaultVmSize;

        /// <summary>Target dedicated nodes; <c>null</c> when not declared (then 1, unless low-priority nodes are declared).</summary>
        public int? NodeCount { get; init; }

        /// <summary>Target low-priority (Spot) nodes; <c>null</c> when not declared (then 0).</summary>
        public int? LowPriorityNodeCount { get; init; }

        /// <summary>Tasks that may run at once on one node (1 to 256); <c>null</c> for the service's default of 1.</summary>
        public int? TaskSlotsPerNode { get; init; }

        /// <summary>Whether nodes may talk to each other directly (for MPI); limits how large the pool can grow.</summary>
        public bool InterNodeCommunication { get; init; }

        /// <summary>How long a resize may take (at least 5 minutes); <c>null</c> for the service's 15.</summary>
        public int? ResizeTimeoutMinutes { get; init; }

        /// <summary>The named account (configuration <c>Batch:Accounts:&lt;name&gt;</c>) the pool lives in; <c>null</c> for the default one.</summary>
        public string? Account { get; init; }

        /// <summary>The nodes' image; <c>null</c> for the image catalogue's current Ubuntu LTS.</summary>
        public ImageDefinition? Image { get; init; }

        /// <summary>The Julia installed on every node; <c>null</c> installs no Julia.</summary>
        public JuliaDefinition? Julia { get; init; }

        /// <summary>The Julia packages installed on every node, in declaration order.</summary>
        public IReadOnlyList<JuliaPackageDefinition> JuliaPackages { get => _juliaPackages; init => _juliaPackages = ValueList<JuliaPackageDefinition>.Of(value); }
        private readonly ValueList<JuliaPackageDefinition> _juliaPackages = ValueList<JuliaPackageDefinition>.Empty;

        /// <summary>
        /// The manifest every node instantiates instead of resolving <see cref="JuliaPackages"/>; <c>null</c> resolves them
        /// on each node.
        /// </summary>
        public JuliaManifestDefinition? JuliaManifest { get; init; }

        /// <summary>User bash steps of the startup script, in declaration order.</summary>
        public IReadOnlyList<StartupStepDefinition> StartupSteps { get => _startupSteps; init => _startupSteps = ValueList<StartupStepDefinition>.Of(value); }
        private readonly ValueList<StartupStepDefinition> _startupSteps = ValueList<StartupStepDefinition>.Empty;

        /// <summary>Autoscaling; when set, the node counts are not used.</summary>
        public AutoScaleDefinition? AutoScale { get; init; }

        /// <summary>Container images every node pulls when it starts; non-empty makes a container pool.</summary>
        public IReadOnlyList<string> ContainerImages { get => _containerImages; init => _containerImages = ValueList<string>.Of(value); }
        private readonly ValueList<string> _containerImages = ValueList<string>.Empty;

        /// <summary>Private registries the container images come from.</summary>
        public IReadOnlyList<ContainerRegistryDefinition> ContainerRegistries { get => _containerRegistries; init => _containerRegistries = ValueList<ContainerRegistryDefinition>.Of(value); }
        private readonly ValueList<ContainerRegistryDefinition> _containerRegistries = ValueList<ContainerRegistryDefinition>.Empty;

        /// <summary>Environment variables of the start task.</summary>
        public IReadOnlyList<NameValueDefinition> EnvironmentVariables { get => _environmentVariables; init => _environmentVariables = ValueList<NameValueDefinition>.Of(value); }
        private readonly ValueList<NameValueDefinition> _environmentVariables = ValueList<NameValueDefinition>.Empty;

        /// <summary>Pool metadata, which Batch stores and does not interpret.</summary>
        public IReadOnlyList<NameValueDefinition> Metadata { get => _metadata; init => _metadata = ValueList<NameValueDefinition>.Of(value); }
        private readonly ValueList<NameValueDefinition> _metadata = ValueList<NameValueDefinition>.Empty;

        /// <summary>How often a failing start task is retried (0 to 100, or -1 for no limit).</summary>
        public int StartTaskRetryCount { get; init; }

        /// <summary>Whether tasks wait for the start task to succeed (the default; a failure makes the node unusable).</summary>
        public bool WaitForStartTask { get; init; } = true;

        /// <summary>How long one step of the startup script may take (1 to 1440 minutes); <c>null</c> for <see cref="DefaultStepTimeoutMinutes"/>.</summary>
        public int? StartTaskStepTimeoutMinutes { get; init; }

        /// <summary>The step limit the startup script applies.</summary>
        public int EffectiveStepTimeoutMinutes => StartTaskStepTimeoutMinutes ?? DefaultStepTimeoutMinutes;

        /// <summary>The pool's subnet and public IP addresses; <c>null</c> for the service's defaults.</summary>
        public NetworkDefinition? Network { get; init; }

        /// <summary>File systems every node mounts.</summary>
        public IReadOnlyList<MountDefinition> Mounts { get => _mounts; init => _mounts = ValueList<MountDefinition>.Of(value); }
        private readonly ValueList<MountDefinition> _mounts = ValueList<MountDefinition>.Empty;

        /// <summary>The dedicated node target the pool is created with (none with autoscale).</summary>
        public int EffectiveNodeCount => AutoScale is not null ? 0 : NodeCount ?? (LowPriorityNodeCount is null ? 1 : 0);

        /// <summary>The low-priority node target the pool is created with (none with autoscale).</summary>
        public int EffectiveLowPriorityNodeCount => AutoScale is not null ? 0 : LowPriorityNodeCount ?? 0;

        /// <summary>Whether the nodes run a custom image.</summary>
        public bool HasCustomImage => Image is CustomImageDefinition;

        public override string ToString() => $"pool '{Id}' ({VmSize})";
    }
}
