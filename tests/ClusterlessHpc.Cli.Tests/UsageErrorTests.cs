using System.CommandLine;
using ClusterlessHpc.Cli.Output;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>Command lines that do not parse, help, and how progress and durations read.</summary>
public class UsageErrorTests
{
    [Theory]
    [InlineData("error: 'stauts' is not a chpc command (did you mean 'status'?)\nRun 'chpc --help' for usage.\n", "stauts")]
    [InlineData("error: 'aply' is not a chpc command (did you mean 'apply'?)\nRun 'chpc --help' for usage.\n", "aply", "--assembly", "a.dll")]
    [InlineData("error: 'enabel' is not a chpc autoscale command (did you mean 'enable'?)\nRun 'chpc autoscale --help' for usage.\n", "autoscale", "enabel", "p")]
    [InlineData("error: 'frobnicate' is not a chpc command.\nRun 'chpc --help' for usage.\n", "frobnicate")]
    [InlineData("error: chpc autoscale needs a command: enable, disable or eval.\nRun 'chpc autoscale --help' for usage.\n", "autoscale")]
    [InlineData("error: chpc nodes has no option '--jsn' (did you mean '--json'?)\nRun 'chpc nodes --help' for usage.\n", "nodes", "p", "--jsn")]
    [InlineData("error: chpc status has no option '--jsn' (did you mean '--json'?)\nRun 'chpc status --help' for usage.\n", "status", "--jsn")]
    public void An_unknown_word_gets_the_closest_command_or_option_and_the_help_of_the_command_being_typed(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = CliRun.Run(null, args);

        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.Equal(expected, stderr);
    }

    [Fact]
    public void Assembly_and_parameters_exclude_each_other()
    {
        var (exit, _, stderr) = CliRun.Run(null, "plan", "--assembly", "a.dll", "--parameters", "p.json");

        Assert.Equal(3, exit);
        Assert.Equal("error: --assembly and --parameters exclude each other: give the pools with one of them.\nRun 'chpc plan --help' for usage.\n", stderr);
    }

    [Fact]
    public void A_key_in_an_unknown_option_is_never_echoed()
    {
        var (exit, _, stderr) = CliRun.Run(null, "status", "--kee", "c2VjcmV0LWtleQ==", "--key", "c2VjcmV0LWtleQ==");

        Assert.Equal(3, exit);
        Assert.DoesNotContain("c2VjcmV0LWtleQ==", stderr);
    }

    [Fact]
    public void No_option_says_its_default_twice_in_help()
    {
        var root = Chpc.CreateRoot(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null));
        var commands = new List<Command>();
        void Walk(Command command)
        {
            commands.Add(command);
            foreach (var child in command.Subcommands) Walk(child);
        }
        Walk(root);

        // System.CommandLine shows "[default: ...]" for an option with a default value (not for a flag); its description must not say it too.
        var twice = commands.SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o)))
            .Where(x => x.Option.HasDefaultValue && x.Option is not Option<bool> &&
                        (x.Option.Description ?? "").Contains("default", StringComparison.OrdinalIgnoreCase))
            .Select(x => $"{x.Command} {x.Option.Name}")
            .ToList();
        Assert.Empty(twice);

        var (exit, help, _) = CliRun.Run(null, "apply", "--help");
        Assert.Equal(0, exit);
        var drift = help.Split('\n').Single(l => l.TrimStart().StartsWith("--drift", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(drift, "default"));
        var timeout = help.Split('\n').Single(l => l.TrimStart().StartsWith("--timeout", StringComparison.Ordinal));
        Assert.EndsWith("(default 30m).", timeout.TrimEnd());
    }

    [Fact]
    public async Task Progress_lines_of_every_pool_share_one_clock()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(TextReader.Null, output, TextWriter.Null);
        var nodes = new Dictionary<string, int>();

        await LiveTable.RunAsync(console, OutputMode.Plain, ["first", "second"], async progress =>
        {
            progress.Report(new PoolProgress("first", "creating", nodes, "1", "created the pool"));
            await Task.Delay(300);
            // The second pool's first line: on one clock it is stamped after the first pool's, not at its own zero.
            progress.Report(new PoolProgress("second", "creating", nodes, "1", "created the pool"));
            return 0;
        });

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[ +0\.\d s\] first: created the pool$", lines[0]);
        var second = double.Parse(lines[1][1..lines[1].IndexOf(" s]", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(second >= 0.3, lines[1]);
        Assert.EndsWith(" s] second: created the pool", lines[1]);
    }
}
