namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>How a service-defined variable behaves.</summary>
    internal enum SystemVariableKind
    {
        /// <summary>$TargetDedicatedNodes and $TargetLowPriorityNodes (and their aliases): read and written; reads give the pool's target until assigned.</summary>
        Target,

        /// <summary>$NodeDeallocationOption: assigned one of the deallocation keywords; never read.</summary>
        DeallocationOption,

        /// <summary>A read-only metric with 30-second samples; as a value it is its most recent sample.</summary>
        Metric,

        /// <summary>A read-only node count of the pool now ($CurrentDedicatedNodes, ...); also has samples.</summary>
        NodeCount,

        /// <summary>A read-only pool setting ($TaskSlotsPerNode): no samples.</summary>
        PoolSetting,
    }

    /// <summary>One service-defined variable. An alias shares <see cref="CanonicalName"/> with the name it stands for.</summary>
    internal sealed class SystemVariable
    {
        internal SystemVariable(string name, SystemVariableKind kind, string canonicalName, string description)
        {
            Name = name;
            Kind = kind;
            CanonicalName = canonicalName;
            Description = description;
        }

        public string Name { get; }

        public SystemVariableKind Kind { get; }

        /// <summary>The current name; equals <see cref="Name"/> unless this is an alias.</summary>
        public string CanonicalName { get; }

        public bool IsAlias => Name != CanonicalName;

        public bool IsWritable => Kind == SystemVariableKind.Target || Kind == SystemVariableKind.DeallocationOption;

        public bool HasSamples => Kind == SystemVariableKind.Metric || Kind == SystemVariableKind.NodeCount;

        public string Description { get; }
    }
}
