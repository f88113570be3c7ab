using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// Installs a Julia package on every node. Registered packages are added by name in one <c>Pkg.add</c>;
    /// with <see cref="Url"/> the package comes from its repository (<c>Pkg.develop</c> when <see cref="Develop"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class JuliaPackageAttribute : Attribute
    {
        /// <param name="name">The package name without <c>.jl</c>, for example <c>IterativeSolvers</c>.</param>
        public JuliaPackageAttribute(string name) => Name = name;

        public string Name { get; }

        /// <summary>A Pkg version specifier for a registered package: <c>1.2</c>, <c>^0.7</c>, <c>~1.2.3</c>, <c>1.2 - 1.4</c>.</summary>
        public string? Version { get; set; }

        /// <summary>The branch, tag or commit of <see cref="Url"/>.</summary>
        public string? Rev { get; set; }

        /// <summary>The repository of an unregistered package.</summary>
        public string? Url { get; set; }

        /// <summary>Track the repository with <c>Pkg.develop</c>; needs <see cref="Url"/>.</summary>
        public bool Develop { get; set; }
    }
}
