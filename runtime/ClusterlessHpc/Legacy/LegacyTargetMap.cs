using System;
using ClusterlessHpc.Diagnostics;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>Maps a diagnostic's <see cref="DefinitionTarget"/> back to the legacy key or create_pool argument that set it.</summary>
    internal static class LegacyTargetMap
    {
        public static (string? Key, string SourceName) Origin(string target, PoolDefinition definition, LegacyParameters parameters, LegacyPoolOptions options)
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
