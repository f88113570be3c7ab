namespace ClusterlessHpc.Cli.Tests;

/// <summary><c>chpc plan</c> shows a definition's warnings and still plans it.</summary>
public class PlanWarningTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Plan_warns_that_tasks_cannot_read_a_custom_images_depot_under_root()
    {
        var id = EmulatorFixture.UniqueId("rootdepot");
        var folder = Directory.CreateTempSubdirectory("chpc-cli-depot-").FullName;
        try
        {
            var assembly = Path.Combine(folder, "RootDepot.dll");
            PoolCompiler.EmitTo(assembly, $$"""
                using ClusterlessHpc;

                [BatchPool("{{id}}")]
                [CustomImage("/SharedGalleries/gallery/Images/julia", NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/root/.julia")]
                [Julia("1.10.5")]
                public partial class RootDepotPool;
                """);

            var plan = await emulator.ChpcAsync("plan", "--assembly", assembly);

            Assert.True(plan.ExitCode == 0, plan.ToString());
            Assert.Equal($"{id}: create\n", plan.Stdout);
            Assert.Contains("warning CHPC0039: JuliaDepotPath '/root/.julia' is under /root, which only root can read", plan.Stderr);
            Assert.Contains($"[Image.JuliaDepotPath of pool '{id}']", plan.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
