using System.Security.Cryptography;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Tests;

/// <summary><c>chpc nodes</c> on a pool whose start task failed for real (executed start tasks): each failed node's step.</summary>
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
                SandboxUidBase = 3_700_000 + Random.Shared.Next(0, 600) * 1000,
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
}
