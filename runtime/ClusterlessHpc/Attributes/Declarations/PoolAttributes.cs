using System.Collections.Generic;
using System.Linq;
using static ClusterlessHpc.Declarations.AttributeArgument;
using static ClusterlessHpc.Declarations.AttributeDescription;
using T = ClusterlessHpc.Diagnostics.DefinitionTarget;

namespace ClusterlessHpc.Declarations
{
    /// <summary>
    /// Every ClusterlessHpc attribute, each argument described once. The order is the order the emitted definition and an
    /// imported class write them in; attributes that fill the same pool property (the two images, the three mounts) are
    /// neighbours.
    /// </summary>
    internal static class PoolAttributes
    {
        public static readonly IReadOnlyList<AttributeDescription> All = new[]
        {
            OfPool(nameof(BatchPoolAttribute), T.BatchPool, required: true,
                Constructor<PoolDefinition, string>(0, nameof(BatchPoolAttribute.Id), nameof(PoolDefinition.Id), p => p.Id, (p, v) => p with { Id = v }),
                Named<PoolDefinition, string>(nameof(BatchPoolAttribute.VmSize), p => p.VmSize, (p, v) => p with { VmSize = v }),
                Named<PoolDefinition, int?>(nameof(BatchPoolAttribute.NodeCount), p => p.NodeCount, (p, v) => p with { NodeCount = v }),
                Named<PoolDefinition, int?>(nameof(BatchPoolAttribute.LowPriorityNodeCount), p => p.LowPriorityNodeCount, (p, v) => p with { LowPriorityNodeCount = v }),
                Named<PoolDefinition, int?>(nameof(BatchPoolAttribute.TaskSlotsPerNode), p => p.TaskSlotsPerNode, (p, v) => p with { TaskSlotsPerNode = v }),
                Named<PoolDefinition, bool>(nameof(BatchPoolAttribute.InterNodeCommunication), p => p.InterNodeCommunication, (p, v) => p with { InterNodeCommunication = v }),
                Named<PoolDefinition, int?>(nameof(BatchPoolAttribute.ResizeTimeoutMinutes), p => p.ResizeTimeoutMinutes, (p, v) => p with { ResizeTimeoutMinutes = v }),
                Named<PoolDefinition, string?>(nameof(BatchPoolAttribute.Account), p => p.Account, (p, v) => p with { Account = v })),

            OfObject<MarketplaceImageDefinition, ImageDefinition>(nameof(MarketplaceImageAttribute), T.Image, nameof(PoolDefinition.Image),
                p => p.Image, (p, v) => p with { Image = v },
                v => new MarketplaceImageDefinition((string)v[0]!, (string)v[1]!, (string)v[2]!),
                Constructor<MarketplaceImageDefinition, string>(0, nameof(MarketplaceImageAttribute.Publisher), nameof(MarketplaceImageDefinition.Publisher), i => i.Publisher),
                Constructor<MarketplaceImageDefinition, string>(1, nameof(MarketplaceImageAttribute.Offer), nameof(MarketplaceImageDefinition.Offer), i => i.Offer),
                Constructor<MarketplaceImageDefinition, string>(2, nameof(MarketplaceImageAttribute.Sku), nameof(MarketplaceImageDefinition.Sku), i => i.Sku),
                Named<MarketplaceImageDefinition, string>(nameof(MarketplaceImageAttribute.Version), i => i.Version, (i, v) => i with { Version = v }),
                Named<MarketplaceImageDefinition, string?>(nameof(MarketplaceImageAttribute.NodeAgentSku), i => i.NodeAgentSku, (i, v) => i with { NodeAgentSku = v })),

            OfObject<CustomImageDefinition, ImageDefinition>(nameof(CustomImageAttribute), T.Image, nameof(PoolDefinition.Image),
                p => p.Image, (p, v) => p with { Image = v },
                v => new CustomImageDefinition((string)v[0]!),
                Constructor<CustomImageDefinition, string>(0, nameof(CustomImageAttribute.ImageId), nameof(CustomImageDefinition.ImageId), i => i.ImageId),
                Named<CustomImageDefinition, string?>(nameof(CustomImageAttribute.NodeAgentSku), i => i.NodeAgentSku, (i, v) => i with { NodeAgentSku = v }),
                Named<CustomImageDefinition, string?>(nameof(CustomImageAttribute.JuliaDepotPath), i => i.JuliaDepotPath, (i, v) => i with { JuliaDepotPath = v })),

            OfObject<JuliaDefinition, JuliaDefinition>(nameof(JuliaAttribute), T.Julia, nameof(PoolDefinition.Julia),
                p => p.Julia, (p, v) => p with { Julia = v },
                v => new JuliaDefinition((string)v[0]!),
                Constructor<JuliaDefinition, string>(0, nameof(JuliaAttribute.Version), nameof(JuliaDefinition.Version), j => j.Version),
                Named<JuliaDefinition, string?>(nameof(JuliaAttribute.Mirror), j => j.Mirror, (j, v) => j with { Mirror = v }),
                Named<JuliaDefinition, string?>(nameof(JuliaAttribute.PkgServer), j => j.PkgServer, (j, v) => j with { PkgServer = v }),
                Named<JuliaDefinition, string?>(nameof(JuliaAttribute.Sha256), j => j.Sha256, (j, v) => j with { Sha256 = v })),

            OfItem<JuliaPackageDefinition, JuliaPackageDefinition>(nameof(JuliaPackageAttribute), T.JuliaPackageTarget, nameof(PoolDefinition.JuliaPackages),
                p => p.JuliaPackages, (p, v) => p with { JuliaPackages = v },
                v => new JuliaPackageDefinition((string)v[0]!),
                Constructor<JuliaPackageDefinition, string>(0, nameof(JuliaPackageAttribute.Name), nameof(JuliaPackageDefinition.Name), j => j.Name),
                Named<JuliaPackageDefinition, string?>(nameof(JuliaPackageAttribute.Version), j => j.Version, (j, v) => j with { Version = v }),
                Named<JuliaPackageDefinition, string?>(nameof(JuliaPackageAttribute.Url), j => j.Url, (j, v) => j with { Url = v }),
                Named<JuliaPackageDefinition, string?>(nameof(JuliaPackageAttribute.Rev), j => j.Rev, (j, v) => j with { Rev = v }),
                Named<JuliaPackageDefinition, bool>(nameof(JuliaPackageAttribute.Develop), j => j.Develop, (j, v) => j with { Develop = v })),

            OfObject<JuliaManifestDefinition, JuliaManifestDefinition>(nameof(JuliaManifestAttribute), T.JuliaManifest, nameof(PoolDefinition.JuliaManifest),
                p => p.JuliaManifest, (p, v) => p with { JuliaManifest = v },
                v => new JuliaManifestDefinition((string)v[0]!),
                Constructor<JuliaManifestDefinition, string>(0, nameof(JuliaManifestAttribute.Path), nameof(JuliaManifestDefinition.Path), m => m.Path)),

            OfItem<StartupStepDefinition, StartupStepDefinition>(nameof(StartupStepAttribute), T.StartupStepTarget, nameof(PoolDefinition.StartupSteps),
                p => p.StartupSteps, (p, v) => p with { StartupSteps = v },
                v => new StartupStepDefinition((string)v[0]!),
                Constructor<StartupStepDefinition, string>(0, nameof(StartupStepAttribute.Bash), nameof(StartupStepDefinition.Bash), s => s.Bash),
                Named<StartupStepDefinition, bool>(nameof(StartupStepAttribute.AfterPackages), s => s.AfterPackages, (s, v) => s with { AfterPackages = v })),

            OfObject<AutoScaleDefinition, AutoScaleDefinition>(nameof(AutoScaleAttribute), T.AutoScale, nameof(PoolDefinition.AutoScale),
                p => p.AutoScale, (p, v) => p with { AutoScale = v },
                v => new AutoScaleDefinition((string)v[0]!),
                Constructor<AutoScaleDefinition, string>(0, nameof(AutoScaleAttribute.Formula), nameof(AutoScaleDefinition.Formula), a => a.Formula),
                Named<AutoScaleDefinition, int>(nameof(AutoScaleAttribute.EvaluationIntervalMinutes), a => a.EvaluationIntervalMinutes, (a, v) => a with { EvaluationIntervalMinutes = v })),

            OfPool(nameof(ContainerAttribute), T.Container, required: false,
                Constructor<PoolDefinition, IReadOnlyList<string>>(0, nameof(ContainerAttribute.Images), nameof(PoolDefinition.ContainerImages),
                    p => p.ContainerImages, (p, v) => p with { ContainerImages = v })),

            OfItem<ContainerRegistryDefinition, ContainerRegistryDefinition>(nameof(ContainerRegistryAttribute), T.ContainerRegistryTarget, nameof(PoolDefinition.ContainerRegistries),
                p => p.ContainerRegistries, (p, v) => p with { ContainerRegistries = v },
                v => new ContainerRegistryDefinition((string)v[0]!),
                Constructor<ContainerRegistryDefinition, string>(0, nameof(ContainerRegistryAttribute.Server), nameof(ContainerRegistryDefinition.Server), r => r.Server),
                Named<ContainerRegistryDefinition, string?>(nameof(ContainerRegistryAttribute.UserName), r => r.UserName, (r, v) => r with { UserName = v }),
                Named<ContainerRegistryDefinition, string?>(nameof(ContainerRegistryAttribute.PasswordSetting), r => r.PasswordSetting, (r, v) => r with { PasswordSetting = v }),
                Named<ContainerRegistryDefinition, string?>(nameof(ContainerRegistryAttribute.IdentityResourceId), r => r.IdentityResourceId, (r, v) => r with { IdentityResourceId = v })),

            OfItem<NameValueDefinition, NameValueDefinition>(nameof(EnvironmentVariableAttribute), T.EnvironmentVariableTarget, nameof(PoolDefinition.EnvironmentVariables),
                p => p.EnvironmentVariables, (p, v) => p with { EnvironmentVariables = v },
                v => new NameValueDefinition((string)v[0]!, (string)v[1]!),
                Constructor<NameValueDefinition, string>(0, nameof(EnvironmentVariableAttribute.Name), nameof(NameValueDefinition.Name), n => n.Name),
                Constructor<NameValueDefinition, string>(1, nameof(EnvironmentVariableAttribute.Value), nameof(NameValueDefinition.Value), n => n.Value)),

            OfItem<NameValueDefinition, NameValueDefinition>(nameof(MetadataAttribute), T.MetadataTarget, nameof(PoolDefinition.Metadata),
                p => p.Metadata, (p, v) => p with { Metadata = v },
                v => new NameValueDefinition((string)v[0]!, (string)v[1]!),
                Constructor<NameValueDefinition, string>(0, nameof(MetadataAttribute.Name), nameof(NameValueDefinition.Name), n => n.Name),
                Constructor<NameValueDefinition, string>(1, nameof(MetadataAttribute.Value), nameof(NameValueDefinition.Value), n => n.Value)),

            OfPool(nameof(StartTaskAttribute), T.StartTask, required: false,
                Named<PoolDefinition, int>(nameof(StartTaskAttribute.MaxRetryCount), nameof(PoolDefinition.StartTaskRetryCount),
                    p => p.StartTaskRetryCount, (p, v) => p with { StartTaskRetryCount = v }),
                Named<PoolDefinition, bool>(nameof(StartTaskAttribute.WaitForSuccess), nameof(PoolDefinition.WaitForStartTask),
                    p => p.WaitForStartTask, (p, v) => p with { WaitForStartTask = v }),
                Named<PoolDefinition, int?>(nameof(StartTaskAttribute.StepTimeoutMinutes), nameof(PoolDefinition.StartTaskStepTimeoutMinutes),
                    p => p.StartTaskStepTimeoutMinutes, (p, v) => p with { StartTaskStepTimeoutMinutes = v })),

            OfObject<NetworkDefinition, NetworkDefinition>(nameof(NetworkAttribute), T.Network, nameof(PoolDefinition.Network),
                p => p.Network, (p, v) => p with { Network = v },
                _ => new NetworkDefinition(),
                Named<NetworkDefinition, string?>(nameof(NetworkAttribute.SubnetId), n => n.SubnetId, (n, v) => n with { SubnetId = v }),
                Named<NetworkDefinition, PublicIPAddressProvisioning?>(nameof(NetworkAttribute.PublicIPAddresses), n => n.PublicIPAddresses, (n, v) => n with { PublicIPAddresses = v }),
                Named<NetworkDefinition, IReadOnlyList<string>>(nameof(NetworkAttribute.PublicIPAddressIds), n => n.PublicIPAddressIds, (n, v) => n with { PublicIPAddressIds = v })),

            OfItem<AzureFilesMountDefinition, MountDefinition>(nameof(AzureFilesMountAttribute), T.MountTarget, nameof(PoolDefinition.Mounts),
                p => p.Mounts, (p, v) => p with { Mounts = v },
                v => new AzureFilesMountDefinition((string)v[0]!, (string)v[1]!, (string)v[2]!),
                Constructor<AzureFilesMountDefinition, string>(0, nameof(AzureFilesMountAttribute.AccountName), nameof(AzureFilesMountDefinition.AccountName), m => m.AccountName),
                Constructor<AzureFilesMountDefinition, string>(1, nameof(AzureFilesMountAttribute.ShareName), nameof(AzureFilesMountDefinition.ShareName), m => m.ShareName),
                Constructor<AzureFilesMountDefinition, string>(2, nameof(AzureFilesMountAttribute.RelativeMountPath), nameof(AzureFilesMountDefinition.RelativeMountPath), m => m.RelativeMountPath),
                Named<AzureFilesMountDefinition, string?>(nameof(AzureFilesMountAttribute.AccountKeySetting), m => m.AccountKeySetting, (m, v) => m with { AccountKeySetting = v }),
                Named<AzureFilesMountDefinition, string?>(nameof(AzureFilesMountAttribute.MountOptions), m => m.MountOptions, (m, v) => m with { MountOptions = v })),

            OfItem<NfsMountDefinition, MountDefinition>(nameof(NfsMountAttribute), T.MountTarget, nameof(PoolDefinition.Mounts),
                p => p.Mounts, (p, v) => p with { Mounts = v },
                v => new NfsMountDefinition((string)v[0]!, (string)v[1]!),
                Constructor<NfsMountDefinition, string>(0, nameof(NfsMountAttribute.Source), nameof(NfsMountDefinition.Source), m => m.Source),
                Constructor<NfsMountDefinition, string>(1, nameof(NfsMountAttribute.RelativeMountPath), nameof(NfsMountDefinition.RelativeMountPath), m => m.RelativeMountPath),
                Named<NfsMountDefinition, string?>(nameof(NfsMountAttribute.MountOptions), m => m.MountOptions, (m, v) => m with { MountOptions = v })),

            OfItem<BlobfuseMountDefinition, MountDefinition>(nameof(BlobfuseMountAttribute), T.MountTarget, nameof(PoolDefinition.Mounts),
                p => p.Mounts, (p, v) => p with { Mounts = v },
                v => new BlobfuseMountDefinition((string)v[0]!, (string)v[1]!, (string)v[2]!),
                Constructor<BlobfuseMountDefinition, string>(0, nameof(BlobfuseMountAttribute.AccountName), nameof(BlobfuseMountDefinition.AccountName), m => m.AccountName),
                Constructor<BlobfuseMountDefinition, string>(1, nameof(BlobfuseMountAttribute.ContainerName), nameof(BlobfuseMountDefinition.ContainerName), m => m.ContainerName),
                Constructor<BlobfuseMountDefinition, string>(2, nameof(BlobfuseMountAttribute.RelativeMountPath), nameof(BlobfuseMountDefinition.RelativeMountPath), m => m.RelativeMountPath),
                Named<BlobfuseMountDefinition, string?>(nameof(BlobfuseMountAttribute.AccountKeySetting), m => m.AccountKeySetting, (m, v) => m with { AccountKeySetting = v }),
                Named<BlobfuseMountDefinition, string?>(nameof(BlobfuseMountAttribute.SasKeySetting), m => m.SasKeySetting, (m, v) => m with { SasKeySetting = v }),
                Named<BlobfuseMountDefinition, string?>(nameof(BlobfuseMountAttribute.IdentityResourceId), m => m.IdentityResourceId, (m, v) => m with { IdentityResourceId = v }),
                Named<BlobfuseMountDefinition, string?>(nameof(BlobfuseMountAttribute.MountOptions), m => m.MountOptions, (m, v) => m with { MountOptions = v })),
        };

