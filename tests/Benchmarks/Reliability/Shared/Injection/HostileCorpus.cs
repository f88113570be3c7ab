using System.Text.Json;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Legacy;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Reliability.Injection;

/// <summary>A place a value can come from (an attribute's argument, or a legacy parameters.json key) and how it gets there.</summary>
/// <param name="Name">For example <c>[Julia(PkgServer)]</c>.</param>
/// <param name="Target">The definition target a rule must report a refused value at.</param>
/// <param name="Make">The pool with the value in place, and the diagnostics that concern it (the validator's, or the legacy import's).</param>
public sealed record HostileTarget(string Name, string Target, Func<PoolDefinition, string, (PoolDefinition? Definition, IReadOnlyList<PoolDiagnostic> Diagnostics)> Make);

/// <summary>
/// Values built to run a command wherever they might be interpreted (bash in the startup script, bash when the start task
/// starts, the julia launcher tasks run, the Julia program), and every attribute whose value reaches the node's start task.
/// Each payload creates a file named <see cref="Canary"/> (in the current folder) if it runs. <c>[StartupStep]</c> is the
/// user's own bash by design and is not among them.
/// </summary>
public static class HostileCorpus
{
    public const string Canary = "CHPC_INJECTED";

    public static readonly string[] Payloads =
    [
        "$(touch${IFS}" + Canary + ")",
        "`touch${IFS}" + Canary + "`",
        "';touch${IFS}" + Canary + ";'",
        "\";touch${IFS}" + Canary + ";\"",
        "\ntouch " + Canary + "\n",
        "x;touch${IFS}" + Canary,
        "x&&touch${IFS}" + Canary,
        "x|touch${IFS}" + Canary,
        "x\ntouch${IFS}" + Canary,
        "\\'$(touch${IFS}" + Canary + ")\\'",
        "\"$(touch${IFS}" + Canary + ")\"",
        "}$(touch${IFS}" + Canary + ")${x",
        "\u0000$(touch${IFS}" + Canary + ")",
        "\r$(touch${IFS}" + Canary + ")",
        "\u2028$(touch${IFS}" + Canary + ")",
        "#$(touch${IFS}" + Canary + ")",
        "LAUNCHER\ntouch " + Canary + "\nLAUNCHER",
        "%s%n$(touch${IFS}" + Canary + ")",
        "-e$(touch${IFS}" + Canary + ")",
        "\"); run(`touch " + Canary + "`); (\"",
        "$(run(`touch " + Canary + "`))",
        "\\\"); run(`touch " + Canary + "`); #",
    ];

    /// <summary>The pool every value is placed in: Julia from <paramref name="mirror"/> and one registered package.</summary>
    public static PoolDefinition Base(string id, Uri mirror) => new()
    {
        Id = id,
        NodeCount = 1,
        Julia = new JuliaDefinition("1.5.2") { Mirror = mirror.ToString() },
        JuliaPackages = [new JuliaPackageDefinition("Example")],
    };

