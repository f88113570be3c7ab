using System;
using System.Globalization;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// A step a node's startup script announced in its <c>stdout.txt</c>: a whole line <c>##[chpc step 3/7] develop JOLI</c>
    /// (index, total and name only; docs/pools.md describes the format). The last one a failed node announced is the step
    /// that failed.
    /// </summary>
    /// <param name="Index">The step's 1-based index.</param>
    /// <param name="Total">How many steps the script has.</param>
    /// <param name="Name">The step's name, such as <c>download Julia 1.10.5</c>, <c>develop JOLI</c> or <c>startup step 2</c>.</param>
    public sealed record StartupStepMarker(int Index, int Total, string Name)
    {
        /// <summary>The last marker line in <paramref name="stdout"/>, or null when it has none.</summary>
        public static StartupStepMarker? LastIn(string? stdout)
        {
            if (string.IsNullOrEmpty(stdout)) return null;
            var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = lines.Length - 1; i >= 0; i--)
            {
                if (TryParse(lines[i]) is { } marker) return marker;
            }
            return null;
        }

        private static StartupStepMarker? TryParse(string line)
        {
            if (!line.StartsWith(StartupStepPlan.MarkerPrefix, StringComparison.Ordinal)) return null;
            var close = line.IndexOf("] ", StartupStepPlan.MarkerPrefix.Length, StringComparison.Ordinal);
            if (close < 0) return null;
            var position = line.AsSpan(StartupStepPlan.MarkerPrefix.Length, close - StartupStepPlan.MarkerPrefix.Length);
            var slash = position.IndexOf('/');
            if (slash <= 0 ||
                !int.TryParse(position[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
                !int.TryParse(position[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total) ||
                index < 1 || index > total)
            {
                return null;
            }
            var name = line[(close + 2)..];
            return name.Length == 0 ? null : new StartupStepMarker(index, total, name);
        }

        /// <summary><c>3/7 develop JOLI</c>.</summary>
        public override string ToString() =>
            $"{Index.ToString(CultureInfo.InvariantCulture)}/{Total.ToString(CultureInfo.InvariantCulture)} {Name}";
    }
}
