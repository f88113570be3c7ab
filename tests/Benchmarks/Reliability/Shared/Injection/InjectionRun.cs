using System.Diagnostics;
using System.Globalization;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Reliability.Boot;

namespace ClusterlessHpc.Reliability.Injection;

/// <summary>What became of one hostile value in one place.</summary>
public sealed record InjectionCase(HostileTarget Target, string Payload)
{
    /// <summary>The rule that refused it (at its own target), or null when it was accepted.</summary>
    public string? RefusedBy { get; set; }

    /// <summary>A refusal reported somewhere other than the value's own target (a rule missed it, another caught it by luck).</summary>
    public string? RefusedElsewhere { get; set; }

    /// <summary>For an accepted value: how the node's start task ended, for example <c>idle (exit 0)</c>.</summary>
    public string? Outcome { get; set; }

    /// <summary>For an accepted value: where the payload ran (files named like the canary found in the node's folder), or empty.</summary>
    public List<string> Injected { get; } = [];

    /// <summary>For an accepted value: a value that reached the Julia program outside a string literal, or unescaped inside one.</summary>
    public string? JuliaProblem { get; set; }

    public bool Safe => RefusedElsewhere is null && Injected.Count == 0 && JuliaProblem is null;

    public override string ToString() =>
        $"{Target.Name} = {Show(Payload)}: " +
        (RefusedBy is not null ? $"refused by {RefusedBy}"
            : RefusedElsewhere is not null ? $"refused, but not at {Target.Target}: {RefusedElsewhere}"
            : $"accepted, ran: {Outcome}" + (Injected.Count > 0 ? "; INJECTED: " + string.Join(", ", Injected) : "") +
              (JuliaProblem is null ? "" : "; JULIA: " + JuliaProblem));

    public static string Show(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || c is '\u2028' ? $"\\u{(int)c:x4}" : c.ToString()));
}

/// <summary>
/// Every payload of <see cref="HostileCorpus"/> in every target: a value a rule refuses never reaches a node; every other
/// value's pool is created in an emulator that executes start tasks (as the node's unprivileged user, in its sandbox), and
/// after its start task ends the julia launcher it installed is run as a task would run it. Then the node's folder is
/// searched for the canary and the Julia program the stand-in julia received is checked.
/// </summary>
public static class InjectionRun
{
    /// <param name="targets">The places to try (all of <see cref="HostileCorpus.Targets"/> when null).</param>
    public static async Task<IReadOnlyList<InjectionCase>> RunAsync(
        IEnumerable<HostileTarget>? targets = null, int parallelism = 6, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("chpc-injection-").FullName;
        try
        {
            await using var internet = await StandInServer.StartAsync("1.5.2", TimeSpan.Zero).ConfigureAwait(false);
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                StartTaskMode = StartTaskMode.Execute,
                AllowDevelopmentKey = true,
                NodesDirectory = folder,
                SandboxUidBase = ClusterlessHpc.Testing.SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(10),
                NodeStartingDelay = TimeSpan.FromMilliseconds(10),
            }, cancellationToken).ConfigureAwait(false);
            var client = emulator.CreateClient();

