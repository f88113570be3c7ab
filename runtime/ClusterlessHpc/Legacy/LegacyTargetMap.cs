using System;
using ClusterlessHpc.Diagnostics;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>Maps a diagnostic's <see cref="DefinitionTarget"/> back to the legacy key, create_pool argument or startup-script line that set it.</summary>
    internal static class LegacyTargetMap
    {
        public static (string? Key, string SourceName, int? Line) Origin(string target, PoolDefinition definition, LegacyParameters parameters, LegacyPoolOptions options)
        {
            // Julia, its packages and the steps came from the startup script's lines, when one was read.
            if (options.StartupScript is { } script && script.LineOf(target) is { } line) return (null, script.SourceName, line);
            var (key, source) = KeyOf(target, definition, parameters, options);
            return (key, source, null);
        }

        private static (string? Key, string SourceName) KeyOf(string target, PoolDefinition definition, LegacyParameters parameters, LegacyPoolOptions options)
        {
            var file = parameters.SourceName;
            const string arguments = LegacyPoolOptions.SourceName;
            var custom = definition.Image is CustomImageDefinition;
            return target switch
            {
                DefinitionTarget.PoolId => (Keys.PoolId, file),
                DefinitionTarget.VmSize => (Keys.PoolVmSize, file),
                DefinitionTarget.NodeCount => (parameters.NodeCountKey, file),
                DefinitionTarget.CustomImageId => (LegacyPoolOptions.ImageResourceIdKey, arguments),
                DefinitionTarget.JuliaDepotPath => (Keys.JuliaDepotPath, file),
                DefinitionTarget.ImageAttribute when custom => (LegacyPoolOptions.ImageResourceIdKey, arguments),
                DefinitionTarget.ImageNodeAgentSku when custom && options.NodeAgentSku is not null => (LegacyPoolOptions.NodeAgentSkuKey, arguments),
                // A marketplace image, or a custom image's agent taken from it, comes from the _NODE_OS_* keys.
                DefinitionTarget.ImageAttribute or DefinitionTarget.ImageNodeAgentSku => (Keys.NodeOsSku, file),
                DefinitionTarget.AutoScaleInterval => (LegacyPoolOptions.AutoScaleEvaluationIntervalKey, arguments),
                _ when Starts(target, "AutoScale") => (LegacyPoolOptions.AutoScaleFormulaKey, arguments),
                _ when Starts(target, "Container") => (Keys.Container, file),
                _ when Starts(target, "Julia") => (LegacyPoolOptions.JuliaKey, arguments),
                _ when Starts(target, "JuliaPackage") => (LegacyPoolOptions.JuliaPackagesKey, arguments),
                _ => (null, file),
            };
        }

        // "Container[0]" matches "Container"; "ContainerRegistry[0].Server" does not.
        private static bool Starts(string target, string attribute) =>
            target.StartsWith(attribute, StringComparison.Ordinal) &&
            (target.Length == attribute.Length || target[attribute.Length] is '.' or '[');
    }
}
