using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>The bare words $NodeDeallocationOption takes; <see cref="Default"/> is what results show when it is not assigned.</summary>
    internal static class DeallocationOptions
    {
        public const string Default = "requeue";

        public static IReadOnlyList<string> All { get; } = new[] { "requeue", "terminate", "taskcompletion", "retaineddata" };

        public static bool IsKeyword(string name)
        {
            foreach (var keyword in All)
            {
                if (string.Equals(keyword, name, System.StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
