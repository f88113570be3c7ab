namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// <c>chpc plan</c> and <c>chpc apply</c> on a pool whose node agent Batch has retired: the plan says apply refuses,
/// and apply creates nothing, naming the date and the replacement. The agent's date is in the past on any clock.
/// </summary>
public class RetirementCommandTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Plan_and_apply_refuse_a_new_pool_on_a_retired_agent_naming_the_replacement()
    {
        var id = EmulatorFixture.UniqueId("focal");
        var folder = Directory.CreateTempSubdirectory("chpc-cli-retired-").FullName;
        try
        {
            var assembly = Path.Combine(folder, "Focal.dll");
            PoolCompiler.EmitTo(assembly, $$"""
                using ClusterlessHpc;

                [BatchPool("{{id}}")]
                [MarketplaceImage("canonical", "0001-com-ubuntu-server-focal", "20_04-lts")]
                public partial class FocalPool;
                """);

            var plan = await emulator.ChpcAsync("plan", "--assembly", assembly);
            var apply = await emulator.ChpcAsync("apply", "--assembly", assembly);

            Assert.True(plan.ExitCode == 1, plan.ToString());
            Assert.Equal($"{id}: create\n", plan.Stdout);
            Assert.Contains($"error: pool '{id}': node agent 'batch.node.ubuntu 20.04' was retired by Batch on 2025-04-23", plan.Stderr);
            Assert.Contains("Move to canonical:ubuntu-24_04-lts:server with 'batch.node.ubuntu 24.04'; apply refuses to create the pool", plan.Stderr);
            Assert.True(apply.ExitCode == 1, apply.ToString());
            Assert.Contains($"Pool '{id}' was not created: node agent 'batch.node.ubuntu 20.04' was retired by Batch on 2025-04-23", apply.Stdout + apply.Stderr);
            Assert.Contains("Move to canonical:ubuntu-24_04-lts:server", apply.Stdout + apply.Stderr);
            var status = await emulator.ChpcAsync("status", id);
            Assert.NotEqual(0, status.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
