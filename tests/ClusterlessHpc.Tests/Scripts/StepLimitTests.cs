using System.Diagnostics;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// No step of a startup script can keep a node waiting for ever: a startup step, a Julia process or a custom image's
/// julia that never returns is stopped at the step limit, with every process it started, and the script fails naming
/// it. The limit is shortened to seconds here (the script's one limit line is replaced); each run has its own, longer
/// timeout, so a script that hangs fails the test instead of hanging it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StepLimitTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);
    private readonly NodeSandbox _node = new();

    public void Dispose() => _node.Dispose();

    /// <summary>The rendered script with its step limit set to <paramref name="seconds"/>.</summary>
    internal static string WithStepLimit(PoolDefinition definition, int seconds)
    {
        var script = StartupScriptRenderer.Render(definition);
        var line = StepLimits.LimitLine(definition);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(script, "readonly step_timeout_seconds="));
        Assert.Contains(line, script);
        return script.Replace(line, $"readonly step_timeout_seconds={seconds}\n", StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_is_an_hour_unless_the_pool_says_and_the_script_says_so()
    {
        var script = StartupScriptRenderer.Render(SamplePools.Seed);
        var longer = StartupScriptRenderer.Render(SamplePools.Seed with { StartTaskStepTimeoutMinutes = 90 });

        Assert.Contains("\nreadonly step_timeout_seconds=3600\n", script);
        Assert.Contains("may take 60 minute(s)", script);
        Assert.Contains("\nreadonly step_timeout_seconds=5400\n", longer);
        Assert.NotEqual(StartupScriptRenderer.DefinitionHash(SamplePools.Seed), StartupScriptRenderer.DefinitionHash(SamplePools.Seed with { StartTaskStepTimeoutMinutes = 90 }));
    }

    [Fact]
    public void A_startup_step_that_never_returns_is_stopped_with_what_it_started_and_the_script_fails_naming_it()
    {
        var pool = new PoolDefinition { Id = "stuck", StartupSteps = [new StartupStepDefinition("true"), new StartupStepDefinition(_node.Hang)] };

        var clock = Stopwatch.StartNew();
        var run = _node.Run(WithStepLimit(pool, 2), RunTimeout);

        Assert.Equal(124, run.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        Assert.Contains("clusterlesshpc: startup step 2 did not finish within 2 seconds and was stopped", run.Stderr);
        Assert.Equal(2, File.ReadAllLines(_node.Pids).Length);
        Assert.Empty(_node.LiveStandInProcesses());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_node.SharedDir, "clusterlesshpc", "installed")));
    }

    [Fact]
    public void A_julia_process_that_never_returns_is_stopped_and_the_script_fails_naming_it()
    {
        _node.AddStandInJulia(hang: true);

        var run = _node.Run(WithStepLimit(SamplePools.Seed, 2), RunTimeout);

        Assert.Equal(124, run.ExitCode);
        Assert.Contains("clusterlesshpc: installing 2 Julia package(s) did not finish within 2 seconds and was stopped", run.Stderr);
        Assert.Empty(_node.LiveStandInProcesses());
    }

    [Fact]
    public void A_custom_images_julia_that_never_answers_its_version_is_stopped_and_named()
    {
        _node.AddImageJulia("1.10.5", hangOnVersion: true);

        var run = _node.Run(WithStepLimit(SamplePools.CustomImage, 2), RunTimeout);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"clusterlesshpc: asking the image's julia ({_node.Root}/tools/julia) for its version did not finish within 2 seconds", run.Stderr);
        Assert.Empty(_node.LiveStandInProcesses());
    }

    [Fact]
    public void A_failing_step_fails_the_script_naming_it_and_set_e_holds_inside_the_step()
    {
        var after = Path.Combine(_node.Root, "after-false");
        var pool = new PoolDefinition { Id = "failing", StartupSteps = [new StartupStepDefinition($"false\ntouch '{after}'")] };

        var run = _node.Run(StartupScriptRenderer.Render(pool), RunTimeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("clusterlesshpc: startup step 1 failed (exit code 1)", run.Stderr);
        Assert.False(File.Exists(after), "the step went on after a failing command");
    }

    /// <summary>
    /// The script goes on the moment a step's process ends. Each of ten 20 ms steps notes the time as its last act, and the
    /// script notes it again once the step is known to have ended: through <c>limited</c>, and bare (started in the
    /// background and waited for), in turn, so that the machine's load delays both alike. What <c>limited</c> adds to the
    /// median is its own doing. Watching the step by polling it every 0.05 s (as <c>tail --pid</c> did, first looking an
    /// interval after it started) added 30 ms or more to each such step.
    /// </summary>
    [Fact]
    public void A_step_ends_the_moment_its_process_ends_not_at_the_next_look()
    {
        var ended = Path.Combine(_node.Root, "ended");
        var script = "set -euo pipefail\nlog() { printf 'clusterlesshpc: %s\\n' \"$*\"; }\nreadonly step_timeout_seconds=60\n" +
                     $"root='{_node.Root}'\n" + StepLimits.LimitedFunction +
                     $"step() {{ sleep 0.02; printf '%s' \"${{EPOCHREALTIME/./}}\" > '{ended}'; }}\n" +
                     "for i in 1 2 3 4 5 6 7 8 9 10; do\n" +
                     "  limited \"step $i\" step\n" +
                     $"  through=$(( ${{EPOCHREALTIME/./}} - $(<'{ended}') ))\n" +
                     "  step & wait $!\n" +
                     $"  echo \"$through $(( ${{EPOCHREALTIME/./}} - $(<'{ended}') ))\"\n" +
                     "done\n";

        var run = _node.Run(script, RunTimeout);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var pairs = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ').Select(long.Parse).ToArray()).ToArray();
        Assert.Equal(10, pairs.Length);
        static double Median(IEnumerable<long> values) { var sorted = values.Order().ToArray(); return (sorted[4] + sorted[5]) / 2000.0; }
        var limited = Median(pairs.Select(p => p[0]));
        var bare = Median(pairs.Select(p => p[1]));
        Assert.True(limited - bare < 10, $"a step's end reached the script {limited:0.0} ms late through limited, {bare:0.0} ms bare (medians)");
        Assert.Empty(Directory.EnumerateFiles(_node.Root, ".step-limit.*"));
    }

    [Fact]
    public void A_mark_an_earlier_stopped_run_left_does_not_make_a_failing_step_look_timed_out()
    {
        // A run killed after its watchdog fired and before the step's end was noted leaves the mark; a later run whose bash
        // got the same pid must still say that its step failed, not that it ran out of time.
        var script = "set -euo pipefail\nlog() { printf 'clusterlesshpc: %s\\n' \"$*\" >&2; }\nreadonly step_timeout_seconds=60\n" +
                     $"root='{_node.Root}'\n" + StepLimits.LimitedFunction +
                     ": > \"$root/.step-limit.$BASHPID\"\n" +
                     "limited 'the step' false\n";

        var run = _node.Run(script, RunTimeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("clusterlesshpc: the step failed (exit code 1)", run.Stderr);
        Assert.DoesNotContain("did not finish", run.Stderr);
    }

    [Fact]
    public void A_step_that_finishes_in_time_is_not_slowed_down_by_the_limit()
    {
        var pool = new PoolDefinition { Id = "quick", StartupSteps = [.. Enumerable.Range(0, 5).Select(_ => new StartupStepDefinition("true"))] };

        var clock = Stopwatch.StartNew();
        var run = _node.Run(StartupScriptRenderer.Render(pool), RunTimeout);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }
}
