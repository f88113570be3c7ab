using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// Emitted by the generator on an assembly that declares pools: names the generated type whose static
    /// <c>Pools</c> property lists them, so tools find an assembly's pools without scanning its types.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    public sealed class PoolRegistryAttribute : Attribute
    {
        public PoolRegistryAttribute(Type registryType) => RegistryType = registryType;

        public Type RegistryType { get; }
    }
}
