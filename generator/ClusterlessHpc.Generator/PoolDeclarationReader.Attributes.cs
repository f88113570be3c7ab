using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;
using T = ClusterlessHpc.Diagnostics.DefinitionTarget;

namespace ClusterlessHpc.Generator
{
    /// <summary>How each ClusterlessHpc attribute maps onto the definition.</summary>
    internal sealed partial class PoolDeclarationReader
    {
        private static void ReadBatchPool(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute("BatchPool.Attribute");
            pool.Id = a.String(0, "id", T.PoolId);
            pool.VmSize = a.NamedString("VmSize", T.VmSize) ?? pool.VmSize;
            pool.NodeCount = a.NamedInt("NodeCount", T.NodeCount);
            pool.LowPriorityNodeCount = a.NamedInt("LowPriorityNodeCount", T.LowPriorityNodeCount);
            pool.TaskSlotsPerNode = a.NamedInt("TaskSlotsPerNode", T.TaskSlotsPerNode);
            pool.InterNodeCommunication = a.NamedBool("InterNodeCommunication", "BatchPool.InterNodeCommunication") ?? false;
            pool.ResizeTimeoutMinutes = a.NamedInt("ResizeTimeoutMinutes", T.ResizeTimeoutMinutes);
            pool.Account = a.NamedString("Account", "BatchPool.Account");
        }

        private static void ReadJulia(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute(T.JuliaAttribute);
            pool.Julia = new JuliaDefinition(a.String(0, "version", T.JuliaVersion))
            {
                Mirror = a.NamedString("Mirror", T.JuliaMirror),
                PkgServer = a.NamedString("PkgServer", T.JuliaPkgServer),
                Sha256 = a.NamedString("Sha256", T.JuliaSha256),
            };
        }

        private static void ReadJuliaPackage(AttributeArguments a, PoolBuilder pool)
        {
            var i = pool.JuliaPackages.Count;
            a.RecordAttribute(T.JuliaPackage(i, "Attribute"));
            pool.JuliaPackages.Add(new JuliaPackageDefinition(a.String(0, "name", T.JuliaPackage(i, "Name")))
            {
                Version = a.NamedString("Version", T.JuliaPackage(i, "Version")),
                Url = a.NamedString("Url", T.JuliaPackage(i, "Url")),
                Rev = a.NamedString("Rev", T.JuliaPackage(i, "Rev")),
                Develop = a.NamedBool("Develop", T.JuliaPackage(i, "Develop")) ?? false,
            });
        }

        private static void ReadStartupStep(AttributeArguments a, PoolBuilder pool)
        {
            var i = pool.StartupSteps.Count;
            pool.StartupSteps.Add(new StartupStepDefinition(a.String(0, "bash", T.StartupStep(i)))
            {
                AfterPackages = a.NamedBool("AfterPackages", $"StartupStep[{i}].AfterPackages") ?? false,
            });
        }

        private static void ReadAutoScale(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute("AutoScale.Attribute");
            pool.AutoScale = new AutoScaleDefinition(a.String(0, "formula", T.AutoScaleFormula))
            {
                EvaluationIntervalMinutes = a.NamedInt("EvaluationIntervalMinutes", T.AutoScaleInterval) ?? AutoScaleDefinition.DefaultEvaluationIntervalMinutes,
            };
        }

        private static void ReadMarketplaceImage(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute(T.ImageAttribute);
            pool.Image = new MarketplaceImageDefinition(
                a.String(0, "publisher", "Image.Publisher"), a.String(1, "offer", "Image.Offer"), a.String(2, "sku", "Image.Sku"))
            {
                Version = a.NamedString("Version", "Image.Version") ?? "latest",
                NodeAgentSku = a.NamedString("NodeAgentSku", T.ImageNodeAgentSku),
            };
        }

        private static void ReadCustomImage(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute(T.ImageAttribute);
            pool.Image = new CustomImageDefinition(a.String(0, "imageId", T.CustomImageId))
            {
                NodeAgentSku = a.NamedString("NodeAgentSku", T.ImageNodeAgentSku),
                JuliaDepotPath = a.NamedString("JuliaDepotPath", T.JuliaDepotPath),
            };
        }

