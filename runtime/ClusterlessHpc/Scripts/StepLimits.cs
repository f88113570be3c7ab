using System.Globalization;

namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// How the startup script keeps a step from blocking the node for ever: Batch start tasks have no time limit of their
    /// own. Each step that can block (a download, a Julia process, a <c>[StartupStep]</c>) runs through the bash function
    /// <c>limited</c>, in its own process group, and is stopped with everything it started when the pool's step limit
    /// (<see cref="PoolDefinition.EffectiveStepTimeoutMinutes"/>) is up; the start task then fails naming the step.
    /// Downloads go through <c>download</c>: a bounded connection time, a stalled transfer given up after a minute, and a
    /// bounded number of retries, all within the step limit.
    /// </summary>
    internal static class StepLimits
    {
        /// <summary>The options of every curl download, in the startup script and in the Dockerfile.</summary>
        public const string CurlOptions =
            "--fail --silent --show-error --location --connect-timeout 30 --speed-limit 1024 --speed-time 60 --retry 5 --retry-delay 10 --retry-connrefused";

        /// <summary>The script line that sets the limit, in seconds (tests shorten it by replacing this line).</summary>
        public static string LimitLine(PoolDefinition definition) =>
            "readonly step_timeout_seconds=" + (definition.EffectiveStepTimeoutMinutes * 60).ToString(CultureInfo.InvariantCulture) + "\n";

        /// <summary>
        /// The bash function <c>limited DESCRIPTION COMMAND...</c>. It must be called as a statement of its own (not after
        /// <c>if</c>, <c>||</c> or <c>&amp;&amp;</c>): there bash would ignore <c>set -e</c> inside a startup step too.
        /// Job control (<c>set -m</c>) gives the step its own process group, so the limit stops its children as well. The
        /// script waits for the step itself (<c>wait</c> returns the moment it ends), while a watchdog in a process group
        /// of its own sleeps out the limit, marks that it fired (a file under <c>$root</c>), and stops the step's group
        /// (TERM, then KILL 10 s later). Once the step has ended the watchdog is stopped and not waited for: waiting would
        /// put its own ending on the script's path. Polling for the step instead (<c>tail --pid</c>) ended every step up to
        /// an interval late. The watchdog's output goes nowhere: under <c>$(limited ...)</c> it must not hold the
        /// substitution's pipe open. It runs under <c>set -e</c> too: a <c>sleep</c> ended by stopping the watchdog ends it
        /// there, so a stopped watchdog never marks or stops anything; what follows a sleep cannot fail.
        /// </summary>
        public const string LimitedFunction =
            "# Runs a step that can block, in its own process group, for at most step_timeout_seconds; names it when it fails.\n" +
            "limited() {\n" +
            // Named for this call alone: a mark that a run stopped during the watchdog's last 10 s left must not make a later
            // run whose bash has the same pid take its failing step for one that ran out of time.
            "  local what=$1 pid watchdog status=0 fired=\"$root/.step-limit.$BASHPID.$RANDOM$RANDOM\"\n" +
            "  shift\n" +
            "  set -m\n" +
            "  \"$@\" &\n" +
            "  pid=$!\n" +
            "  { sleep \"$step_timeout_seconds\"; { : > \"$fired\"; } 2>/dev/null || true; kill -TERM -- \"-$pid\" 2>/dev/null || true; sleep 10; kill -KILL -- \"-$pid\" 2>/dev/null || true; } > /dev/null 2>&1 &\n" +
            "  watchdog=$!\n" +
            "  set +m\n" +
            "  wait \"$pid\" 2>/dev/null || status=$?\n" +
            "  kill -TERM -- \"-$watchdog\" 2>/dev/null || true\n" +
            // A step that ended well as the limit came is not a step the limit stopped.
            "  if [[ -e \"$fired\" ]] && (( status != 0 )); then\n" +
            "    rm -f \"$fired\" || true\n" +
            "    log \"$what did not finish within $step_timeout_seconds seconds and was stopped (the pool's [StartTask(StepTimeoutMinutes)] sets the limit)\" >&2\n" +
            "    return 124\n" +
            "  fi\n" +
            "  [[ ! -e \"$fired\" ]] || rm -f \"$fired\" || true\n" +
            "  if (( status != 0 )); then\n" +
            "    log \"$what failed (exit code $status)\" >&2\n" +
            "  fi\n" +
            "  return \"$status\"\n" +
            "}\n";

        /// <summary>The bash function <c>download URL FILE</c>: curl says why it failed, <c>limited</c> names the URL.</summary>
        public const string DownloadFunction =
            "# Downloads $1 to $2; a failure says which URL and why.\n" +
            "download() {\n" +
            "  limited \"downloading $1\" curl " + CurlOptions + " --output \"$2\" \"$1\"\n" +
            "}\n";
    }
}