    public static IReadOnlyList<HostileTarget> Targets { get; } =
    [
        Attribute("[BatchPool(id)]", DefinitionTarget.PoolId, (d, v) => d with { Id = v }),
        Attribute("[BatchPool(VmSize)]", DefinitionTarget.VmSize, (d, v) => d with { VmSize = "Standard_E2s_v3" + v }),
        Attribute("[Julia(version)]", DefinitionTarget.JuliaVersion, (d, v) => d with { Julia = d.Julia! with { Version = "1.5.2" + v } }),
        Attribute("[Julia(Mirror)]", DefinitionTarget.JuliaMirror, (d, v) => d with { Julia = d.Julia! with { Mirror = d.Julia.Mirror + v } }),
        Attribute("[Julia(PkgServer)]", DefinitionTarget.JuliaPkgServer, (d, v) => d with { Julia = d.Julia! with { PkgServer = "https://pkg.example.org/" + v } }),
        Attribute("[Julia(Sha256)]", DefinitionTarget.JuliaSha256, (d, v) => d with { Julia = d.Julia! with { Sha256 = new string('a', 64) + v } }),
        Attribute("[JuliaPackage(name)]", DefinitionTarget.JuliaPackage(0, "Name"), (d, v) => d with { JuliaPackages = [new JuliaPackageDefinition("Example" + v)] }),
        Attribute("[JuliaPackage(Version)]", DefinitionTarget.JuliaPackage(0, "Version"), (d, v) => d with { JuliaPackages = [new JuliaPackageDefinition("Example") { Version = "0.5" + v }] }),
        Attribute("[JuliaPackage(Url)]", DefinitionTarget.JuliaPackage(0, "Url"), (d, v) => d with { JuliaPackages = [new JuliaPackageDefinition("Example") { Url = "https://example.org/" + v }] }),
        Attribute("[JuliaPackage(Url, Develop)]", DefinitionTarget.JuliaPackage(0, "Url"), (d, v) => d with { JuliaPackages = [new JuliaPackageDefinition("Example") { Url = "https://example.org/" + v, Develop = true }] }),
        Attribute("[JuliaPackage(Rev)]", DefinitionTarget.JuliaPackage(0, "Rev"), (d, v) => d with { JuliaPackages = [new JuliaPackageDefinition("Example") { Url = "https://example.org/Example.jl", Rev = "v1" + v }] }),
        Attribute("[CustomImage(JuliaDepotPath)]", DefinitionTarget.JuliaDepotPath, (d, v) => d with
        {
            Image = new CustomImageDefinition("/SharedGalleries/g/Images/i") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/opt/depot" + v },
        }),
        Attribute("[EnvironmentVariable(name, value)]", DefinitionTarget.EnvironmentVariable(0, "Value"), (d, v) => d with { EnvironmentVariables = [new NameValueDefinition("USER_SETTING", v)] }),
        Attribute("[EnvironmentVariable(\"BASH_ENV\", value)]", DefinitionTarget.EnvironmentVariable(0, "Name"), (d, v) => d with { EnvironmentVariables = [new NameValueDefinition("BASH_ENV", v)] }),
        Attribute("[EnvironmentVariable(\"PS4\", value)] with SHELLOPTS=xtrace", DefinitionTarget.EnvironmentVariable(1, "Name"), (d, v) => d with
        {
            EnvironmentVariables = [new NameValueDefinition("SHELLOPTS", "xtrace"), new NameValueDefinition("PS4", v)],
        }),
        Legacy(LegacyParameterKeys.PoolId, DefinitionTarget.PoolId, null),
        Legacy(LegacyParameterKeys.PoolVmSize, DefinitionTarget.VmSize, null),
        Legacy(LegacyParameterKeys.JuliaDepotPath, DefinitionTarget.JuliaDepotPath, "/SharedGalleries/g/Images/i"),
    ];

    private static HostileTarget Attribute(string name, string target, Func<PoolDefinition, string, PoolDefinition> place) =>
        new(name, target, (basis, value) =>
        {
            var definition = place(basis, value);
            return (definition, PoolValidator.Validate(definition));
        });

    /// <summary>A parameters.json holding the value, imported with the base pool's Julia: the import's pool and diagnostics.</summary>
    private static HostileTarget Legacy(string key, string target, string? imageResourceId) =>
        new($"parameters.json {key}", target, (basis, value) =>
        {
            var suffix = key == LegacyParameterKeys.PoolId ? "pool" : key == LegacyParameterKeys.PoolVmSize ? "Standard_E2s_v3" : "/opt/depot";
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { [key] = suffix + value, [LegacyParameterKeys.PoolId] = key == LegacyParameterKeys.PoolId ? suffix + value : basis.Id });
            var parameters = LegacyParameters.Parse(json);
            var result = LegacyImport.CreatePools(parameters, options: new LegacyPoolOptions
            {
                ImageResourceId = imageResourceId,
                NodeAgentSku = imageResourceId is null ? null : "batch.node.ubuntu 24.04",
                Julia = basis.Julia,
                JuliaPackages = basis.JuliaPackages,
            });
            var definition = result.Definitions.Single();
            return (definition with { NodeCount = 1 }, result.Diagnostics.Where(d => d.Key == key).Select(d => d.Diagnostic).ToList());
        });
}
