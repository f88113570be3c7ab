namespace ClusterlessHpc
{
    /// <summary>One Julia package installed on every node: registered (by name) or from a repository URL.</summary>
    /// <param name="Name">The package name as Julia spells it, without <c>.jl</c>.</param>
    public sealed record JuliaPackageDefinition(string Name)
    {
        /// <summary>A Pkg version specifier for a registered package, such as <c>1.2</c>, <c>^0.7</c> or <c>1.2 - 1.4</c>.</summary>
        public string? Version { get; init; }

        /// <summary>An https or git URL of the package repository, for unregistered packages.</summary>
        public string? Url { get; init; }

        /// <summary>The branch, tag or commit of <see cref="Url"/> to install.</summary>
        public string? Rev { get; init; }

        /// <summary>Track the repository with <c>Pkg.develop</c> instead of adding a fixed version.</summary>
        public bool Develop { get; init; }

        /// <summary>Whether the package is installed from the General registry (no URL).</summary>
        public bool IsRegistered => Url is null;

        public override string ToString() => Url is null ? Name : $"{Name} ({Url})";
    }
}
