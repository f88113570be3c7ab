using System;

namespace ClusterlessHpc
{
    /// <summary>Installs this Julia release on every node of the pool, for the VM size's architecture.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JuliaAttribute : Attribute
    {
        /// <param name="version">A full release version, for example <c>1.10.5</c>.</param>
        public JuliaAttribute(string version) => Version = version;

        public string Version { get; }
    }
}