        private static readonly Dictionary<string, AttributeDescription> ByName = All.ToDictionary(a => a.AttributeName);

        /// <summary>The description of the attribute class named <paramref name="attributeName"/> (<c>JuliaAttribute</c>), or null for another attribute.</summary>
        public static AttributeDescription? Find(string? attributeName) =>
            attributeName is not null && ByName.TryGetValue(attributeName, out var description) ? description : null;

        /// <summary>
        /// The attributes that fill the pool's properties, in order, each with the items it declares: a list's items in
        /// the list's order (so <c>[NfsMount]</c> and <c>[AzureFilesMount]</c> interleave as the mounts do).
        /// </summary>
        public static IEnumerable<(AttributeDescription Attribute, object Declared)> Declarations(PoolDefinition pool)
        {
            foreach (var group in Groups)
            {
                foreach (var item in group[0].Held(pool))
                {
                    foreach (var attribute in group)
                    {
                        if (!attribute.Declares(item)) continue;
                        yield return (attribute, item);
                        break;
                    }
                }
            }
        }

        // Neighbours filling the same property are one group, whose property is read once; grouped once, as every
        // emitted definition walks them.
        private static readonly AttributeDescription[][] Groups = GroupNeighbours();

        private static AttributeDescription[][] GroupNeighbours()
        {
            var groups = new List<AttributeDescription[]>();
            for (var i = 0; i < All.Count; i++)
            {
                if (i > 0 && All[i].Property is { } property && All[i - 1].Property == property) continue;
                groups.Add(All.Skip(i).TakeWhile(a => a == All[i] || (a.Property is not null && a.Property == All[i].Property)).ToArray());
            }
            return groups.ToArray();
        }
    }
}
