using ClusterlessHpc.Cli.Accounts;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// Values chpc cannot use are refused before anything happens, in one line that names the option, argument or variable
/// they came from, without a stack trace and without repeating a secret.
/// </summary>
public sealed class InputErrorTests
{
    private static void AssertOneCleanLine(int exitCode, int expected, string stderr, string names)
    {
        Assert.True(exitCode == expected, $"exit {exitCode}\n{stderr}");
        Assert.Contains(names, stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("unexpected failure", stderr);
    }

    [Theory]
    [InlineData("delete", "p", "--timeout", "99999999999999h")]
    [InlineData("delete", "p", "--timeout", "60d")]
    [InlineData("resize", "p", "--timeout", "1e300d")]
    [InlineData("formula", "simulate", "--interval", "999999999999d")]
    public void A_duration_longer_than_any_wait_is_a_usage_error_naming_the_option(string command, string argument, string option, string value)
    {
        var (exit, _, stderr) = CliRun.Run(null, command, argument, option, value);

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, $"{option} '{value}'");
    }

    [Theory]
    [InlineData("--start-nodes", "20000")]
    [InlineData("--preemption", "1" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public void A_simulation_setting_out_of_range_is_a_usage_error_naming_the_option_not_the_formula(string option, string value)
    {
        var (exit, _, stderr) = CliRun.Run(null, "formula", "simulate", "f.formula", option, value);

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, $"{option} '");
        Assert.DoesNotContain("f.formula", stderr);
    }

    [Fact]
    public void The_completed_jobs_age_is_typed_as_every_other_duration_and_a_bad_one_is_named()
    {
        var (exit, _, stderr) = CliRun.Run(null, "prune", "--parameters", "parameters.json", "--completed-jobs-age", "abc");

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, "--completed-jobs-age 'abc' is not a duration such as 90s, 20m or 2h");
        var parsed = Chpc.CreateRoot(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null))
            .Parse(["prune", "--parameters", "parameters.json", "--completed-jobs-age", "7d"]);
        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("POOL", "status", "")]
    [InlineData("POOL", "nodes", "")]
    [InlineData("NODE", "logs", "p", "")]
    [InlineData("JOB", "tasks", "")]
    [InlineData("TASK", "task", "logs", "j", "")]
    public void An_empty_id_is_a_usage_error_naming_the_argument(string argument, params string[] args)
    {
        var (exit, _, stderr) = CliRun.Run(null, args);

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, $"{argument} is empty");
    }

    [Fact]
    public void A_job_id_the_service_would_refuse_is_named_before_anything_is_created()
    {
        var (exit, _, stderr) = CliRun.Run(null, "run", "p", "--job", "bad job!", "--", "echo", "hi");

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, "--job 'bad job!' is not a job id");
    }

    [Fact]
    public void An_endpoint_with_a_password_or_a_query_is_refused_without_repeating_them()
    {
        var (exit, stdout, stderr) = CliRun.Run(null, "status", "--endpoint", "http://user:P4ssw0rdSECRET@127.0.0.1:1/?sig=SASSECRET", "--key", "c2VjcmV0");

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, "--endpoint must be the account's URL alone");
        Assert.DoesNotContain("SECRET", stdout + stderr);
    }

    [Fact]
    public void An_endpoint_shown_never_carries_user_information_or_a_query()
    {
        var account = new AccountChoice(new Uri("https://user:P4ssw0rdSECRET@acct.westeurope.batch.azure.com/?sig=SASSECRET"), "acct", null, "ClusterlessHpc:Batch");

        Assert.DoesNotContain("SECRET", account.ToString());
        Assert.Contains("https://acct.westeurope.batch.azure.com/", account.ToString());
    }

    [Theory]
    [InlineData("--kye")]
    [InlineData("-key")]
    [InlineData("--Key")]
    [InlineData("--keys")]
    public void The_value_of_a_mistyped_key_option_is_never_repeated(string option)
    {
        var (exit, stdout, stderr) = CliRun.Run(null, "status", "--endpoint", "http://127.0.0.1:1/", option, "MySecretKeyValue=");
        var (joinedExit, joinedStdout, joinedStderr) = CliRun.Run(null, "status", "--endpoint", "http://127.0.0.1:1/", option + "=MySecretKeyValue=");

        // Joined, "-key=..." is a word the command may take as its pool id: refused there or by Batch, never repeated.
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.NotEqual(ExitCodes.Done, joinedExit);
        Assert.DoesNotContain("MySecretKeyValue", stdout + stderr + joinedStdout + joinedStderr);
        Assert.Contains(Secrets.Mask, stderr + joinedStderr);
    }

    [Fact]
    public async Task An_emulator_port_variable_that_is_no_port_is_named()
    {
        using var folder = new TempFiles();
        var environment = new CliEnvironment { Variables = new Dictionary<string, string> { ["HOME"] = folder.Folder, [BatchConnection.EmulatorPortVariable] = "abc" } };

        var result = await environment.RunAsync("jobs");

        AssertOneCleanLine(result.ExitCode, ExitCodes.InvalidInput, result.Stderr, "CHPC_EMULATOR_PORT 'abc' is not a port");
    }

    [Fact]
    public async Task A_sign_in_authority_that_is_no_https_url_is_named_before_signing_in()
    {
        var environment = new CliEnvironment { Variables = new Dictionary<string, string> { [SignIn.AuthorityHostVariable] = "notaurl" } };

        var result = await environment.RunAsync("status", "--endpoint", "https://acct.westeurope.batch.azure.com");

        AssertOneCleanLine(result.ExitCode, ExitCodes.InvalidInput, result.Stderr, "AZURE_AUTHORITY_HOST 'notaurl' is not an https URL");
    }

    [Fact]
    public async Task A_home_where_the_emulators_state_cannot_go_is_named()
    {
        using var folder = new TempFiles();
        folder.Write(".clusterlesshpc", "a file where the folder should be");
        var environment = new CliEnvironment { Variables = new Dictionary<string, string> { ["HOME"] = folder.Folder, [BatchConnection.EmulatorPortVariable] = "1" } };

        var result = await environment.RunAsync("status");

        AssertOneCleanLine(result.ExitCode, ExitCodes.OperationFailed, result.Stderr, "The emulator's state file " + Path.Combine(folder.Folder, ".clusterlesshpc", "emulator-state.json") + " cannot be used");
    }

    [Fact]
    public async Task Settings_that_are_not_json_are_named_with_the_line_and_column()
    {
        using var folder = new TempFiles();
        var settings = folder.Write("appsettings.json", "{\n  \"ClusterlessHpc\": { ,\n");

        var result = await new CliEnvironment { WorkingDirectory = folder.Folder, Variables = new Dictionary<string, string> { ["HOME"] = folder.Folder } }.RunAsync("status");

        AssertOneCleanLine(result.ExitCode, ExitCodes.InvalidInput, result.Stderr, $"{settings} cannot be read: line 2, column 23: ',' is an invalid start of a property name.");
    }

    [Theory]
    [InlineData("apply", "--parameters", "parameters.json", "--drift", "bogus")]
    [InlineData("resize", "p", "--dedicated", "1", "--deallocation", "bogus")]
    public void A_value_not_among_an_options_choices_is_named_with_its_option(params string[] args)
    {
        var (exit, _, stderr) = CliRun.Run(null, args);

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, $"{args[^2]}: Argument 'bogus' not recognized. Must be one of:");
    }

    [Fact]
    public void Existing_nodes_are_a_choice_of_an_update_in_place_only_never_ignored_without_a_word()
    {
        var (exit, _, stderr) = CliRun.Run(null, "apply", "--parameters", "parameters.json", "--existing-nodes", "reimage");

        AssertOneCleanLine(exit, ExitCodes.Usage, stderr, "--existing-nodes reimage applies with --drift update only.");
        var parsed = Chpc.CreateRoot(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null))
            .Parse(["apply", "--parameters", "parameters.json", "--drift", "update", "--existing-nodes", "reimage"]);
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void A_cancelled_command_says_what_the_operation_left_behind_when_it_says_so()
    {
        Assert.Equal("error: cancelled: The pool exists and keeps allocating.",
            CliErrors.Describe(new OperationCanceledException("The pool exists and keeps allocating.")));
        Assert.Equal("error: cancelled", CliErrors.Describe(new OperationCanceledException()));
        Assert.Equal("error: cancelled", CliErrors.Describe(new TaskCanceledException()));
    }
}
