using System.Text.RegularExpressions;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// The command lines of Julia tasks. Each runs the pool's <c>julia</c> launcher, which the startup script writes to
    /// <c>$AZ_BATCH_NODE_SHARED_DIR/clusterlesshpc/bin/julia</c> (a test holds the two together), so a task finds the
    /// pool's depot with the declared packages behind its own writable one. Batch runs a command line without a shell:
    /// bash gets one single-quoted argument, and everything the task brings (the script, the expression) travels in
    /// environment variables, never inside the command line, so nothing in them needs quoting.
    /// </summary>
    internal static partial class JuliaTaskCommands
    {
        /// <summary>The pool's launcher, as the task's bash sees it.</summary>
        public const string Launcher = "$AZ_BATCH_NODE_SHARED_DIR/clusterlesshpc/bin/julia";

        /// <summary>The variable that holds an expression task's expression.</summary>
        public const string ExpressionVariable = "CHPC_JULIA_EXPRESSION";

        /// <summary>The variable that holds an inline script, gzip + base64.</summary>
        public const string ScriptVariable = "CHPC_JULIA_SCRIPT_GZ_B64";

        /// <summary>The variable that holds the SHA-256 a script downloaded from a blob must have.</summary>
        public const string ScriptHashVariable = "CHPC_JULIA_SCRIPT_SHA256";

        public const string Expression = "/bin/bash -c 'exec \"" + Launcher + "\" -e \"$" + ExpressionVariable + "\"'";

        /// <summary>Unpacks the inline script into the task's working directory under <paramref name="fileName"/> and runs it.</summary>
        public static string InlineScript(string fileName) =>
            "/bin/bash -c 'set -euo pipefail; script=\"$AZ_BATCH_TASK_WORKING_DIR/" + fileName + "\"; " +
            "printf %s \"$" + ScriptVariable + "\" | base64 -d | gzip -dc > \"$script\"; exec \"" + Launcher + "\" \"$script\"'";

        /// <summary>Checks the script Batch downloaded as <paramref name="fileName"/> against its SHA-256 and runs it.</summary>
        public static string BlobScript(string fileName) =>
            "/bin/bash -c 'set -euo pipefail; script=\"$AZ_BATCH_TASK_WORKING_DIR/" + fileName + "\"; " +
            "sum=$(sha256sum \"$script\"); if [ \"${sum%% *}\" != \"$" + ScriptHashVariable + "\" ]; then " +
            "echo \"clusterlesshpc: $script does not have SHA-256 $" + ScriptHashVariable + "\" >&2; exit 1; fi; " +
            "exec \"" + Launcher + "\" \"$script\"'";

        /// <summary>
        /// The name the script gets on the node: its own file name when that is plain (so Julia's errors name it), else
        /// <c>task.jl</c>. Plain means nothing that quoting inside the command line would have to handle.
        /// </summary>
        public static string FileName(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return PlainName().IsMatch(name) ? name : "task.jl";
        }

        [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
        private static partial Regex PlainName();
    }
}
