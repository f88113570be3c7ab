using System;
using ClusterlessHpc.Diagnostics;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>Maps a diagnostic's <see cref="DefinitionTarget"/> back to the legacy key or create_pool argument that set it.</summary>
    internal static class LegacyTargetMap
    {
        public static (string? Key, string SourceName) Origin(string target, LegacyParameters parameters, LegacyCredentials? credentials)
        {
            var file = parameters.SourceName;
            const string arguments = LegacyPoolOptions.SourceName;
            return target switch
            {
                DefinitionTarget.PoolId => (Keys.PoolId, file),
                DefinitionTarget.VmSize => (Keys.PoolVmSize, file),
                DefinitionTarget.NodeCount => (parameters.NodeCountKey, file),
                "BatchPool.InterNodeCommunication" => (Keys.InterNodeConnection, file),
                "BatchPool.Account" when credentials is not null => (LegacyCredentialKeys.BatchAccountUrl, credentials.SourceName),
                "MarketplaceImage.Publisher" => (Keys.NodeOsPublisher, file),
                "MarketplaceImage.Offer" => (Keys.NodeOsOffer, file),
                "CustomImage.JuliaDepotPath" => (Keys.JuliaDepotPath, file),
                "CustomImage.NodeAgentSku" => (LegacyPoolOptions.NodeAgentSkuKey, arguments),
                "AutoScale.EvaluationIntervalMinutes" => (LegacyPoolOptions.AutoScaleEvaluationIntervalKey, arguments),
                _ when Starts(target, "MarketplaceImage") => (Keys.NodeOsSku, file),
                _ when Starts(target, "CustomImage") => (LegacyPoolOptions.ImageResourceIdKey, arguments),
                _ when Starts(target, "Container") => (Keys.Container, file),
                _ when Starts(target, "AutoScale") => (LegacyPoolOptions.AutoScaleFormulaKey, arguments),
                _ when Starts(target, "Julia") => (LegacyPoolOptions.JuliaKey, arguments),
                _ when Starts(target, "JuliaPackage") => (LegacyPoolOptions.JuliaPackagesKey, arguments),
                _ => (null, file),
            };
        }

        // "Container.Image" and "Container[0]" match "Container"; "ContainerRegistry" does not.
        private static bool Starts(string target, string attribute) =>
            target.StartsWith(attribute, StringComparison.Ordinal) &&
            (target.Length == attribute.Length || target[attribute.Length] is '.' or '[');
    }
}
