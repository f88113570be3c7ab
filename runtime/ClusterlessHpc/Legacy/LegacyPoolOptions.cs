using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The keyword arguments of the package's <c>create_pool</c> / <c>create_pool_and_resource_file</c>, which
    /// are not in any file, plus what a caller knows that the package's user-written startup script held.
    /// </summary>
    public sealed class LegacyPoolOptions
    {
        /// <summary>How warnings and errors about these arguments name their source.</summary>
        public const string SourceName = "create_pool arguments";

        public const string ImageResourceIdKey = "image_resource_id";
        public const string EnableAutoScaleKey = "enable_auto_scale";
        public const string AutoScaleFormulaKey = "auto_scale_formula";
        public const string AutoScaleEvaluationIntervalKey = "auto_scale_evaluation_interval_minutes";
        public const string NodeAgentSkuKey = "node_agent_sku";
        public const string JuliaKey = "julia";
        public const string JuliaPackagesKey = "julia_packages";

        /// <summary><c>image_resource_id</c>: a custom (gallery) image for the nodes; <c>null</c> for a marketplace image.</summary>
        public string? ImageResourceId { get; init; }

        /// <summary>
        /// The node agent SKU of the custom image. The package took it from the <c>_NODE_OS_*</c> marketplace
        /// image; give it when that image is not the custom image's OS.
        /// </summary>
        public string? NodeAgentSku { get; init; }

        /// <summary><c>enable_auto_scale</c>: with it, <see cref="AutoScaleFormula"/> is required and the node count keys are not used.</summary>
        public bool EnableAutoScale { get; init; }

        /// <summary><c>auto_scale_formula</c>.</summary>
        public string? AutoScaleFormula { get; init; }

        /// <summary><c>auto_scale_evaluation_interval_minutes</c>; <c>null</c> for the service's 15.</summary>
        public int? AutoScaleEvaluationIntervalMinutes { get; init; }

        /// <summary>
        /// The Julia every node installs. The package kept it in the hand-written startup script, not in a file the
        /// import reads, so a legacy import implies no Julia; <see cref="LegacyStartupScript"/> reads it from the script.
        /// </summary>
        public JuliaDefinition? Julia { get; init; }

        /// <summary>The Julia packages the hand-written startup script installed.</summary>
        public IReadOnlyList<JuliaPackageDefinition> JuliaPackages { get; init; } = Array.Empty<JuliaPackageDefinition>();

        /// <summary>The startup script's other lines, as <c>[StartupStep]</c>s.</summary>
        public IReadOnlyList<StartupStepDefinition> StartupSteps { get; init; } = Array.Empty<StartupStepDefinition>();

        /// <summary>
        /// The startup script <see cref="Julia"/>, <see cref="JuliaPackages"/> and <see cref="StartupSteps"/> were read from
        /// (<see cref="LegacyStartupScript.ToOptions"/>): the import adds its warnings, and its diagnostics name its lines.
        /// </summary>
        public LegacyStartupScript? StartupScript { get; init; }

        public override string ToString() =>
            (ImageResourceId is null ? "marketplace image" : "custom image") +
            (EnableAutoScale ? ", autoscale" : "") +
            (Julia is null ? "" : ", " + Julia);
    }
}
