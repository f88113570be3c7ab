using System;

namespace ClusterlessHpc.Cli
{
    /// <summary>Keeps account keys out of everything chpc prints.</summary>
    internal static class Secrets
    {
        public const string Mask = "***";

        /// <summary><paramref name="text"/> with the value of every <c>--key</c> on the command line replaced by <see cref="Mask"/>.</summary>
        public static string Redact(string text, string[] args)
        {
            for (var i = 0; i < args.Length; i++)
            {
                string? key = null;
                if (args[i] == "--key" && i + 1 < args.Length) key = args[i + 1];
                else if (args[i].StartsWith("--key=", StringComparison.Ordinal) || args[i].StartsWith("--key:", StringComparison.Ordinal)) key = args[i][6..];
                if (!string.IsNullOrEmpty(key)) text = text.Replace(key, Mask, StringComparison.Ordinal);
            }
            return text;
        }
    }
}
