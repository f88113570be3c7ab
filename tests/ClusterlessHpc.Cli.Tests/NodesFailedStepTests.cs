using System.Security.Cryptography;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// <c>chpc nodes</c> on a pool whose start task failed for real (executed start tasks): each failed node's step, and given
/// the assembly that declares the pool, the declaration behind it, in the same line as <c>chpc apply</c>'s.
/// </summary>
public class NodesFailedStepTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_failed_node_shows_the_step_its_stdout_announced_last()
    {
        var nodes = Directory.CreateTempSubdirectory("chpc-cli-step-nodes-").FullName;
        try
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            await using var executing = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                AccountName = "execsteps",
                AccountKey = key,
                StartTaskMode = StartTaskMode.Execute,
                NodesDirectory = nodes,
                SandboxUidBase = SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
                NodeStartingDelay = TimeSpan.FromMilliseconds(20),
            });
            var definition = new PoolDefinition
            {
                Id = "stepfails",
                StartupSteps = [new StartupStepDefinition("echo fine"), new StartupStepDefinition("echo 'disk full' >&2\nexit 5") { AfterPackages = true }],
            };
            await Assert.ThrowsAsync<StartTaskFailedException>(() =>
                new PoolProvisioner(executing.CreateClient(), new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50) }).ApplyAsync(definition));
            string[] account = ["--endpoint", executing.Endpoint.ToString(), "--account", "execsteps", "--key", key];

            var table = await new CliEnvironment().RunAsync(["nodes", "stepfails", .. account]);
            var json = (await new CliEnvironment().RunAsync(["nodes", "stepfails", "--json", .. account])).Json();

            Assert.True(table.ExitCode == 0, table.ToString());
            Assert.Matches(@"\bstarttaskfailed\b.*\b5\s+2/2 startup step 2\b", table.Stdout.Split('\n')[1]);
            var step = Assert.Single(json.GetProperty("nodes").EnumerateArray()).GetProperty("failedStep");
            Assert.Equal((2, 2, "startup step 2"), (step.GetProperty("index").GetInt32(), step.GetProperty("total").GetInt32(), step.GetProperty("name").GetString()));
        }
        finally
        {
            Directory.Delete(nodes, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Given_the_assembly_a_failed_package_step_is_named_by_its_declaration_as_apply_names_it()
    {
        var nodes = Directory.CreateTempSubdirectory("chpc-cli-traced-nodes-").FullName;
        var folder = Directory.CreateTempSubdirectory("chpc-cli-traced-assembly-").FullName;
        try
        {
            const string cloneError = "ERROR: failed to clone from https://github.com/slimgroup/JOLI.jl";
            await using var internet = new JuliaStandInServer(new JuliaStandInOptions("1.10.5") { FailingStep = "develop JOLI", FailingError = cloneError });
            var id = EmulatorFixture.UniqueId("traced");
            var assembly = Path.Combine(folder, "TracedPools.dll");
            PoolCompiler.EmitTo(assembly, $$"""
                using ClusterlessHpc;

                [BatchPool("{{id}}")]
                [Julia("1.10.5", Mirror = "{{internet.Mirror}}", PkgServer = "{{internet.PkgServer}}")]
                [JuliaPackage("IterativeSolvers")]
                [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
                public partial class TracedPool;
                """);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            await using var executing = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                AccountName = "exectraced",
                AccountKey = key,
                StartTaskMode = StartTaskMode.Execute,
                NodesDirectory = nodes,
                SandboxUidBase = SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
                NodeStartingDelay = TimeSpan.FromMilliseconds(20),
            });
            string[] account = ["--endpoint", executing.Endpoint.ToString(), "--account", "exectraced", "--key", key];

            var apply = await new CliEnvironment().RunAsync(["apply", "--assembly", assembly, "--timeout", "2m", .. account]);
            var traced = await new CliEnvironment().RunAsync(["nodes", id, "--assembly", assembly, .. account]);
            var json = (await new CliEnvironment().RunAsync(["nodes", id, "--assembly", assembly, "--json", .. account])).Json();
            var plain = await new CliEnvironment().RunAsync(["nodes", id, .. account]);
            // The same pool declared without IterativeSolvers: JOLI is developed in step 2 of 3 there, not 3 of 4.
            var other = Path.Combine(folder, "OtherPools.dll");
            PoolCompiler.EmitTo(other, $$"""
                using ClusterlessHpc;

                [BatchPool("{{id}}")]
                [Julia("1.10.5", Mirror = "{{internet.Mirror}}", PkgServer = "{{internet.PkgServer}}")]
                [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
                public partial class TracedPool;
                """);
            var drifted = await new CliEnvironment().RunAsync(["nodes", id, "--assembly", other, .. account]);

            Assert.True(apply.ExitCode == 2, apply.ToString());
            var node = Assert.Single(json.GetProperty("nodes").EnumerateArray());
            var nodeId = node.GetProperty("id").GetString();
            // The attribute's place as the compiler names it: the sixth line of the source, column 2.
            var expected = $"Pool0.cs(6,2): [JuliaPackage(\"JOLI\", ...)] failed on node {nodeId} during \"develop JOLI\": {cloneError}";
            Assert.Contains($"error: {id}: {expected}\n", apply.Stderr);
            Assert.True(traced.ExitCode == 0, traced.ToString());
            var lines = traced.Stdout.TrimEnd('\n').Split('\n');
            Assert.Matches(@"\bstarttaskfailed\b.*\s3/4 develop JOLI\b", lines[1]);
            Assert.Equal(expected, lines[^1]);
            var step = node.GetProperty("failedStep");
            Assert.Equal((3, 4, "develop JOLI"), (step.GetProperty("index").GetInt32(), step.GetProperty("total").GetInt32(), step.GetProperty("name").GetString()));
            Assert.Equal("Pool0.cs(6,2): [JuliaPackage(\"JOLI\", ...)]", step.GetProperty("declaration").GetString());
            Assert.Equal(expected, step.GetProperty("message").GetString());
            // Without the assembly: the step, and nothing that would need the declaration.
            Assert.True(plain.ExitCode == 0, plain.ToString());
            Assert.Matches(@"\b3/4 develop JOLI\b", plain.Stdout);
            Assert.DoesNotContain("failed on node", plain.Stdout);
            // Given another declaration of the pool: the step, and a note instead of a guessed declaration.
            Assert.True(drifted.ExitCode == 0, drifted.ToString());
            Assert.DoesNotContain("failed on node", drifted.Stdout);
            Assert.Contains($"note: node '{nodeId}' failed in step 3/4 develop JOLI, which is not a step of pool '{id}' as the assembly declares it", drifted.Stderr);
        }
        finally
        {
            Directory.Delete(nodes, recursive: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_pool_the_assembly_does_not_declare_is_invalid_input_before_any_request()
    {
        var folder = Directory.CreateTempSubdirectory("chpc-cli-traced-assembly-").FullName;
        try
        {
            var assembly = Path.Combine(folder, "OnePool.dll");
            PoolCompiler.EmitTo(assembly, """
                using ClusterlessHpc;

                [BatchPool("declared")]
                public partial class DeclaredPool;
                """);

            // No account at all: the assembly is read before any account is chosen.
            var result = await new CliEnvironment().RunAsync("nodes", "elsewhere", "--assembly", assembly, "--endpoint", "http://127.0.0.1:9", "--account", "none", "--key", "a2V5");

            Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
            Assert.Equal("error: OnePool.dll has no pool 'elsewhere'; its pools: declared.\n", result.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
