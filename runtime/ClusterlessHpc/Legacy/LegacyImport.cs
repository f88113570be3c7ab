using System;
using System.Collections.Generic;
using ClusterlessHpc.Rules;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The pools AzureClusterlessHPC.jl would have created from its files: <c>_POOL_COUNT</c> pools named
    /// <c>{_POOL_ID}_1</c> … <c>{_POOL_ID}_N</c>, pool i in credentials entry (i-1) mod M, each validated by
    /// <see cref="PoolValidator"/> like any other definition.
    /// </summary>
    public static class LegacyImport
    {
        /// <summary>Loads both files and creates the pools; <paramref name="credentialsPath"/> may be null to use the default account.</summary>
        public static LegacyImportResult Load(string parametersPath, string? credentialsPath = null, LegacyPoolOptions? options = null)
        {
            var parameters = LegacyParameters.Load(parametersPath);
            var credentials = credentialsPath is null ? null : LegacyCredentials.Load(credentialsPath);
            return CreatePools(parameters, credentials, options);
        }

        /// <summary>The pools the package would have created, with every warning and each pool's diagnostics.</summary>
        public static LegacyImportResult CreatePools(LegacyParameters parameters, LegacyCredentials? credentials = null, LegacyPoolOptions? options = null)
        {
            if (parameters is null) throw new ArgumentNullException(nameof(parameters));
            options ??= new LegacyPoolOptions();

            var warnings = new List<LegacyWarning>(parameters.Warnings);
            if (credentials is not null) warnings.AddRange(credentials.Warnings);
            if (options.StartupScript is not null) warnings.AddRange(options.StartupScript.Warnings);

            var autoScale = ReadAutoScale(parameters, options, warnings);
            WarnAboutTaskSize(parameters, autoScale is not null, warnings);
            if (options.ImageResourceId is not null && options.ImageResourceId.Trim().Length == 0)
            {
                throw new LegacyConfigurationException(LegacyPoolOptions.SourceName, LegacyPoolOptions.ImageResourceIdKey, "the image id is empty");
            }
            if (options.ImageResourceId is null && parameters.IsGiven(Keys.JuliaDepotPath))
            {
                warnings.Add(new LegacySource(parameters.SourceName).Warning(Keys.JuliaDepotPath,
                    $"used only with a custom image ({LegacyPoolOptions.ImageResourceIdKey}); on a marketplace image the Julia depot lives under $AZ_BATCH_NODE_SHARED_DIR"));
            }
            var image = LegacyImageChoice.Choose(parameters, options, warnings);
            var containers = parameters.Container is null ? Array.Empty<string>() : new[] { parameters.Container };

            var pools = new List<LegacyPool>(parameters.PoolCount);
            for (var index = 1; index <= parameters.PoolCount; index++)
            {
                var account = credentials is null ? null : credentials.Accounts[(index - 1) % credentials.Accounts.Count];
                var definition = new PoolDefinition
                {
                    Id = parameters.PoolId + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    VmSize = parameters.VmSize,
                    NodeCount = autoScale is null ? parameters.NodeCountPerPool : null,
                    InterNodeCommunication = parameters.InterNodeConnection,
                    Account = account?.Name,
                    Image = image,
                    Julia = options.Julia,
                    JuliaPackages = options.JuliaPackages,
                    StartupSteps = options.StartupSteps,
                    AutoScale = autoScale,
                    ContainerImages = containers,
                };
                pools.Add(new LegacyPool(index, definition, account, Validate(definition, parameters, options)));
            }
            return new LegacyImportResult(parameters, credentials, pools, warnings);
        }

        private static IReadOnlyList<LegacyPoolDiagnostic> Validate(PoolDefinition definition, LegacyParameters parameters, LegacyPoolOptions options)
        {
            var found = new List<LegacyPoolDiagnostic>();
            foreach (var diagnostic in PoolValidator.Validate(definition))
            {
                var (key, sourceName, line) = LegacyTargetMap.Origin(diagnostic.Target, definition, parameters, options);
                found.Add(new LegacyPoolDiagnostic(definition.Id, diagnostic, key, sourceName, line));
            }
            return found;
        }

        private static AutoScaleDefinition? ReadAutoScale(LegacyParameters parameters, LegacyPoolOptions options, List<LegacyWarning> warnings)
        {
            if (!options.EnableAutoScale)
            {
                if (options.AutoScaleFormula is not null || options.AutoScaleEvaluationIntervalMinutes is not null)
                {
                    warnings.Add(new LegacyWarning(LegacyPoolOptions.SourceName, LegacyPoolOptions.AutoScaleFormulaKey,
                        $"ignored because {LegacyPoolOptions.EnableAutoScaleKey} is false, as the package ignored it"));
                }
                return null;
            }
            if (string.IsNullOrWhiteSpace(options.AutoScaleFormula))
            {
                throw new LegacyConfigurationException(LegacyPoolOptions.SourceName, LegacyPoolOptions.AutoScaleFormulaKey,
                    $"{LegacyPoolOptions.EnableAutoScaleKey} is true, so a formula is required");
            }
            if (parameters.IsGiven(parameters.NodeCountKey))
            {
                warnings.Add(new LegacySource(parameters.SourceName).Warning(parameters.NodeCountKey,
                    "not used: the pools autoscale, so the formula sets their node counts (as the package documented)"));
            }
            return new AutoScaleDefinition(options.AutoScaleFormula!)
            {
                EvaluationIntervalMinutes = options.AutoScaleEvaluationIntervalMinutes ?? AutoScaleDefinition.DefaultEvaluationIntervalMinutes,
            };
        }

        private static void WarnAboutTaskSize(LegacyParameters parameters, bool autoScale, List<LegacyWarning> warnings)
        {
            var nodesPerTask = parameters.Job.NodesPerTask;
            if (!autoScale && nodesPerTask > parameters.NodeCountPerPool)
            {
                warnings.Add(new LegacySource(parameters.SourceName).Warning(Keys.NumNodesPerTask,
                    $"tasks need {nodesPerTask} node(s) but each pool has {parameters.NodeCountPerPool} ({parameters.NodeCountKey}); such tasks never start"));
            }
        }
    }
}
