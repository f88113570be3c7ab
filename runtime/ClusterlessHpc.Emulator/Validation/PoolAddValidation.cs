using System;
using System.Text.RegularExpressions;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.Validation
{
    /// <summary>
    /// The checks the service makes on an add-pool body before it accepts it: required properties
    /// (<c>MissingRequiredProperty</c>) and values outside what the spec allows (<c>InvalidPropertyValue</c>),
    /// each error naming the property in its <c>PropertyName</c> value. Images are not policed here: that is the
    /// analyzer's and the pre-flight's job.
    /// </summary>
    internal static partial class PoolAddValidation
    {
        /// <summary>More nodes than this in one pool would only exhaust memory, so the emulator refuses them.</summary>
        public const int MaxNodesPerPool = 1000;

        private static readonly TimeSpan MinResizeTimeout = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan MinEvaluationInterval = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan MaxEvaluationInterval = TimeSpan.FromHours(168);

        public static void Validate(BatchPoolCreateOptions pool)
        {
            if (string.IsNullOrEmpty(pool.Id)) throw BatchErrors.MissingRequiredProperty("id");
            if (!PoolId().IsMatch(pool.Id))
            {
                throw BatchErrors.InvalidPropertyValue("id",
                    "The id may contain only letters, digits, hyphens and underscores, and at most 64 characters.");
            }
            if (pool.DisplayName is { Length: > 1024 })
            {
                throw BatchErrors.InvalidPropertyValue("displayName", "The display name may have at most 1024 characters.");
            }
            if (string.IsNullOrWhiteSpace(pool.VmSize)) throw BatchErrors.MissingRequiredProperty("vmSize");
            ValidateVirtualMachineConfiguration(pool.VirtualMachineConfiguration);

            if (pool.ResizeTimeout is { } resizeTimeout && resizeTimeout < MinResizeTimeout)
            {
                throw BatchErrors.InvalidPropertyValue("resizeTimeout", "The resize timeout must be at least 5 minutes.");
            }
            ValidateScale(pool);
            if (pool.TaskSlotsPerNode is < 1 or > 256)
            {
                throw BatchErrors.InvalidPropertyValue("taskSlotsPerNode", "taskSlotsPerNode must be between 1 and 256.");
            }
            if (pool.StartTask is { } startTask)
            {
                if (string.IsNullOrWhiteSpace(startTask.CommandLine)) throw BatchErrors.MissingRequiredProperty("commandLine");
                if (startTask.MaxTaskRetryCount is < -1)
                {
                    throw BatchErrors.InvalidPropertyValue("maxTaskRetryCount", "maxTaskRetryCount must be -1 (unlimited) or more.");
                }
                foreach (var setting in startTask.EnvironmentSettings ?? [])
                {
                    if (string.IsNullOrEmpty(setting?.Name)) throw BatchErrors.MissingRequiredProperty("name");
                }
            }
            foreach (var item in pool.Metadata ?? [])
            {
                if (string.IsNullOrEmpty(item?.Name)) throw BatchErrors.MissingRequiredProperty("name");
            }
        }

        private static void ValidateVirtualMachineConfiguration(VirtualMachineConfiguration? configuration)
        {
            if (configuration is null) throw BatchErrors.MissingRequiredProperty("virtualMachineConfiguration");
            var image = configuration.ImageReference;
            var marketplace = image is not null &&
                              (image.Publisher is not null || image.Offer is not null || image.Sku is not null);
            var gallery = !string.IsNullOrEmpty(image?.VirtualMachineImageId);
            if (image is null || (!marketplace && !gallery)) throw BatchErrors.MissingRequiredProperty("imageReference");
            if (marketplace && gallery)
            {
                throw BatchErrors.InvalidPropertyValue("imageReference",
                    "virtualMachineImageId cannot be combined with publisher, offer and sku.");
            }
            if (marketplace && (string.IsNullOrEmpty(image.Publisher) || string.IsNullOrEmpty(image.Offer) || string.IsNullOrEmpty(image.Sku)))
            {
                throw BatchErrors.InvalidPropertyValue("imageReference", "A marketplace image needs publisher, offer and sku.");
            }
            if (string.IsNullOrWhiteSpace(configuration.NodeAgentSkuId)) throw BatchErrors.MissingRequiredProperty("nodeAgentSKUId");
        }

        private static void ValidateScale(BatchPoolCreateOptions pool)
        {
            if (pool.TargetDedicatedNodes is < 0)
            {
                throw BatchErrors.InvalidPropertyValue("targetDedicatedNodes", "targetDedicatedNodes must not be negative.");
            }
            if (pool.TargetLowPriorityNodes is < 0)
            {
                throw BatchErrors.InvalidPropertyValue("targetLowPriorityNodes", "targetLowPriorityNodes must not be negative.");
            }

            if (pool.EnableAutoScale == true)
            {
                if (string.IsNullOrWhiteSpace(pool.AutoScaleFormula)) throw BatchErrors.MissingRequiredProperty("autoScaleFormula");
                if (pool.TargetDedicatedNodes is not null)
                {
                    throw BatchErrors.InvalidPropertyValue("targetDedicatedNodes", "targetDedicatedNodes must not be given when enableAutoScale is true.");
                }
                if (pool.TargetLowPriorityNodes is not null)
                {
                    throw BatchErrors.InvalidPropertyValue("targetLowPriorityNodes", "targetLowPriorityNodes must not be given when enableAutoScale is true.");
                }
                if (pool.AutoScaleEvaluationInterval is { } interval && (interval < MinEvaluationInterval || interval > MaxEvaluationInterval))
                {
                    throw BatchErrors.InvalidPropertyValue("autoScaleEvaluationInterval",
                        "autoScaleEvaluationInterval must be between 5 minutes and 168 hours.");
                }
                return;
            }

            if (pool.AutoScaleFormula is not null)
            {
                throw BatchErrors.InvalidPropertyValue("autoScaleFormula", "autoScaleFormula must not be given when enableAutoScale is false.");
            }
            if ((long)(pool.TargetDedicatedNodes ?? 0) + (pool.TargetLowPriorityNodes ?? 0) > MaxNodesPerPool)
            {
                throw BatchErrors.InvalidPropertyValue("targetDedicatedNodes",
                    $"The emulator allocates at most {MaxNodesPerPool} nodes per pool.");
            }
        }

        // \z, not $: $ would also match before a final newline.
        [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
        private static partial Regex PoolId();
    }
}
