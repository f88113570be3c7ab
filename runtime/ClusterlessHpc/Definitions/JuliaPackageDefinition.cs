using System;

namespace ClusterlessHpc
{
    /// <summary>One Julia package installed on every node: registered (by name) or from a repository URL.</summary>
    public sealed class JuliaPackageDefinition : IEquatable<JuliaPackageDefinition>
    {
        public JuliaPackageDefinition(string name) => Name = name;

        /// <summary>The package name as Julia spells it, without <c>.jl</c>.</summary>
        public string Name { get; }

        /// <summary>An https or git URL of the package repository, for unregistered packages.</summary>
        public string? Url { get; init; }

        /// <summary>Track the repository with <c>Pkg.develop</c> instead of adding a fixed version.</summary>
        public bool Develop { get; init; }

        /// <summary>Whether the package is installed from the General registry (no URL).</summary>
        public bool IsRegistered => Url is null;

        public bool Equals(JuliaPackageDefinition? other) =>
            other is not null && Name == other.Name && Url == other.Url && Develop == other.Develop;

        public override bool Equals(object? obj) => Equals(obj as JuliaPackageDefinition);

        public override int GetHashCode() => ValueEquality.Combine(Name.GetHashCode(), Url?.GetHashCode() ?? 0, Develop ? 1 : 0);

        public override string ToString() => Url is null ? Name : $"{Name} ({Url})";
    }
}