            var cases = new List<InjectionCase>();
            var runs = new List<(InjectionCase Case, PoolDefinition Definition)>();
            var number = 0;
            foreach (var target in targets ?? HostileCorpus.Targets)
            {
                foreach (var payload in HostileCorpus.Payloads)
                {
                    var item = new InjectionCase(target, payload);
                    cases.Add(item);
                    var id = string.Create(CultureInfo.InvariantCulture, $"inj-{number++:D3}");
                    var (definition, diagnostics) = target.Make(HostileCorpus.Base(id, internet.JuliaMirror), payload);
                    var errors = diagnostics.Where(d => d.IsError).ToList();
                    if (definition is null || errors.Count > 0 || Rules.PoolValidator.HasErrors(Rules.PoolValidator.Validate(definition!)))
                    {
                        var here = errors.FirstOrDefault(e => e.Target == target.Target);
                        if (here is not null) item.RefusedBy = here.Rule.Id;
                        else item.RefusedElsewhere = string.Join("; ", errors.Concat(Rules.PoolValidator.Validate(definition!).Where(d => d.IsError)).Select(e => $"{e.Rule.Id} at {e.Target}"));
                        continue;
                    }
                    runs.Add((item, definition));
                }
            }

            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (run, token) =>
            {
                await RunOneAsync(client, emulator, run.Case, run.Definition, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            log?.WriteLine($"{runs.Count} accepted values run on executed nodes in {clock.Elapsed.TotalSeconds:0.0} s");
            return cases;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunOneAsync(BatchClient client, BatchEmulator emulator, InjectionCase item, PoolDefinition definition, CancellationToken cancellationToken)
    {
        // The provisioner's own path: its request, then its wait (which ends with an exception for a failed start task).
        var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions
        {
            FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromMinutes(2), Preflight = false,
        });
        try
        {
            await provisioner.ApplyAsync(definition, cancellationToken: cancellationToken).ConfigureAwait(false);
            item.Outcome = "idle (exit 0)";
        }
        catch (StartTaskFailedException e)
        {
            item.Outcome = $"start task failed (exit {e.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})";
        }

        await foreach (var node in client.GetNodesAsync(definition.Id, cancellationToken).ConfigureAwait(false))
        {
            var root = Path.Combine(emulator.NodesDirectory!, definition.Id, node.Id!);
            var launcher = Path.Combine(root, "shared", "clusterlesshpc", "bin", "julia");
            if (File.Exists(launcher)) item.Outcome += "; launcher " + RunAsTask(root, launcher);
            item.Injected.AddRange(Directory.EnumerateFiles(root, HostileCorpus.Canary + "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(f => Path.GetRelativePath(root, f)));
            var arguments = Path.Combine(root, "shared", StandInServer.LastArguments);
            if (File.Exists(arguments))
            {
                var lines = File.ReadAllText(arguments);
                var program = lines.Contains("\n-e\n", StringComparison.Ordinal) ? lines[(lines.IndexOf("\n-e\n", StringComparison.Ordinal) + 4)..] : null;
                if (program is not null) item.JuliaProblem = JuliaProgramProblem(program);
            }
        }
    }

    /// <summary>
    /// Runs the launcher as a task would (<c>julia --version</c> from PATH, in a folder of the node, as the node's user), with
    /// none of the settings it defaults for the task: the values the start task wrote into it are what it runs with.
    /// </summary>
    private static string RunAsTask(string root, string launcher)
    {
        var work = Path.Combine(root, "workitems", "task");
        Directory.CreateDirectory(work);
        var uid = StatOwner(root);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(launcher) + ":/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = work,
            ["AZ_BATCH_NODE_SHARED_DIR"] = Path.Combine(root, "shared"),
        };
        (int ExitCode, string Stdout, string Stderr) result;
        if (uid is { } user && Environment.UserName == "root")
        {
            Run("chown", [$"{user}:{user}", work]);
            result = Run("setpriv", [$"--reuid={user}", $"--regid={user}", "--clear-groups", "bash", "-c", "cd \"$HOME\" && julia --version"], environment: environment);
        }
        else
        {
            result = Run("bash", ["-c", "cd \"$HOME\" && julia --version"], environment: environment);
        }
        return result.ExitCode == 0 ? "ran" : $"exited {result.ExitCode}";
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.Result, "timed out");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static int? StatOwner(string path)
    {
        var stat = Run("stat", ["-c", "%u", path]);
        return stat.ExitCode == 0 && int.TryParse(stat.Stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
    }

    /// <summary>Outside string literals the program has no '$' or '`'; inside them every '$' is escaped, so nothing is interpolated.</summary>
    public static string? JuliaProgramProblem(string program)
    {
        var inString = false;
        for (var i = 0; i < program.Length; i++)
        {
            var c = program[i];
            if (!inString)
            {
                if (c == '"') inString = true;
                else if (c is '`' or '$') return $"'{c}' outside a string literal";
                continue;
            }
            if (c == '\\') i++;
            else if (c == '"') inString = false;
            else if (c == '$') return "an unescaped '$' in a string literal";
        }
        return inString ? "the program ends inside a string literal" : null;
    }
}
