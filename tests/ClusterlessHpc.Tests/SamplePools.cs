namespace ClusterlessHpc.Tests;

/// <summary>Definitions the tests share: the seed page's pool and variations of it.</summary>
internal static class SamplePools
{
    public static PoolDefinition Seed { get; } = new()
    {
        Id = "redwood",
        VmSize = "Standard_E8s_v3",
        NodeCount = 2,
        Julia = new JuliaDefinition("1.5.2"),
        JuliaPackages =
        [
            new JuliaPackageDefinition("IterativeSolvers"),
            new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Develop = true },
        ],
    };

    public static PoolDefinition NoJulia { get; } = new() { Id = "plain", NodeCount = 1 };

    public static PoolDefinition Arm { get; } = new()
    {
        Id = "arm-pool",
        VmSize = "Standard_D4ps_v5",
        Julia = new JuliaDefinition("1.11.0-rc2"),
        JuliaPackages = [new JuliaPackageDefinition("Example"), new JuliaPackageDefinition("JSON"), new JuliaPackageDefinition("Unreg") { Url = "https://example.org/Unreg.jl.git" }],
    };

    public static PoolDefinition JuliaOnly { get; } = new() { Id = "julia_only", Julia = new JuliaDefinition("1.10.5") };

    /// <summary>Julia from a custom image, a package server, and startup steps before and after the packages.</summary>
    public static PoolDefinition CustomImage { get; } = new()
    {
        Id = "custom",
        Image = new CustomImageDefinition("/SharedGalleries/gallery/Images/julia") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/opt/julia/depot" },
        Julia = new JuliaDefinition("1.10.5") { PkgServer = "https://pkg.example.org" },
        JuliaPackages = [new JuliaPackageDefinition("Example")],
        StartupSteps =
        [
            new StartupStepDefinition("apt-get install -y gfortran"),
            new StartupStepDefinition("julia -e 'using Example'") { AfterPackages = true },
        ],
        StartTaskStepTimeoutMinutes = 90,
    };

    /// <summary>Startup steps and no Julia.</summary>
    public static PoolDefinition StepsOnly { get; } = new()
    {
        Id = "steps",
        StartupSteps = [new StartupStepDefinition("mkdir -p \"$AZ_BATCH_NODE_SHARED_DIR/data\"")],
    };

    /// <summary>Packages pinned with a manifest, whose text holds what quoting must get right (a quote, a dollar, a backslash).</summary>
    public static PoolDefinition Pinned { get; } = new()
    {
        Id = "pinned",
        Julia = new JuliaDefinition("1.10.5"),
        JuliaPackages = [new JuliaPackageDefinition("Example")],
        JuliaManifest = new JuliaManifestDefinition("julia/Manifest.toml")
        {
            Manifest = "# it's $HOME \\ `pinned`\njulia_version = \"1.10.5\"\nmanifest_format = \"2.0\"\n\n[[deps.Example]]\nuuid = \"7876af07-990d-54b4-ab0e-23690620f79a\"\nversion = \"0.5.5\"\n",
            Project = "[deps]\nExample = \"7876af07-990d-54b4-ab0e-23690620f79a\"\n",
        },
    };

    public static TheoryData<string> Names => new(nameof(Seed), nameof(NoJulia), nameof(Arm), nameof(JuliaOnly), nameof(CustomImage), nameof(StepsOnly), nameof(Pinned));

    public static PoolDefinition ByName(string name) => name switch
    {
        nameof(Seed) => Seed,
        nameof(NoJulia) => NoJulia,
        nameof(Arm) => Arm,
        nameof(JuliaOnly) => JuliaOnly,
        nameof(CustomImage) => CustomImage,
        nameof(StepsOnly) => StepsOnly,
        nameof(Pinned) => Pinned,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
