using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Rules;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// Hostile strings in every declared value that reaches the startup script: each is either refused by a rule at
/// that value, or quoted so that running the script executes nothing it carries. Startup steps are the user's own
/// bash by design and are not part of this.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ShellSafetyTests
{
    private const string Canary = "CHPC_CANARY";

    // Payloads write the canary file (named relative to the node root, so the test can find it) if bash runs them.
    private static readonly string[] Payloads =
    [
        "$(touch${IFS}" + Canary + ")",
        "`touch${IFS}" + Canary + "`",
        "';touch${IFS}" + Canary + ";'",
        "\";touch${IFS}" + Canary + ";\"",
        "\ntouch " + Canary + "\n",
        "x;touch${IFS}" + Canary,
        "x&&touch${IFS}" + Canary,
        "x|touch${IFS}" + Canary,
        "$(<" + Canary + ")",
        "\\'$(touch${IFS}" + Canary + ")\\'",
        "\u0000$(touch${IFS}" + Canary + ")",
        "\r$(touch${IFS}" + Canary + ")",
        "#$(touch${IFS}" + Canary + ")",
        "${IFS}$HOME\"'\\",
        "\"); run(`touch " + Canary + "`); (\"",
        "$(run(`touch " + Canary + "`))",
    ];

    private static readonly (string Target, Func<string, PoolDefinition> Make)[] Targets =
    [
        (DefinitionTarget.PoolId, v => Base() with { Id = v }),
        (DefinitionTarget.VmSize, v => Base() with { VmSize = "Standard_E8s_v3" + v }),
        (DefinitionTarget.JuliaVersion, v => Base() with { Julia = new JuliaDefinition("1.10.5" + v) }),
        (DefinitionTarget.JuliaMirror, v => Base() with { Julia = new JuliaDefinition("1.10.5") { Mirror = "https://mirror.example.org/" + v } }),
        (DefinitionTarget.JuliaPkgServer, v => Base() with { Julia = new JuliaDefinition("1.10.5") { PkgServer = "https://pkg.example.org/" + v } }),
        (DefinitionTarget.JuliaSha256, v => Base() with { Julia = new JuliaDefinition("1.10.5") { Sha256 = new string('a', 64) + v } }),
        (DefinitionTarget.JuliaPackage(0, "Name"), v => Base() with { JuliaPackages = [new JuliaPackageDefinition("Example" + v)] }),
        (DefinitionTarget.JuliaPackage(0, "Version"), v => Base() with { JuliaPackages = [new JuliaPackageDefinition("Example") { Version = "1.2" + v }] }),
        (DefinitionTarget.JuliaPackage(0, "Url"), v => Base() with { JuliaPackages = [new JuliaPackageDefinition("Example") { Url = "https://example.org/" + v }] }),
        (DefinitionTarget.JuliaPackage(0, "Rev"), v => Base() with { JuliaPackages = [new JuliaPackageDefinition("Example") { Url = "https://example.org/E.jl", Rev = "v1" + v }] }),
        (DefinitionTarget.JuliaDepotPath, v => Base() with
        {
            Image = new CustomImageDefinition("/SharedGalleries/g/Images/i") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/opt/depot" + v },
        }),
    ];

    public static TheoryData<int> TargetIndexes => new(Enumerable.Range(0, Targets.Length));

    [Theory]
    [MemberData(nameof(TargetIndexes))]
    public void No_hostile_value_runs_in_the_script(int targetIndex)
    {
        var (target, make) = Targets[targetIndex];
        var rendered = 0;
        foreach (var payload in Payloads)
        {
            var definition = make(payload);
            var problems = PoolValidator.Validate(definition);
            if (PoolValidator.HasErrors(problems))
            {
                Assert.True(problems.Any(p => p.IsError && p.Target == target),
                    $"{target} = {Show(payload)} was refused, but not by a rule at {target}: {string.Join("; ", problems)}");
                continue;
            }

            rendered++;
            var script = StartupScriptRenderer.Render(definition);
            using var node = new NodeSandbox();
            node.AddStandInJulia();
            node.AddImageJulia("1.10.5");
            node.Run(script);
            Assert.False(File.Exists(Path.Combine(node.Root, Canary)) || File.Exists(Path.Combine(node.SharedDir, Canary)),
                $"{target} = {Show(payload)} ran in the script");
            if (File.Exists(node.JuliaLog + ".program")) AssertNoJuliaInterpolation(node.LastProgram, target, payload);
        }
        // Record how much of the corpus reached bash for this value (some values accept hostile text, quoted).
        Assert.InRange(rendered, 0, Payloads.Length);
    }

    [Fact]
    public void Quoting_survives_a_round_trip_through_bash_for_every_payload()
    {
        foreach (var payload in Payloads.Where(p => !p.Contains('\0')))
        {
            var echo = ProcessRunner.Run("bash", ["-c", "printf %s " + ShellQuoting.Quote(payload)]);
            Assert.Equal(payload, echo.Stdout);
        }
    }

    private static PoolDefinition Base() => new()
    {
        Id = "safe",
        Julia = new JuliaDefinition("1.10.5"),
        JuliaPackages = [new JuliaPackageDefinition("Example")],
    };

    /// <summary>Inside the Julia program every '$' in a string literal is escaped, so no value is interpolated.</summary>
    private static void AssertNoJuliaInterpolation(string program, string target, string payload)
    {
        var inString = false;
        for (var i = 0; i < program.Length; i++)
        {
            var c = program[i];
            if (!inString)
            {
                if (c == '"') inString = true;
                else if (c is '`' or '$') Assert.Fail($"{target} = {Show(payload)} put '{c}' outside a string in the Julia program");
                continue;
            }
            if (c == '\\') i++;
            else if (c == '"') inString = false;
            else if (c == '$') Assert.Fail($"{target} = {Show(payload)} put an unescaped '$' in a Julia string");
        }
        Assert.False(inString, "the Julia program ends inside a string");
    }

    private static string Show(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
