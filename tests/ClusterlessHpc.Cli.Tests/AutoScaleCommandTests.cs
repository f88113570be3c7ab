using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Cli.Tests;

public class AutoScaleCommandTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Enable_evaluate_and_disable_on_the_service()
    {
        using var files = new TempFiles();
        var id = await emulator.CreatePoolAsync("autoscale", nodes: 1);
        var formula = files.Write("two.formula", "$TargetDedicatedNodes = 2;\n$NodeDeallocationOption = taskcompletion;");

        var enable = await emulator.ChpcAsync("autoscale", "enable", id, "--formula", formula, "--interval", "5");
        Assert.True(enable.ExitCode == 0, enable.ToString());
        // The service shows the new formula's run only from the next evaluation on; the targets move at once.
        Assert.Equal($"Autoscale is enabled on pool '{id}', evaluated every 5 min.\nTargets: 2 dedicated, 0 low-priority; the formula's evaluations show from its next run.\n", enable.Stdout);
        BatchPool pool = await emulator.Client.GetPoolAsync(id);
        Assert.Equal((true, TimeSpan.FromMinutes(5)), (pool.EnableAutoScale!.Value, pool.AutoScaleEvaluationInterval!.Value));

        var eval = await new CliEnvironment { Stdin = "$TargetDedicatedNodes = $CurrentDedicatedNodes + 4;" }
            .RunAsync(["autoscale", "eval", id, "--formula", "-", .. emulator.AccountArgs]);
        Assert.True(eval.ExitCode == 0, eval.ToString());
        Assert.StartsWith("$TargetDedicatedNodes=", eval.Stdout);
        Assert.Single(eval.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var json = (await emulator.ChpcAsync("autoscale", "eval", id, "--formula", formula, "--json")).Json();
        Assert.Equal(id, json.GetProperty("poolId").GetString());
        Assert.StartsWith("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion", json.GetProperty("results").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("error").ValueKind);

        var disable = await emulator.ChpcAsync("autoscale", "disable", id, "--json");
        Assert.True(disable.ExitCode == 0, disable.ToString());
        Assert.False(disable.Json().GetProperty("enableAutoScale").GetBoolean());
    }

    [Fact]
    public async Task A_formula_with_errors_is_not_sent_and_exits_1()
    {
        var id = await emulator.CreatePoolAsync("autoscalebad", nodes: 1);
        var result = await new CliEnvironment { Stdin = "$TargetDedicatedNodes = Max(1, 2);" }
            .RunAsync(["autoscale", "enable", id, "--formula", "-", .. emulator.AccountArgs]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("<stdin>(1,25): error CHPC1003: Unknown function 'Max' (did you mean 'max'?)\n", result.Stderr);
        BatchPool pool = await emulator.Client.GetPoolAsync(id);
        Assert.False(pool.EnableAutoScale ?? false);
    }

    [Fact]
    public async Task An_interval_outside_the_services_range_is_a_usage_error_naming_the_option()
    {
        using var files = new TempFiles();
        var id = await emulator.CreatePoolAsync("autoscaleinterval", nodes: 1);
        var result = await emulator.ChpcAsync("autoscale", "enable", id, "--formula", files.Write("f.formula", "$TargetDedicatedNodes = 1;"), "--interval", "2");
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: --interval '2' must be a whole number of minutes from 5 to 10080.\nRun 'chpc autoscale enable --help' for usage.\n", result.Stderr);
        Assert.False((await emulator.Client.GetPoolAsync(id)).Value.EnableAutoScale);
    }

    [Fact]
    public async Task The_services_evaluation_needs_an_autoscale_pool_and_local_evaluation_does_not()
    {
        using var files = new TempFiles();
        var id = await emulator.CreatePoolAsync("autoscalelocal", nodes: 2);
        var formula = files.Write("f.formula", "$TargetDedicatedNodes = $CurrentDedicatedNodes + 1;");

        var service = await emulator.ChpcAsync("autoscale", "eval", id, "--formula", formula);
        Assert.Equal(2, service.ExitCode);
        Assert.Contains(
            $"error: pool '{id}' has a fixed size (autoscale is off), and Batch evaluates a formula only on a pool with autoscale on: " +
            $"add --local to evaluate it here on the pool's node counts, or turn autoscale on with 'chpc autoscale enable {id} --formula FILE'.\n",
            service.Stderr);

        var local = await emulator.ChpcAsync("autoscale", "eval", id, "--formula", formula, "--local");
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal("$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue\n", local.Stdout);
    }

    [Fact]
    public async Task A_local_evaluation_error_exits_2_with_its_code()
    {
        using var files = new TempFiles();
        var id = await emulator.CreatePoolAsync("autoscaleerr", nodes: 1);
        var metrics = files.Write("m.json", """{ "now": "2024-05-06T12:00:00Z" }""");
        var result = await new CliEnvironment { Stdin = "$TargetDedicatedNodes = avg($PendingTasks.GetSample(TimeInterval_Minute * 5, 50));" }
            .RunAsync(["autoscale", "eval", id, "--formula", "-", "--local", "--metrics", metrics, "--json", .. emulator.AccountArgs]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("InsufficientSampleData", result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("error InsufficientSampleData: ", result.Stderr);
    }

    [Theory]
    [InlineData("autoscale", "enable", "p")]
    [InlineData("autoscale", "eval", "p", "--formula", "f", "--metrics", "m.json")]
    [InlineData("autoscale", "enable", "p", "--formula", "f", "--interval", "0")]
    [InlineData("autoscale")]
    public async Task Bad_command_lines_exit_3(params string[] args) => Assert.Equal(3, (await emulator.ChpcAsync(args)).ExitCode);
}
