using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Images;
using ClusterlessHpc.Rules;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Turns a definition into the add-pool request body, with the start-task pieces its script delivery made (the
    /// delivery is decided, and the script prepared, before the request is built). Secrets (registry passwords, storage
    /// keys) are read here, by configuration key, through the settings lookup: they are never part of a definition.
    /// </summary>
    public static class PoolRequestBuilder
    {
        /// <summary>Pool metadata that records which definition made the pool, so an identical re-apply is recognised.</summary>
        public const string DefinitionHashMetadata = PoolSettingsRules.ReservedMetadataPrefix + "definition";

        /// <summary>The request with the startup script inline (within the inline limit).</summary>
        /// <param name="definition">A valid definition.</param>
        /// <param name="settings">Looks a configuration key up (for <c>PasswordSetting</c>, <c>AccountKeySetting</c>, ...); null when the definition names none.</param>
        /// <exception cref="ArgumentException">The definition breaks a rule.</exception>
        /// <exception cref="MissingSettingException">A setting the definition names has no value.</exception>
        /// <exception cref="Delivery.InlineScriptTooLargeException">The script does not fit inline.</exception>
        public static BatchPoolCreateOptions Build(PoolDefinition definition, Func<string, string?>? settings = null)
        {
            var (script, definitionHash) = StartupScriptRenderer.RenderChecked(definition);
            return Build(definition, settings, Delivery.InlineDelivery.Prepare(script), definitionHash);
        }

        /// <summary>The request for a validated definition whose script <paramref name="delivery"/> brings to the nodes.</summary>
        /// <param name="definition">A valid definition.</param>
        /// <param name="settings">Looks a configuration key up.</param>
        /// <param name="delivery">The start-task pieces of the prepared script.</param>
        /// <param name="definitionHash">The definition's hash (<see cref="StartupScriptRenderer.DefinitionHash"/>).</param>
        /// <exception cref="MissingSettingException">A setting the definition names has no value.</exception>
        internal static BatchPoolCreateOptions Build(PoolDefinition definition, Func<string, string?>? settings, Delivery.StartTaskScript delivery, string definitionHash) =>
            Build(definition, ReadSecret(definition, settings), delivery, definitionHash);

        /// <summary>
        /// The settings the definition names for secrets that have no value, each with what it is for: all of them, where
        /// <see cref="Build(PoolDefinition, Func{string, string?}?)"/> stops at the first.
        /// </summary>
        /// <param name="definition">A valid definition.</param>
        /// <param name="settings">Looks a configuration key up.</param>
        public static IReadOnlyList<MissingSetting> FindMissingSettings(PoolDefinition definition, Func<string, string?>? settings)
        {
            var missing = new List<MissingSetting>();
            BuildWithoutSecrets(definition, settings, missing, definitionHash: "");
            return missing;
        }

        /// <summary>
        /// The request with a stand-in for every secret and no script, for comparing with a live pool (Batch returns no
        /// secret, and the start task is compared by <paramref name="definitionHash"/>); <paramref name="missing"/> gets
        /// the settings that have no value.
        /// </summary>
        internal static BatchPoolCreateOptions BuildWithoutSecrets(PoolDefinition definition, Func<string, string?>? settings, List<MissingSetting> missing, string definitionHash) =>
            Build(definition, (key, usedFor) =>
            {
                if (settings?.Invoke(key) is not { Length: > 0 }) missing.Add(new MissingSetting(definition.Id, key, usedFor));
                return "(not read for a plan)";
            }, delivery: null, definitionHash);

        private static Func<string, string, string> ReadSecret(PoolDefinition definition, Func<string, string?>? settings) =>
            (key, usedFor) => settings?.Invoke(key) is { Length: > 0 } value ? value : throw new MissingSettingException(key, usedFor, definition.Id);

        /// <param name="definition">A valid definition.</param>
        /// <param name="secret">The value of a secret's setting key, given what the secret is for.</param>
        /// <param name="delivery">The start-task pieces that bring the script, or null for a request that is only compared.</param>
        /// <param name="definitionHash">The definition's hash, recorded in the pool's metadata.</param>
        private static BatchPoolCreateOptions Build(PoolDefinition definition, Func<string, string, string> secret, Delivery.StartTaskScript? delivery, string definitionHash)
        {
            var environment = definition.EnvironmentVariables.Select(v => new EnvironmentSetting { Name = v.Name, Value = v.Value }).ToList();
            var metadata = definition.Metadata.Select(m => new BatchMetadataItem { Name = m.Name, Value = m.Value }).ToList();
            metadata.Add(new BatchMetadataItem { Name = DefinitionHashMetadata, Value = definitionHash });

            var startTask = new BatchStartTask
            {
                CommandLine = "",
                EnvironmentSettings = environment,
                // Pool scope and admin: the script installs once per node for every task, and may link
                // the julia launcher into /usr/local/bin. It never uses sudo.
                UserIdentity = new UserIdentity
                {
                    AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Pool, ElevationLevel = ElevationLevel.Admin },
                },
                WaitForSuccess = definition.WaitForStartTask,
                MaxTaskRetryCount = definition.StartTaskRetryCount,
            };
            delivery?.ApplyTo(startTask);

            var request = new BatchPoolCreateOptions
            {
                Id = definition.Id,
                VmSize = definition.VmSize,
                VirtualMachineConfiguration = VirtualMachine(definition, secret),
                TaskSlotsPerNode = definition.TaskSlotsPerNode,
                EnableInterNodeCommunication = definition.InterNodeCommunication ? true : null,
                StartTask = startTask,
                Metadata = metadata,
                NetworkConfiguration = Network(definition.Network),
                MountConfiguration = definition.Mounts.Count == 0 ? null : definition.Mounts.Select(m => Mount(m, secret)).ToList(),
            };

            if (definition.AutoScale is { } autoScale)
            {
                request.EnableAutoScale = true;
                request.AutoScaleFormula = autoScale.Formula;
                request.AutoScaleEvaluationInterval = TimeSpan.FromMinutes(autoScale.EvaluationIntervalMinutes);
            }
            else
            {
                request.TargetDedicatedNodes = definition.EffectiveNodeCount;
                request.TargetLowPriorityNodes = definition.EffectiveLowPriorityNodeCount;
                if (definition.ResizeTimeoutMinutes is { } minutes) request.ResizeTimeout = TimeSpan.FromMinutes(minutes);
            }
            return request;
        }

        private static VirtualMachineConfiguration VirtualMachine(PoolDefinition definition, Func<string, string, string> secret)
        {
            var configuration = new VirtualMachineConfiguration();
            switch (definition.Image)
            {
                case CustomImageDefinition custom:
                    configuration.ImageReference = custom.IsSharedGalleryImage
                        ? new BatchVmImageReference { SharedGalleryImageId = custom.ImageId }
                        : new BatchVmImageReference { VirtualMachineImageId = custom.ImageId };
                    configuration.NodeAgentSkuId = custom.NodeAgentSku!;
                    break;
                case MarketplaceImageDefinition marketplace:
                    configuration.ImageReference = new BatchVmImageReference
                    {
                        Publisher = marketplace.Publisher, Offer = marketplace.Offer, Sku = marketplace.Sku, Version = marketplace.Version,
                    };
                    configuration.NodeAgentSkuId = ImageRules.EffectiveNodeAgent(definition)!;
                    break;
                default:
                    var image = ImageCatalogue.DefaultFor(definition);
                    configuration.ImageReference = new BatchVmImageReference { Publisher = image.Publisher, Offer = image.Offer, Sku = image.Sku, Version = image.Version };
                    configuration.NodeAgentSkuId = image.NodeAgentSkuId;
                    break;
            }

            if (definition.ContainerImages.Count > 0)
            {
                configuration.ContainerConfiguration = new BatchContainerConfiguration
                {
                    Type = ContainerType.DockerCompatible,
                    ContainerImageNames = definition.ContainerImages.ToList(),
                    ContainerRegistries = definition.ContainerRegistries.Count == 0 ? null : definition.ContainerRegistries.Select(r => new ContainerRegistryReference
                    {
                        RegistryServer = r.Server,
                        Username = r.UserName,
                        Password = r.PasswordSetting is { } key ? secret(key, $"the password of registry '{r.Server}'") : null,
                        IdentityReference = r.IdentityResourceId is { } id ? new BatchNodeIdentityReference { ResourceId = id } : null,
                    }).ToList(),
                };
            }
            return configuration;
        }

        private static NetworkConfiguration? Network(NetworkDefinition? network)
        {
            if (network is null) return null;
            return new NetworkConfiguration
            {
                SubnetId = network.SubnetId,
                PublicIpAddressConfiguration = network.PublicIPAddresses is { } provisioning
                    ? new BatchPublicIpAddressConfiguration
                    {
                        Provision = provisioning switch
                        {
                            PublicIPAddressProvisioning.UserManaged => IpAddressProvisioningType.UserManaged,
                            PublicIPAddressProvisioning.NoPublicIPAddresses => IpAddressProvisioningType.NoPublicIpAddresses,
                            _ => IpAddressProvisioningType.BatchManaged,
                        },
                        IpAddressIds = network.PublicIPAddressIds.Count == 0 ? null : network.PublicIPAddressIds.ToList(),
                    }
                    : null,
            };
        }

        private static MountConfiguration Mount(MountDefinition mount, Func<string, string, string> secret) => mount switch
        {
            AzureFilesMountDefinition files => new MountConfiguration
            {
                AzureFileShareConfiguration = new AzureFileShareConfiguration
                {
                    AccountName = files.AccountName,
                    AzureFileUrl = $"https://{files.AccountName}.file.core.windows.net/{files.ShareName}",
                    AccountKey = secret(files.AccountKeySetting!, $"the key of storage account '{files.AccountName}'"),
                    RelativeMountPath = files.RelativeMountPath,
                    MountOptions = files.MountOptions,
                },
            },
            NfsMountDefinition nfs => new MountConfiguration
            {
                NfsMountConfiguration = new NfsMountConfiguration { Source = nfs.Source, RelativeMountPath = nfs.RelativeMountPath, MountOptions = nfs.MountOptions },
            },
            BlobfuseMountDefinition blob => new MountConfiguration
            {
                AzureBlobFileSystemConfiguration = new AzureBlobFileSystemConfiguration
                {
                    AccountName = blob.AccountName,
                    ContainerName = blob.ContainerName,
                    AccountKey = blob.AccountKeySetting is { } key ? secret(key, $"the key of storage account '{blob.AccountName}'") : null,
                    SasKey = blob.SasKeySetting is { } sas ? secret(sas, $"the SAS of container '{blob.ContainerName}'") : null,
                    IdentityReference = blob.IdentityResourceId is { } id ? new BatchNodeIdentityReference { ResourceId = id } : null,
                    RelativeMountPath = blob.RelativeMountPath,
                    BlobfuseOptions = blob.MountOptions,
                },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(mount), mount.GetType().Name, "Unknown mount kind."),
        };
    }
}
