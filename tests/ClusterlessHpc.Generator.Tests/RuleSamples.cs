namespace ClusterlessHpc.Generator.Tests;

/// <summary>
/// For each pool rule, a declaration that breaks it and nothing else, with the exact span it must be reported at
/// marked <c>{|#0:...|}</c>. Formula rules (CHPC1xxx) have their own tests.
/// </summary>
internal static class RuleSamples
{
    private const string Ok = "[BatchPool(\"ok\")]";
    private const string Gallery = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/gal/images/img";

    public static IReadOnlyDictionary<string, string> ById { get; } = new Dictionary<string, string>
    {
        ["CHPC0001"] = $"{Ok} public class {{|#0:P|}};",
        ["CHPC0002"] = "[BatchPool({|#0:\"a b\"|})] public partial class P;",
        ["CHPC0003"] = $"{Ok} public partial class {{|#0:P|}}<T>;",
        ["CHPC0004"] = "[BatchPool(\"dup\")] public partial class A; [BatchPool({|#0:\"DUP\"|})] public partial class B;",
        ["CHPC0005"] = "[BatchPool(\"ok\", VmSize = {|#0:\"Standard_DS2\"|})] public partial class P;",
        ["CHPC0006"] = "[BatchPool(\"ok\", NodeCount = {|#0:-1|})] public partial class P;",
        ["CHPC0007"] = "[BatchPool(\"ok\", NodeCount = {|#0:0|})] public partial class P;",
        ["CHPC0008"] = "[BatchPool(\"ok\", TaskSlotsPerNode = {|#0:300|})] public partial class P;",
        ["CHPC0009"] = "[BatchPool(\"ok\", ResizeTimeoutMinutes = {|#0:4|})] public partial class P;",
        ["CHPC0010"] = $"{Ok}[StartTask(MaxRetryCount = {{|#0:101|}})] public partial class P;",
        ["CHPC0011"] = $"{Ok}[EnvironmentVariable({{|#0:\"AZ_BATCH_X\"|}}, \"v\")] public partial class P;",
        ["CHPC0012"] = $"{Ok}[EnvironmentVariable(\"A\", \"1\")][EnvironmentVariable({{|#0:\"A\"|}}, \"2\")] public partial class P;",
        ["CHPC0013"] = $"{Ok}[Metadata({{|#0:\"clusterlesshpc-x\"|}}, \"v\")] public partial class P;",
        ["CHPC0014"] = $"{Ok}[StartTask(StepTimeoutMinutes = {{|#0:0|}})] public partial class P;",
        ["CHPC0020"] = $"{Ok}[AutoScale({{|#0:\"  \"|}})] public partial class P;",
        ["CHPC0021"] = "[BatchPool(\"ok\", NodeCount = {|#0:3|})][AutoScale(\"$TargetDedicatedNodes = 1;\")] public partial class P;",
        ["CHPC0022"] = $"{Ok}[AutoScale(\"$TargetDedicatedNodes = 1;\", EvaluationIntervalMinutes = {{|#0:4|}})] public partial class P;",
        ["CHPC0030"] = $"{Ok}[{{|#0:CustomImage(\"{Gallery}\", NodeAgentSku = \"batch.node.ubuntu 24.04\")|}}][Julia(\"1.10.5\")] public partial class P;",
        ["CHPC0031"] = $"{Ok}[{{|#0:MarketplaceImage(\"contoso\", \"hpc\", \"1\")|}}] public partial class P;",
        ["CHPC0032"] = $"{Ok}[MarketplaceImage(\"canonical\", \"ubuntu-24_04-lts\", \"server\", NodeAgentSku = {{|#0:\"batch.node.el 9\"|}})] public partial class P;",
        ["CHPC0033"] = $"{Ok}[{{|#0:MarketplaceImage(\"canonical\", \"0001-com-ubuntu-server-focal\", \"20_04-lts\")|}}] public partial class P;",
        ["CHPC0044"] = $"{Ok}[{{|#0:MarketplaceImage(\"microsoft-dsvm\", \"ubuntu-hpc\", \"2204\")|}}] public partial class P;",
        ["CHPC0034"] = "[BatchPool(\"ok\", VmSize = \"Standard_D4ps_v5\")][{|#0:MarketplaceImage(\"canonical\", \"ubuntu-24_04-lts\", \"server\")|}] public partial class P;",
        ["CHPC0035"] = $"{Ok}[{{|#0:MarketplaceImage(\"microsoftwindowsserver\", \"windowsserver\", \"2022-datacenter\")|}}] public partial class P;",
        ["CHPC0036"] = $"{Ok}[Container(\"redwood:v1\")][{{|#0:MarketplaceImage(\"canonical\", \"ubuntu-24_04-lts\", \"server\")|}}] public partial class P;",
        ["CHPC0037"] = $"{Ok}[CustomImage({{|#0:\"my-image\"|}}, NodeAgentSku = \"batch.node.ubuntu 24.04\")] public partial class P;",
        ["CHPC0038"] = $"{Ok}[CustomImage(\"/SharedGalleries/g/Images/i\", NodeAgentSku = \"batch.node.ubuntu 24.04\", JuliaDepotPath = {{|#0:\"opt/julia\"|}})][Julia(\"1.10.5\")] public partial class P;",
        ["CHPC0039"] = $"{Ok}[CustomImage(\"/SharedGalleries/g/Images/i\", NodeAgentSku = \"batch.node.ubuntu 24.04\", JuliaDepotPath = {{|#0:\"/root/.julia\"|}})][Julia(\"1.10.5\")] public partial class P;",
        ["CHPC0040"] = $"{Ok}[Container(\"ok:1\", {{|#0:\"Redwood:v1\"|}})] public partial class P;",
        ["CHPC0041"] = $"{Ok}[Container(\"r.azurecr.io/x:1\")][{{|#0:ContainerRegistry(\"r.azurecr.io\", UserName = \"u\")|}}] public partial class P;",
        ["CHPC0042"] = $"{Ok}[{{|#0:ContainerRegistry(\"r.azurecr.io\", IdentityResourceId = \"/subscriptions/s/id\")|}}] public partial class P;",
        ["CHPC0043"] = $"{Ok}[Container(\"redwood:v1\")][{{|#0:Julia(\"1.10.5\")|}}] public partial class P;",
        ["CHPC0050"] = $"{Ok}[Network(SubnetId = {{|#0:\"subnet-1\"|}})] public partial class P;",
        ["CHPC0051"] = $"{Ok}[Network(PublicIPAddressIds = {{|#0:new[] {{ \"/subscriptions/s/ip\" }}|}})] public partial class P;",
        ["CHPC0060"] = $"{Ok}[NfsMount(\"10.0.0.4:/data\", {{|#0:\"../x\"|}})] public partial class P;",
        ["CHPC0061"] = $"{Ok}[{{|#0:AzureFilesMount(\"acct\", \"share\", \"data\")|}}] public partial class P;",
        ["CHPC0062"] = $"{Ok}[NfsMount({{|#0:\"10.0.0.4\"|}}, \"data\")] public partial class P;",
        ["CHPC0070"] = $"{Ok}[Julia(\"1.10.5\")][JuliaManifest({{|#0:\"env/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0071"] = $"{Ok}[Julia(\"1.10.5\")][JuliaManifest({{|#0:\"lonely/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0072"] = $"{Ok}[Julia(\"1.10.5\")][JuliaManifest({{|#0:\"broken/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0073"] = $"{Ok}[Julia(\"1.11.1\")][JuliaManifest({{|#0:\"julia/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0074"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"Plots\")][JuliaManifest({{|#0:\"julia/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0075"] = $"{Ok}[Julia(\"1.5.2\")][JuliaManifest({{|#0:\"old/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0076"] = $"{Ok}[JuliaManifest({{|#0:\"julia/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0077"] = $"{Ok}[Julia(\"1.10.5\")][JuliaManifest({{|#0:\"future/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0078"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"RecipesBase\")][JuliaManifest({{|#0:\"julia/Manifest.toml\"|}})] public partial class P;",
        ["CHPC0101"] = $"{Ok}[Julia({{|#0:\"1.10\"|}})] public partial class P;",
        ["CHPC0102"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage({{|#0:\"A.jl\"|}})] public partial class P;",
        ["CHPC0103"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Develop = {{|#0:true|}})] public partial class P;",
        ["CHPC0104"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\")][JuliaPackage({{|#0:\"A\"|}})] public partial class P;",
        ["CHPC0105"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Url = {{|#0:\"http://example.org/A.jl\"|}})] public partial class P;",
        ["CHPC0106"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Version = {{|#0:\"^1.2\"|}})] public partial class P;",
        ["CHPC0107"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Rev = {{|#0:\"main\"|}})] public partial class P;",
        ["CHPC0108"] = $"{Ok}[Julia(\"1.10.5\", Sha256 = {{|#0:\"abc\"|}})] public partial class P;",
        ["CHPC0109"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Url = \"https://example.org/A.jl\", Version = {{|#0:\"1.2\"|}})] public partial class P;",
        ["CHPC0110"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Url = \"https://example.org/A.jl\", Develop = true, Rev = {{|#0:\"main\"|}})] public partial class P;",
        ["CHPC0111"] = $"{Ok}[Julia(\"1.10.5\", Mirror = {{|#0:\"ftp://mirror.example.org\"|}})] public partial class P;",
        ["CHPC0112"] = $"{Ok}[{{|#0:JuliaPackage(\"A\")|}}] public partial class P;",
        ["CHPC0113"] = $"{Ok}[Julia(\"1.10.5\")][JuliaPackage(\"A\", Url = \"https://example.org/A.jl\", Rev = {{|#0:\"a b\"|}})] public partial class P;",
    };

    /// <summary>
    /// The additional files every sample's project has (paths under <see cref="JuliaManifests.ProjectDir"/>): a good pinned
    /// environment in julia/, a format 1 one in old/, a manifest without its project in lonely/, a broken one in broken/
    /// and one of an unknown format in future/.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(JuliaManifests.InJuliaFolder(JuliaManifests.Format2)
        .Concat(JuliaManifests.InJuliaFolder(JuliaManifests.Format1, folder: "old"))
        .Concat(JuliaManifests.InJuliaFolder(JuliaManifests.Format2.Replace("manifest_format = \"2.0\"", "manifest_format = \"2.0\" 1", StringComparison.Ordinal), folder: "broken"))
        .Concat(JuliaManifests.InJuliaFolder(JuliaManifests.Format2.Replace("manifest_format = \"2.0\"", "manifest_format = \"3.0\"", StringComparison.Ordinal), folder: "future")))
    {
        [$"{JuliaManifests.ProjectDir}/lonely/Manifest.toml"] = JuliaManifests.Format2,
    };

    public static string Source(string id) => "using ClusterlessHpc;\n" + ById[id] + "\n";

    public static TheoryData<string> Ids => new(ById.Keys);
}
