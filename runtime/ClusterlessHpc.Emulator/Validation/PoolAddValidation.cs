using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Emulator.Validation
{
    /// <summary>
    /// The checks the service makes on pool bodies before it accepts them: required properties
    /// (<c>MissingRequiredProperty</c>) and values outside what the spec allows (<c>InvalidPropertyValue</c>), each
    /// error naming the property in its <c>PropertyName</c> value. Images are not policed here: that is the analyzer's
    /// and the pre-flight's job.
    /// </summary>
    internal static class PoolAddValidation
    {
        public static void Validate(BatchPoolCreateOptions pool)
        {
            if (string.IsNullOrEmpty(pool.Id)) throw BatchErrors.MissingRequiredProperty("id");
            if (!ServiceLimits.IsValidPoolId(pool.Id))
            {
                throw BatchErrors.InvalidPropertyValue("id",
                    $"The id may contain only letters, digits, hyphens and underscores, and at most {ServiceLimits.MaxPoolIdLength} characters.");
            }
            ValidateDisplayName(pool.DisplayName);
            if (string.IsNullOrWhiteSpace(pool.VmSize)) throw BatchErrors.MissingRequiredProperty("vmSize");
            ValidateVirtualMachineConfiguration(pool.VirtualMachineConfiguration);

            if (pool.ResizeTimeout is { } resizeTimeout && resizeTimeout < ServiceLimits.MinResizeTimeout)
            {
                throw BatchErrors.InvalidPropertyValue("resizeTimeout", $"The resize timeout must be at least {ServiceLimits.MinResizeTimeoutMinutes} minutes.");
            }
            ValidateScale(pool);
            ValidateTaskSlots(pool.TaskSlotsPerNode);
            ValidateStartTask(pool.StartTask);
            ValidateMetadata(pool.Metadata);
            ValidateMounts(pool.MountConfiguration);
            ValidateUserAccounts(pool.UserAccounts);
            if (pool.ApplicationPackageReferences is { Count: > 10 })
            {
                throw BatchErrors.InvalidPropertyValue("applicationPackageReferences", "A pool may reference at most 10 application packages.");
            }
        }

        /// <summary>A patch sets only what it names; what it names must be valid.</summary>
        public static void ValidatePatch(BatchPoolUpdateOptions patch)
        {
            ValidateDisplayName(patch.DisplayName);
            if (patch.VmSize is { } vmSize && string.IsNullOrWhiteSpace(vmSize)) throw BatchErrors.InvalidPropertyValue("vmSize", "vmSize must not be empty.");
            if (patch.VirtualMachineConfiguration is { } configuration) ValidateVirtualMachineConfiguration(configuration);
            ValidateTaskSlots(patch.TaskSlotsPerNode);
            ValidateStartTask(patch.StartTask);
            ValidateMetadata(patch.Metadata);
            ValidateMounts(patch.MountConfiguration);
            ValidateUserAccounts(patch.UserAccounts);
        }

        public static void ValidateStartTask(BatchStartTask? startTask)
        {
            if (startTask is null) return;
            if (string.IsNullOrWhiteSpace(startTask.CommandLine)) throw BatchErrors.MissingRequiredProperty("commandLine");
            if (startTask.MaxTaskRetryCount is < -1)
            {
                throw BatchErrors.InvalidPropertyValue("maxTaskRetryCount", "maxTaskRetryCount must be -1 (unlimited) or more.");
            }
            foreach (var setting in startTask.EnvironmentSettings ?? [])
            {
                if (string.IsNullOrEmpty(setting?.Name)) throw BatchErrors.MissingRequiredProperty("name");
            }
            if (startTask.UserIdentity is { Username: not null, AutoUser: not null })
            {
                throw BatchErrors.InvalidPropertyValue("userIdentity", "userName and autoUser are mutually exclusive.");
            }
            if (startTask.ContainerSettings is { } container && string.IsNullOrWhiteSpace(container.ImageName))
            {
                throw BatchErrors.MissingRequiredProperty("imageName");
            }
            foreach (var file in startTask.ResourceFiles ?? []) ResourceFileRules.Check(file);
        }

        public static void ValidateMetadata(IEnumerable<BatchMetadataItem>? metadata)
        {
            foreach (var item in metadata ?? [])
            {
                if (string.IsNullOrEmpty(item?.Name)) throw BatchErrors.MissingRequiredProperty("name");
            }
        }

        private static void ValidateMounts(IEnumerable<MountConfiguration>? mounts)
        {
            foreach (var mount in mounts ?? [])
            {
                var kinds = new object?[]
                {
                    mount.AzureBlobFileSystemConfiguration, mount.NfsMountConfiguration,
                    mount.CifsMountConfiguration, mount.AzureFileShareConfiguration,
                }.Count(k => k is not null);
                if (kinds != 1)
                {
                    throw BatchErrors.InvalidPropertyValue("mountConfiguration", "Each mount configuration must set exactly one file system.");
                }
            }
        }

        private static void ValidateUserAccounts(IEnumerable<UserAccount>? accounts)
        {
            foreach (var account in accounts ?? [])
            {
                if (string.IsNullOrEmpty(account.Name)) throw BatchErrors.MissingRequiredProperty("name");
                if (string.IsNullOrEmpty(account.Password)) throw BatchErrors.MissingRequiredProperty("password");
                if (account.Name.Length > 20) throw BatchErrors.InvalidPropertyValue("name", "A user account name may have at most 20 characters.");
            }
        }

        private static void ValidateDisplayName(string? displayName)
        {
            if (displayName is { Length: > 1024 })
            {
                throw BatchErrors.InvalidPropertyValue("displayName", "The display name may have at most 1024 characters.");
            }
        }

        private static void ValidateTaskSlots(int? taskSlotsPerNode)
        {
            if (taskSlotsPerNode is { } slots && !ServiceLimits.IsTaskSlotsPerNodeInRange(slots))
            {
                throw BatchErrors.InvalidPropertyValue("taskSlotsPerNode", $"taskSlotsPerNode must be between {ServiceLimits.MinTaskSlotsPerNode} and {ServiceLimits.MaxTaskSlotsPerNode}.");
            }
        }

        private static void ValidateVirtualMachineConfiguration(VirtualMachineConfiguration? configuration)
        {
            if (configuration is null) throw BatchErrors.MissingRequiredProperty("virtualMachineConfiguration");
            var image = configuration.ImageReference;
            var marketplace = image is not null &&
                              (image.Publisher is not null || image.Offer is not null || image.Sku is not null);
            var galleries = new[] { image?.VirtualMachineImageId, image?.SharedGalleryImageId, image?.CommunityGalleryImageId }
                .Count(i => !string.IsNullOrEmpty(i));
            if (image is null || (!marketplace && galleries == 0)) throw BatchErrors.MissingRequiredProperty("imageReference");
            if ((marketplace && galleries > 0) || galleries > 1)
            {
                throw BatchErrors.InvalidPropertyValue("imageReference",
                    "A gallery image id cannot be combined with publisher, offer and sku, or with another image id.");
            }
            if (!string.IsNullOrEmpty(image.VirtualMachineImageId) && !GalleryImageId.IsValid(image.VirtualMachineImageId))
            {
                throw BatchErrors.InvalidPropertyValue("virtualMachineImageId", image.VirtualMachineImageId, GalleryImageId.Reason);
            }
            if (marketplace && (string.IsNullOrEmpty(image.Publisher) || string.IsNullOrEmpty(image.Offer) || string.IsNullOrEmpty(image.Sku)))
            {
                throw BatchErrors.InvalidPropertyValue("imageReference", "A marketplace image needs publisher, offer and sku.");
            }
            if (string.IsNullOrWhiteSpace(configuration.NodeAgentSkuId)) throw BatchErrors.MissingRequiredProperty("nodeAgentSKUId");
            foreach (var disk in configuration.DataDisks ?? [])
            {
                if (disk.Lun is < 0 or > 63) throw BatchErrors.InvalidPropertyValue("lun", "A data disk's lun must be between 0 and 63.");
            }
            if (configuration.ContainerConfiguration is { } container && container.Type.Value is null)
            {
                throw BatchErrors.MissingRequiredProperty("type");
            }
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
                if (pool.AutoScaleEvaluationInterval is { } interval && !ServiceLimits.IsEvaluationIntervalInRange(interval))
                {
                    throw BatchErrors.InvalidPropertyValue("autoScaleEvaluationInterval",
                        $"autoScaleEvaluationInterval must be between {ServiceLimits.MinEvaluationIntervalMinutes} minutes and {ServiceLimits.MaxEvaluationIntervalMinutes / 60} hours.");
                }
                return;
            }

            if (pool.AutoScaleFormula is not null)
            {
                throw BatchErrors.InvalidPropertyValue("autoScaleFormula", "autoScaleFormula must not be given when enableAutoScale is false.");
            }
        }
    }
}
