using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// A diagnostic of <see cref="Rules.PoolValidator"/> on an imported pool, unchanged (same rule, id and
    /// message), with the legacy key and file its value came from.
    /// </summary>
    public sealed class LegacyPoolDiagnostic
    {
        internal LegacyPoolDiagnostic(string poolId, PoolDiagnostic diagnostic, string? key, string sourceName, int? line = null)
        {
            PoolId = poolId;
            Diagnostic = diagnostic;
            Key = key;
            SourceName = sourceName;
            Line = line;
        }

        /// <summary>The imported pool the diagnostic is about.</summary>
        public string PoolId { get; }

        /// <summary>The validator's diagnostic, as it reports it for a definition built in code.</summary>
        public PoolDiagnostic Diagnostic { get; }

        public PoolRule Rule => Diagnostic.Rule;

        public string Message => Diagnostic.Message;

        /// <summary>The definition property, for example <c>BatchPool.VmSize</c>.</summary>
        public string Target => Diagnostic.Target;

        /// <summary>The legacy key (or create_pool argument) that set <see cref="Target"/>, for example <c>_POOL_VM_SIZE</c>; <c>null</c> when none did.</summary>
        public string? Key { get; }

        /// <summary>The file (or <see cref="LegacyPoolOptions.SourceName"/>) <see cref="Key"/> is in; the parameters file when no key set the value.</summary>
        public string SourceName { get; }

        /// <summary>The startup-script line the value came from, when <see cref="SourceName"/> is the startup script.</summary>
        public int? Line { get; }

        public bool IsError => Diagnostic.IsError;

        public override string ToString() =>
            $"{SourceName}{(Line is { } line ? "(" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : "")}: " +
            $"{Rule.Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message} [{Key ?? Target + " of pool '" + PoolId + "'"}]";
    }
}
