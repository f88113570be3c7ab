using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ClusterlessHpc.Cli.Tests;

public class AccountTests(EmulatorFixture emulator)
{
    private IReadOnlyDictionary<string, string> ConfigurationVariables(string? endpoint = null) => new Dictionary<string, string>
    {
        ["ClusterlessHpc__Batch__Endpoint"] = endpoint ?? emulator.Endpoint,
        ["ClusterlessHpc__Batch__AccountName"] = emulator.AccountName,
        ["ClusterlessHpc__Batch__AccountKey"] = emulator.AccountKey,
    };

    [Fact]
    public async Task A_key_for_an_endpoint_on_an_ip_address_signs_as_the_development_account_as_help_says()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var own = await ClusterlessHpc.Emulator.BatchEmulator.StartAsync(new ClusterlessHpc.Emulator.BatchEmulatorOptions { Port = 0, AccountKey = key });

        var status = await new CliEnvironment().RunAsync("status", "--endpoint", own.Endpoint.ToString(), "--key", key);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"Batch account: {ClusterlessHpc.Emulator.BatchEmulatorOptions.DevelopmentAccountName} at {own.Endpoint}", status.Stderr);
    }

    [Fact]
    public async Task The_key_never_appears_in_any_output()
    {
        using var files = new TempFiles();
        var pool = await emulator.CreatePoolAsync("secret", nodes: 1);
        var failing = EmulatorFixture.UniqueId("failsecret");
        var formula = files.Write("f.formula", "$TargetDedicatedNodes = 1;");
        string[][] commands =
        [
            ["status"], ["status", "--json"], ["status", "nope"], ["nodes", pool], ["nodes", pool, "--json"],
            ["plan", "--parameters", EmulatorFixture.Parameters(files, failing, nodes: 1), "--json"],
            ["apply", "--parameters", EmulatorFixture.Parameters(files, failing, nodes: 1)],
            ["apply", "--parameters", EmulatorFixture.Parameters(files, failing, nodes: 1), "--json"],
            ["resize", pool, "--dedicated", "1"], ["autoscale", "eval", pool, "--formula", formula], ["logs", pool, "tvm-none"],
            ["delete", "nope"], ["resize", pool, "--dedicated", "x"],
        ];
        foreach (var command in commands)
        {
            var result = await emulator.ChpcAsync(command);
            Assert.DoesNotContain(emulator.AccountKey, result.Stdout + result.Stderr);
            if (result.ExitCode != 3) Assert.Contains($"Batch account: clitests at {emulator.Endpoint}", result.Stderr);
        }

        var fromConfiguration = await new CliEnvironment { Variables = ConfigurationVariables() }.RunAsync("status", "--json");
        Assert.DoesNotContain(emulator.AccountKey, fromConfiguration.Stdout + fromConfiguration.Stderr);
    }

    [Fact]
    public async Task A_key_on_a_command_line_that_does_not_parse_is_masked()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var result = await new CliEnvironment().RunAsync("formula", "check", "--key", key, "f.formula");
        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain(key, result.Stderr);
        Assert.Contains("***", result.Stderr);
    }

    [Fact]
    public async Task Configuration_from_environment_variables_or_appsettings_json_chooses_the_account()
    {
        var fromEnvironment = await new CliEnvironment { Variables = ConfigurationVariables() }.RunAsync("status");
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.ToString());
        Assert.Contains($"Batch account: clitests at {emulator.Endpoint} (shared key, from environment variable ClusterlessHpc__Batch__Endpoint)", fromEnvironment.Stderr);

        using var files = new TempFiles();
        files.Write("appsettings.json", $$"""
            { "ClusterlessHpc": { "Batch": { "Endpoint": "{{emulator.Endpoint}}", "AccountName": "clitests", "AccountKey": "{{emulator.AccountKey}}" } } }
            """);
        var fromFile = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("status");
        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Contains("(shared key, from appsettings.json (ClusterlessHpc:Batch:Endpoint))", fromFile.Stderr);
    }

    [Fact]
    public async Task Options_come_before_configuration()
    {
        var elsewhere = ConfigurationVariables("http://127.0.0.1:9/");
        var result = await new CliEnvironment { Variables = elsewhere }.RunAsync(["status", .. emulator.AccountArgs]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("from --endpoint", result.Stderr);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_by_the_service_with_exit_2_saying_to_check_the_key_and_the_account_name()
    {
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var result = await new CliEnvironment().RunAsync("status", "--endpoint", emulator.Endpoint, "--account", emulator.AccountName, "--key", wrong);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error AuthenticationFailed: Batch refused the request's Shared Key signature (", result.Stderr);
        Assert.EndsWith("Check the account key and the account name ('clitests'): the signature is made with both.\n", result.Stderr);
        Assert.DoesNotContain(wrong, result.Stderr + result.Stdout);

        var misnamed = await new CliEnvironment().RunAsync("nodes", "p", "--endpoint", emulator.Endpoint, "--account", "clitest", "--key", emulator.AccountKey);
        Assert.Equal(2, misnamed.ExitCode);
        Assert.EndsWith("Check the account key and the account name ('clitest'): the signature is made with both.\n", misnamed.Stderr);
    }

    [Fact]
    public async Task A_key_that_is_not_base64_is_invalid_input_and_not_echoed()
    {
        var result = await new CliEnvironment().RunAsync("status", "--endpoint", emulator.Endpoint, "--account", "clitests", "--key", "not*base64*secret");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: The account key of the account from --endpoint is not base64.", result.Stderr);
        Assert.DoesNotContain("not*base64*secret", result.Stderr);
    }

    [Fact]
    public async Task An_endpoint_nobody_answers_exits_2()
    {
        var port = FreePort();
        var result = await new CliEnvironment().RunAsync("status", "--endpoint", $"http://127.0.0.1:{port}/", "--account", "a", "--key", "a2V5");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("Batch account: a at", result.Stderr);
        Assert.Contains("error: the Batch service cannot be reached:", result.Stderr);
    }

    [Theory]
    [InlineData("status", "--account", "clitests")]
    [InlineData("status", "--key", "a2V5")]
    [InlineData("status", "--endpoint", "not a url")]
    [InlineData("status", "--endpoint", "ftp://example.com/")]
    public async Task Account_options_that_do_not_make_an_account_exit_3(params string[] args)
    {
        var result = await new CliEnvironment().RunAsync(args);
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task A_configured_endpoint_that_is_not_a_url_is_invalid_input()
    {
        var result = await new CliEnvironment { Variables = new Dictionary<string, string> { ["ClusterlessHpc__Batch__Endpoint"] = "batch-account" } }.RunAsync("status");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("environment variable ClusterlessHpc__Batch__Endpoint is not an http(s) URL", result.Stderr);
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