        private static void ReadContainer(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute("Container.Attribute");
            pool.ContainerImages.AddRange(a.Strings(0, "images", T.ContainerImage));
        }

        private static void ReadContainerRegistry(AttributeArguments a, PoolBuilder pool)
        {
            var i = pool.ContainerRegistries.Count;
            a.RecordAttribute(T.ContainerRegistry(i, "Attribute"));
            pool.ContainerRegistries.Add(new ContainerRegistryDefinition(a.String(0, "server", T.ContainerRegistry(i, "Server")))
            {
                UserName = a.NamedString("UserName", T.ContainerRegistry(i, "UserName")),
                PasswordSetting = a.NamedString("PasswordSetting", T.ContainerRegistry(i, "PasswordSetting")),
                IdentityResourceId = a.NamedString("IdentityResourceId", T.ContainerRegistry(i, "IdentityResourceId")),
            });
        }

        private static void ReadNameValue(AttributeArguments a, List<NameValueDefinition> list, System.Func<int, string, string> target)
        {
            var i = list.Count;
            a.RecordAttribute(target(i, "Attribute"));
            list.Add(new NameValueDefinition(a.String(0, "name", target(i, "Name")), a.String(1, "value", target(i, "Value"))));
        }

        private static void ReadStartTask(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute("StartTask.Attribute");
            pool.StartTaskRetryCount = a.NamedInt("MaxRetryCount", T.StartTaskRetryCount) ?? 0;
            pool.WaitForStartTask = a.NamedBool("WaitForSuccess", "StartTask.WaitForSuccess") ?? true;
            pool.StartTaskStepTimeoutMinutes = a.NamedInt("StepTimeoutMinutes", T.StartTaskStepTimeout);
        }

        private static void ReadNetwork(AttributeArguments a, PoolBuilder pool)
        {
            a.RecordAttribute("Network.Attribute");
            pool.Network = new NetworkDefinition
            {
                SubnetId = a.NamedString("SubnetId", T.SubnetId),
                PublicIPAddresses = a.TryNamed("PublicIPAddresses", T.PublicIPAddresses, out var provisioning) && provisioning.Value is int value
                    ? (PublicIPAddressProvisioning)value
                    : null,
                PublicIPAddressIds = a.NamedStrings("PublicIPAddressIds", T.PublicIPAddressIds),
            };
        }

        private static void ReadMount(string attribute, AttributeArguments a, PoolBuilder pool)
        {
            var i = pool.Mounts.Count;
            a.RecordAttribute(T.Mount(i, "Attribute"));
            MountDefinition mount = attribute switch
            {
                "AzureFilesMountAttribute" => new AzureFilesMountDefinition(
                    a.String(0, "accountName", T.Mount(i, "AccountName")), a.String(1, "shareName", T.Mount(i, "ShareName")),
                    a.String(2, "relativeMountPath", T.Mount(i, "RelativeMountPath")))
                {
                    AccountKeySetting = a.NamedString("AccountKeySetting", T.Mount(i, "AccountKeySetting")),
                },
                "NfsMountAttribute" => new NfsMountDefinition(
                    a.String(0, "source", T.Mount(i, "Source")), a.String(1, "relativeMountPath", T.Mount(i, "RelativeMountPath"))),
                _ => new BlobfuseMountDefinition(
                    a.String(0, "accountName", T.Mount(i, "AccountName")), a.String(1, "containerName", T.Mount(i, "ContainerName")),
                    a.String(2, "relativeMountPath", T.Mount(i, "RelativeMountPath")))
                {
                    AccountKeySetting = a.NamedString("AccountKeySetting", T.Mount(i, "AccountKeySetting")),
                    SasKeySetting = a.NamedString("SasKeySetting", T.Mount(i, "SasKeySetting")),
                    IdentityResourceId = a.NamedString("IdentityResourceId", T.Mount(i, "IdentityResourceId")),
                },
            };
            pool.Mounts.Add(mount with { MountOptions = a.NamedString("MountOptions", T.Mount(i, "MountOptions")) });
        }
    }
}
