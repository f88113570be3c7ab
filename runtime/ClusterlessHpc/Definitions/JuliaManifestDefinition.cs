namespace ClusterlessHpc
{
    /// <summary>
    /// A Julia environment every node instantiates as it is: the text of a <c>Manifest.toml</c> and of the
    /// <c>Project.toml</c> beside it. The texts are what the startup script ships, so a changed manifest changes the
    /// definition's hash (and is drift on an existing pool); the path only says where the files were read from and never
    /// reaches the script.
    /// </summary>
    /// <param name="Path">Where the manifest was declared to be, relative to the project's folder (<c>julia/Manifest.toml</c>).</param>
    public sealed record JuliaManifestDefinition(string Path)
    {
        /// <summary>The manifest's text; null until it is read (the generator reads it from the project's additional files).</summary>
        public string? Manifest { get; init; }

        /// <summary>The text of the <c>Project.toml</c> beside the manifest; null until it is read.</summary>
        public string? Project { get; init; }

        /// <summary>Where the <c>Project.toml</c> beside the manifest is: the same folder.</summary>
        public string ProjectPath
        {
            get
            {
                var slash = System.Math.Max(Path.LastIndexOf('/'), Path.LastIndexOf('\\'));
                return (slash < 0 ? "" : Path.Substring(0, slash + 1)) + "Project.toml";
            }
        }

        public override string ToString() => $"Julia manifest {Path}";
    }
}
