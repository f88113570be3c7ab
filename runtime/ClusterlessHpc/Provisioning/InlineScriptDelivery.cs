using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Carries the startup script in the start task itself: gzip + base64 in one environment setting, unpacked
    /// into the task's working directory and run by a short <c>/bin/bash -c</c> command line. Nothing is stored
    /// elsewhere, so nothing expires and no storage account is needed.
    /// </summary>
    public static class InlineScriptDelivery
    {
        /// <summary>The environment setting that holds the compressed script.</summary>
        public const string ScriptVariable = "CHPC_STARTUP_SCRIPT_GZ_B64";

        /// <summary>The file the command line writes the script to, in the start task's working directory.</summary>
        public const string ScriptFileName = "clusterlesshpc-startup.sh";

        /// <summary>
        /// The start task's command line. Batch runs it without a shell, so bash gets the whole pipeline as one
        /// single-quoted argument; the script runs as a file (not from stdin) so its own reads of stdin behave.
        /// </summary>
        public const string CommandLine =
            "/bin/bash -c 'set -euo pipefail; script=\"$AZ_BATCH_TASK_WORKING_DIR/" + ScriptFileName + "\"; " +
            "printf %s \"$" + ScriptVariable + "\" | base64 -d | gzip -dc > \"$script\"; exec /bin/bash \"$script\"'";

        /// <summary>The compressed, base64-encoded form of <paramref name="script"/>.</summary>
        public static string Encode(string script)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var bytes = Encoding.UTF8.GetBytes(script);
                gzip.Write(bytes, 0, bytes.Length);
            }
            return Convert.ToBase64String(buffer.ToArray());
        }

        /// <summary>The script a start task carries inline, or <c>null</c> when it carries none (or an undecodable one).</summary>
        public static string? TryDecode(BatchStartTask? startTask)
        {
            var encoded = startTask?.EnvironmentSettings?.FirstOrDefault(e => e.Name == ScriptVariable)?.Value;
            if (encoded is null) return null;
            try
            {
                using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(encoded)), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip, Encoding.UTF8);
                return reader.ReadToEnd();
            }
            catch (Exception e) when (e is FormatException or InvalidDataException)
            {
                return null;
            }
        }
    }
}
