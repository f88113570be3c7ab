using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Starts a start task's program in its node's sandbox. As root: in a private mount namespace (<c>unshare</c>) that
    /// looks like a node's own disk: the custom image's files (<see cref="NodeImages"/>) laid read-only over the host's
    /// folders, the node's own writable <c>/usr/local/bin</c>, an <c>/etc/passwd</c> and <c>/etc/group</c> that name the
    /// node's user (<see cref="NodeSandbox.UserName"/>, as Batch's task users have names), <c>/tmp</c> bound to the node's
    /// own <c>volatile/tmp</c>, and <c>/var/tmp</c>, <c>/run/lock</c> and <c>/dev/shm</c> empty throwaway filesystems; then
    /// the program runs as the node's own unprivileged user (<c>setpriv</c>, no new privileges), so the task can write
    /// nowhere but its node's folder. Without root the program runs as the emulator's user, unconfined, with none of that.
    /// Output goes to the node's <c>startup/stdout.txt</c> and <c>stderr.txt</c>; standard input is empty.
    /// </summary>
    internal static class Sandbox
    {
        /// <summary>Where a process runs and where its output goes.</summary>
        public readonly record struct ProcessPaths(string WorkingDirectory, string StdOut, string StdErr);

        /// <summary>The folders any user may write on a Linux host, which the sandbox replaces.</summary>
        internal static readonly string[] WorldWritable = ["/var/tmp", "/run/lock", "/dev/shm"];

        // Runs as root inside the new mount namespace, then becomes the node's user. Every mount whose source is a path
        // comes before /tmp is covered (the nodes or image folder may be below it). The user's passwd and group entries
        // are written in the nodes folder (root's, so no node can put a link in their place), bound over the host's files,
        // and unlinked: the binding keeps them, nothing stays on disk. When the nodes folder lives under a folder the
        // sandbox covers, it is bound back at its own path (from the working directory, which still sees it).
        private const string ConfinedScript = """
            set -e
            nodes="$1"; nodetmp="$2"; wd="$3"; uid="$4"; out="$5"; err="$6"; localbin="$7"; user="$8"; home="$9"; image="${10}"
            shift 10
            exec >"$out" 2>"$err" </dev/null
            cd "$nodes"
            covered=0
            case "$nodes" in
              /tmp/*|/var/tmp/*|/run/lock/*|/dev/shm/*) covered=1 ;;
            esac
            if [ -n "$image" ]; then
              for layer in "$image"/*/; do
                name="$(basename "$layer")"
                mount -t overlay overlay -o "ro,lowerdir=$image/$name:/$name" "/$name"
                case "$nodes" in "/$name"/*) covered=1 ;; esac
              done
            fi
            mount --bind "$localbin" /usr/local/bin
            passwd="$(mktemp "$nodes/.passwd.XXXXXX")"; group="$(mktemp "$nodes/.group.XXXXXX")"
            { grep -v "^$user:" /etc/passwd || true; printf '%s:x:%s:%s::%s:/bin/bash\n' "$user" "$uid" "$uid" "$home"; } > "$passwd"
            { grep -v "^$user:" /etc/group || true; printf '%s:x:%s:\n' "$user" "$uid"; } > "$group"
            chmod 644 "$passwd" "$group"
            mount --bind "$passwd" /etc/passwd
            mount --bind "$group" /etc/group
            rm -f "$passwd" "$group"
            mount --bind "$nodetmp" /tmp
            for d in /var/tmp /run/lock /dev/shm; do
              if [ -d "$d" ]; then mount -t tmpfs -o mode=1777,size=256m tmpfs "$d"; fi
            done
            if [ "$covered" = 1 ]; then mkdir -p "$nodes"; mount --no-canonicalize --bind . "$nodes"; fi
            cd "$wd"
            exec setpriv --reuid="$uid" --regid="$uid" --clear-groups --no-new-privs -- "$@"
            """;

        private const string UnconfinedScript = """
            out="$1"; err="$2"; shift 2
            exec >"$out" 2>"$err" </dev/null
            exec "$@"
            """;

        public static bool IsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

        /// <summary>
        /// Builds the process start of <paramref name="arguments"/> (the program resolved) for the node: the start task's,
        /// or with <paramref name="paths"/> a task's, in its own working directory with its own output files.
        /// </summary>
        public static ProcessStartInfo StartInfo(
            NodeSandbox sandbox, int? uid, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? imageFolder = null,
            ProcessPaths? paths = null)
        {
            var (workingDirectory, stdout, stderr) = paths ?? new ProcessPaths(sandbox.WorkingDirectory, sandbox.StdOut, sandbox.StdErr);
            var start = new ProcessStartInfo
            {
                UseShellExecute = false,
                RedirectStandardInput = false,
                WorkingDirectory = workingDirectory,
            };
            start.Environment.Clear();
            foreach (var (name, value) in environment) start.Environment[name] = value;

            if (uid is { } user)
            {
                start.FileName = Find("unshare");
                foreach (var argument in new[] { "--mount", "--propagation", "private", "--", "/bin/sh", "-c", ConfinedScript, "sh",
                             sandbox.NodesDirectory, sandbox.Tmp, workingDirectory, user.ToString(System.Globalization.CultureInfo.InvariantCulture),
                             stdout, stderr, sandbox.LocalBin, NodeSandbox.UserName, sandbox.Home, imageFolder ?? "" })
                {
                    start.ArgumentList.Add(argument);
                }
            }
            else
            {
                start.FileName = "/bin/sh";
                foreach (var argument in new[] { "-c", UnconfinedScript, "sh", stdout, stderr }) start.ArgumentList.Add(argument);
            }
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            return start;
        }

        /// <summary>
        /// The program of a command line as the node would find it: a path (relative to the working directory) or a
        /// name looked up in the node's PATH; null when there is no such executable file.
        /// </summary>
        public static string? ResolveProgram(string program, string workingDirectory)
        {
            if (program.Contains('/', StringComparison.Ordinal))
            {
                var path = Path.GetFullPath(Path.Combine(workingDirectory, program));
                return IsExecutableFile(path) ? path : null;
            }
            return NodeSandbox.NodePath.Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(IsExecutableFile);
        }

        public static void ChangeOwner(string path, int uid, bool recursive)
        {
            Chown(path, uid);
            if (!recursive || !Directory.Exists(path)) return;
            foreach (var entry in Directory.EnumerateFileSystemEntries(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                Chown(entry, uid);
            }
        }

        private static void Chown(string path, int uid)
        {
            if (lchown(path, uid, uid) != 0)
            {
                throw new IOException($"Could not give {path} to user {uid} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }

        private static bool IsExecutableFile(string path) =>
            File.Exists(path) && !OperatingSystem.IsWindows() &&
            (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

        private static string Find(string tool) =>
            NodeSandbox.NodePath.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Executed start tasks need '{tool}' (util-linux), which is not installed.");

        [DllImport("libc", SetLastError = true)]
        private static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        private static extern int lchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);
    }
}
