using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ClusterlessHpc.Cli.Pools
{
    /// <summary>
    /// Loads a built assembly in a context of its own, resolving its dependencies from its folder (and its deps.json),
    /// except the ClusterlessHpc runtime, which it shares with chpc so its definitions are chpc's type.
    /// </summary>
    internal static class PoolAssemblyLoader
    {
        public static IReadOnlyList<PoolDefinition> LoadPools(string path)
        {
            if (!File.Exists(path)) throw new CliException(ExitCodes.InvalidInput, $"{path}: no such file; build the project first (dotnet build).");
            Assembly assembly;
            try
            {
                assembly = new PoolAssemblyContext(path).LoadFromAssemblyPath(path);
            }
            catch (BadImageFormatException e)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{path} is not a .NET assembly: {e.Message}", e);
            }
            catch (FileLoadException e)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{path} cannot be loaded: {e.Message}", e);
            }

            try
            {
                return PoolRegistry.FromAssembly(assembly);
            }
            catch (Exception e) when (e is TargetInvocationException or TypeInitializationException or FileNotFoundException or FileLoadException or InvalidOperationException)
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                throw new CliException(ExitCodes.InvalidInput, $"The pools of {path} cannot be read: {cause.Message}", e);
            }
        }

        private sealed class PoolAssemblyContext : AssemblyLoadContext
        {
            private static readonly string SharedRuntime = typeof(PoolDefinition).Assembly.GetName().Name!;
            private readonly AssemblyDependencyResolver _resolver;

            public PoolAssemblyContext(string path)
                : base("chpc " + Path.GetFileName(path))
            {
                _resolver = new AssemblyDependencyResolver(path);
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (assemblyName.Name == SharedRuntime) return null;
                // Whatever chpc itself has (the runtime's dependencies) is shared too, so types passed between them match.
                foreach (var loaded in Default.Assemblies)
                {
                    if (AssemblyName.ReferenceMatchesDefinition(assemblyName, loaded.GetName())) return null;
                }
                return _resolver.ResolveAssemblyToPath(assemblyName) is { } resolved ? LoadFromAssemblyPath(resolved) : null;
            }
        }
    }
}
