namespace ClusterlessHpc.Generator.Tests;

/// <summary>Small manifests and projects in the shapes Pkg writes them, for the pinning tests.</summary>
internal static class JuliaManifests
{
    public const string ProjectDir = "/src/Pools";

    /// <summary>A Project.toml as Pkg writes it: direct dependencies by UUID, then compat bounds.</summary>
    public const string Project = """
        [deps]
        IterativeSolvers = "42fd0dbc-a981-5370-80f2-aaf504508153"
        JOLI = "bb331ad6-a1cf-11e9-23da-9bcb53c69f6f"

        [compat]
        IterativeSolvers = "0.9"
        julia = "1.10"
        """;

    /// <summary>Format 2 (Julia 1.7 and later): a header with julia_version, then [[deps.Name]] per package.</summary>
    public const string Format2 = """
        # This file is machine-generated - editing it directly is not advised

        julia_version = "1.10.5"
        manifest_format = "2.0"
        project_hash = "3d0b2ff6c3c3b7bca5d1e0f6f2c1f1c5b7a5d0e3"

        [[deps.Artifacts]]
        uuid = "56f22d72-fd6d-98f1-02f0-08ddc0907c33"
        version = "1.11.0"

        [[deps.IterativeSolvers]]
        deps = ["LinearAlgebra", "Printf", "Random", "RecipesBase", "SparseArrays"]
        git-tree-sha1 = "59545b0a2b27208b0650df0a46b8e3019f85055b"
        uuid = "42fd0dbc-a981-5370-80f2-aaf504508153"
        version = "0.9.4"

        [[deps.JOLI]]
        deps = ["FFTW", "InteractiveUtils", "LinearAlgebra"]
        git-tree-sha1 = "0a7ab1f4f4ac5b4ac38e4f9e2c3fd1a9e2c9b8a1"
        repo-rev = "master"
        repo-url = "https://github.com/slimgroup/JOLI.jl"
        uuid = "bb331ad6-a1cf-11e9-23da-9bcb53c69f6f"
        version = "0.8.6"

            [deps.JOLI.extensions]
            JOLIExt = "Zygote"

            [deps.JOLI.weakdeps]
            Zygote = "e88e6eb3-aa80-5325-afca-941959d7151f"

        [[deps.LinearAlgebra]]
        deps = ["Libdl", "OpenBLAS_jll", "libblastrampoline_jll"]
        uuid = "37e2e46d-f89d-539d-b4ee-838fcccc9c8e"
        version = "1.11.0"

        [[deps.RecipesBase]]
        deps = ["PrecompileTools"]
        git-tree-sha1 = "5c3d09cc4f31f5fc6af001c250bf1278733100ff"
        uuid = "3cdcf5f2-1ef4-517c-9805-6587b60abb01"
        version = "1.3.4"
        """;

    /// <summary>Format 1 (Julia 1.0 to 1.6): no header, one top-level [[Name]] per package.</summary>
    public const string Format1 = """
        # This file is machine-generated - editing it directly is not advised

        [[IterativeSolvers]]
        deps = ["LinearAlgebra", "Printf", "Random", "RecipesBase", "SparseArrays"]
        git-tree-sha1 = "1169632f425f79429f245113b775a0e3d121457c"
        uuid = "42fd0dbc-a981-5370-80f2-aaf504508153"
        version = "0.9.2"

        [[JOLI]]
        deps = ["FFTW", "InteractiveUtils", "LinearAlgebra"]
        git-tree-sha1 = "4b6ab1f4f4ac5b4ac38e4f9e2c3fd1a9e2c9b8a1"
        repo-rev = "master"
        repo-url = "https://github.com/slimgroup/JOLI.jl"
        uuid = "bb331ad6-a1cf-11e9-23da-9bcb53c69f6f"
        version = "0.7.16"

        [[LinearAlgebra]]
        deps = ["Libdl"]
        uuid = "37e2e46d-f89d-539d-b4ee-838fcccc9c8e"
        """;

    /// <summary>The files as the build hands them to the compiler: full paths under <see cref="ProjectDir"/>.</summary>
    public static Dictionary<string, string> InJuliaFolder(string manifest, string project = Project, string folder = "julia") => new()
    {
        [$"{ProjectDir}/{folder}/Manifest.toml"] = manifest,
        [$"{ProjectDir}/{folder}/Project.toml"] = project,
    };
}
