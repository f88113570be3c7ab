using Azure.Core;
using Azure.Core.Pipeline;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>No failure reaches the user as a crash: the ones chpc knows say what to do, and any other is one line and exit 2.</summary>
public class UnexpectedFailureTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Without_a_key_an_http_endpoint_is_refused_before_any_request_saying_to_give_the_key_or_use_https()
    {
        var result = await new CliEnvironment().RunAsync("status", "--endpoint", emulator.Endpoint, "--account", emulator.AccountName);

        Assert.Equal(1, result.ExitCode);
        // One line, and no "Batch account:" line: no client was made.
        Assert.Equal(
            $"error: {emulator.Endpoint} is plain http, and without an account key the client signs in with a bearer token, which is sent over https only: " +
            "give --key, or use the account's https endpoint.\n",
            result.Stderr);
    }

    [Fact]
    public async Task From_configuration_the_same_refusal_names_the_setting_that_holds_the_key()
    {
        var variables = new Dictionary<string, string>
        {
            ["ClusterlessHpc__Batch__Endpoint"] = emulator.Endpoint,
            ["ClusterlessHpc__Batch__AccountName"] = emulator.AccountName,
        };

        var result = await new CliEnvironment { Variables = variables }.RunAsync("status");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("sent over https only: set ClusterlessHpc:Batch:AccountKey, or use the account's https endpoint.\n", result.Stderr);
    }

    [Fact]
    public async Task A_failure_no_command_expects_is_one_line_and_exit_2_and_verbose_adds_its_stack()
    {
        // As Azure.Core failed a bearer token over http: an InvalidOperationException from inside the pipeline.
        var chpc = new CliEnvironment { Transport = new BrokenTransport() };
        string[] args = ["status", .. emulator.AccountArgs];

        var result = await chpc.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Batch account: clitests at ", lines[0]);
        Assert.Equal("error: unexpected failure (InvalidOperationException): the transport broke (run again with --verbose for its stack trace)", lines[1]);
        Assert.Empty(result.Stdout);
        Assert.DoesNotContain(emulator.AccountKey, result.Stderr);

        var verbose = await chpc.RunAsync([.. args, "--verbose"]);

        Assert.Equal(2, verbose.ExitCode);
        Assert.StartsWith("error: unexpected failure (InvalidOperationException): the transport broke\n", verbose.Stderr.Split('\n', 2)[1]);
        Assert.Contains("\n   at ", verbose.Stderr);
        Assert.DoesNotContain(emulator.AccountKey, verbose.Stderr);
    }

    /// <summary>A transport that fails every request with an exception no command expects.</summary>
    private sealed class BrokenTransport : HttpPipelineTransport
    {
        public override Request CreateRequest() => HttpClientTransport.Shared.CreateRequest();

        public override void Process(HttpMessage message) => throw new InvalidOperationException("the transport broke");

        public override ValueTask ProcessAsync(HttpMessage message) => throw new InvalidOperationException("the transport broke");
    }
}
