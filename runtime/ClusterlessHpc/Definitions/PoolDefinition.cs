using System;
using System.Collections.Generic;

namespace ClusterlessHpc
{
    /// <summary>
    /// Everything ClusterlessHpc needs to create one Azure Batch pool: what the attributes on a
    /// <c>[BatchPool]</c> class declare, or what code or a legacy parameters file builds.
    /// Compares by value, so the generator can cache it and the provisioner can compare two of them.
    /// </summary>
    public sealed class PoolDefinition : IEquatable<PoolDefinition>
    {
        /// <summary>The seed's default VM size (AzureClusterlessHPC.jl's <c>_POOL_VM_SIZE</c>).</summary>
        public const string DefaultVmSize = "Standard_E2s_v3";

        /// <summary>The Batch pool id: at most 64 letters, digits, hyphens and underscores; compared case-insensitively.</summary>
        public string Id { get; init; } = "";

        /// <summary>The Azure VM size of every node, for example <c>Standard_E8s_v3</c>.</summary>
        public string VmSize { get; init; } = DefaultVmSize;

        /// <summary>Target dedicated nodes; <c>null</c> when not declared (then 1, unless low-priority nodes are declared).</summary>
        public int? NodeCount { get; init; }

        /// <summary>Target low-priority (Spot) nodes; <c>null</c> when not declared (then 0).</summary>
        public int? LowPriorityNodeCount { get; init; }

        /// <summary>The Julia installed on every node; <c>null</c> installs no Julia.</summary>
        public JuliaDefinition? Julia { get; init; }

        /// <summary>The Julia packages installed on every node, in declaration order.</summary>
        public IReadOnlyList<JuliaPackageDefinition> JuliaPackages { get; init; } = Array.Empty<JuliaPackageDefinition>();

        /// <summary>The dedicated node target the pool is created with.</summary>
        public int EffectiveNodeCount => NodeCount ?? (LowPriorityNodeCount is null ? 1 : 0);

        /// <summary>The low-priority node target the pool is created with.</summary>
        public int EffectiveLowPriorityNodeCount => LowPriorityNodeCount ?? 0;

        public bool Equals(PoolDefinition? other) =>
            other is not null &&
            Id == other.Id &&
            VmSize == other.VmSize &&
            NodeCount == other.NodeCount &&
            LowPriorityNodeCount == other.LowPriorityNodeCount &&
            Equals(Julia, other.Julia) &&
            ValueEquality.SequenceEqual(JuliaPackages, other.JuliaPackages);

        public override bool Equals(object? obj) => Equals(obj as PoolDefinition);

        public override int GetHashCode() =>
            ValueEquality.Combine(Id.GetHashCode(), VmSize.GetHashCode(), NodeCount.GetHashCode(),
                LowPriorityNodeCount.GetHashCode(), Julia?.GetHashCode() ?? 0, ValueEquality.SequenceHash(JuliaPackages));

        public override string ToString() => $"pool '{Id}' ({VmSize})";
    }
}
