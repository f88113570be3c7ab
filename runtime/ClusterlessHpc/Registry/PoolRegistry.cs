using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ClusterlessHpc
{
    /// <summary>Finds the pools an assembly declares, through its generated registry.</summary>
    public static class PoolRegistry
    {
        /// <summary>The property the generated registry type exposes.</summary>
        public const string PoolsPropertyName = "Pools";

        /// <summary>The pools declared in <paramref name="assembly"/>, in declaration order by class name; empty when it declares none.</summary>
        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The generated registry type keeps its public static Pools property.")]
        public static IReadOnlyList<PoolDefinition> FromAssembly(Assembly assembly)
        {
            var attribute = assembly.GetCustomAttribute<PoolRegistryAttribute>();
            if (attribute is null) return Array.Empty<PoolDefinition>();
            var property = attribute.RegistryType.GetProperty(PoolsPropertyName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException($"The pool registry {attribute.RegistryType} of {assembly.GetName().Name} has no static {PoolsPropertyName} property.");
            return (IReadOnlyList<PoolDefinition>)property.GetValue(null)!;
        }
    }
}
