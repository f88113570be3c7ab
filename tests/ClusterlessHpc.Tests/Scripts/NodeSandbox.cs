namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// A scratch node for running rendered startup scripts for real: its own shared directory, a stand-in julia that
/// records each launch and its program, and a stand-in curl that "downloads" that julia as a release tarball.
/// As root, scripts run as 'nobody', as a start task runs as a user that cannot write system folders.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class NodeSandbox : IDisposable
{
    /// <param name="standInCurl">False to download with the real curl (from a loopback server).</param>
    public NodeSandbox(bool standInCurl = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "chpc-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "shared"));
        Directory.CreateDirectory(Path.Combine(Root, "tools"));
        File.WriteAllText(JuliaLog, "");
        File.WriteAllText(DepotLog, "");
        File.WriteAllText(Pids, "");
        if (!standInCurl) return;
        WriteExecutable(Path.Combine(Root, "tools", "curl"),
            "#!/bin/bash\n" +
            "out=''\n" +
            "while [[ $# -gt 0 ]]; do if [[ $1 == --output ]]; then out=$2; shift; fi; shift; done\n" +
            $"tar -czf \"$out\" -C '{Root}/release' julia-standin\n");
    }

    public string Root { get; }

    public string SharedDir => Path.Combine(Root, "shared");

    public string JuliaLog => Path.Combine(Root, "julia-launches.log");

    /// <summary>The last Julia program a stand-in julia was given with -e.</summary>
    public string LastProgram => File.ReadAllText(JuliaLog + ".program");

    public int JuliaLaunches => File.ReadAllLines(JuliaLog).Length;

    /// <summary>The JULIA_DEPOT_PATH of each launch of a stand-in julia, one a line.</summary>
    public string DepotLog => Path.Combine(Root, "julia-depots.log");

    /// <summary>The processes a hanging stand-in started, one id a line, to check that none outlives the script.</summary>
    public string Pids => Path.Combine(Root, "pids");

    /// <summary>A stand-in that never returns and starts a child that would not either: what a stalled Julia looks like.</summary>
    public string Hang => $"sleep 1000 &\necho \"$!\" >> '{Pids}'\necho \"$BASHPID\" >> '{Pids}'\nwait\n";

    /// <summary>Puts the stand-in where the stand-in curl downloads it from, or straight into the node's Julia folder.</summary>
    public void AddStandInJulia(int exitCode = 0, string? preinstalledVersion = null, bool hang = false)
    {
        var home = preinstalledVersion is null
            ? Path.Combine(Root, "release", "julia-standin")
            : Path.Combine(SharedDir, "clusterlesshpc", $"julia-{preinstalledVersion}");
        Directory.CreateDirectory(Path.Combine(home, "bin"));
        WriteExecutable(Path.Combine(home, "bin", "julia"),
            "#!/bin/bash\n" +
            $"echo \"launch $#\" >> '{JuliaLog}'\n" +
            $"printf '%s\\n' \"${{JULIA_DEPOT_PATH-(unset)}}\" >> '{DepotLog}'\n" +
            "for ((i = 1; i <= $#; i++)); do if [[ ${!i} == -e ]]; then j=$((i + 1)); printf '%s' \"${!j}\" > '" + JuliaLog + ".program'; fi; done\n" +
            (hang ? Hang : "") +
            (exitCode == 0 ? "exit 0\n" : $"echo 'stand-in julia failed' >&2\nexit {exitCode}\n"));
    }

    /// <summary>A stand-in julia on PATH that reports <paramref name="version"/>, as a custom image would have.</summary>
    public void AddImageJulia(string version, bool hangOnVersion = false)
    {
        WriteExecutable(Path.Combine(Root, "tools", "julia"),
            "#!/bin/bash\n" +
            (hangOnVersion ? $"if [[ ${{1:-}} == --version ]]; then\n{Hang}fi\n" : "") +
            $"if [[ ${{1:-}} == --version ]]; then echo 'julia version {version}'; exit 0; fi\n" +
            $"echo \"launch $# $JULIA_DEPOT_PATH\" >> '{JuliaLog}'\n");
    }

    /// <summary>The processes a hanging stand-in started that are still alive.</summary>
    public IReadOnlyList<int> LiveStandInProcesses() =>
        File.ReadAllLines(Pids).Where(l => l.Length > 0).Select(int.Parse).Where(pid => Directory.Exists($"/proc/{pid}") && !IsZombie(pid)).ToList();

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Puts a stand-in for <paramref name="program"/> first on the script's PATH.</summary>
    public void AddTool(string program, string bash) => WriteExecutable(Path.Combine(Root, "tools", program), bash);

    /// <param name="script">The script.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="settings">More environment settings, as a start task's.</param>
    public (int ExitCode, string Stdout, string Stderr) Run(string script, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var file = Path.Combine(Root, "startup.sh");
        File.WriteAllText(file, script);
        var environment = new Dictionary<string, string>
        {
            ["AZ_BATCH_NODE_SHARED_DIR"] = SharedDir,
            ["HOME"] = Root,
            ["PATH"] = Path.Combine(Root, "tools") + ":/usr/local/bin:/usr/bin:/bin",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) environment[name] = value;
        if (Environment.UserName != "root") return ProcessRunner.Run("bash", [file], environment: environment, timeout: timeout);
        ProcessRunner.Run("chown", ["-R", "65534:65534", Root]);
        return ProcessRunner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "bash", file], environment: environment, timeout: timeout);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }
}
