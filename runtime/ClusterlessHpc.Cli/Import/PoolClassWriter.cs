using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Text;

namespace ClusterlessHpc.Cli.Import
{
    /// <summary>
    /// Writes a pool definition as a C# <c>partial</c> class with the attributes that declare it, so the generator makes
    /// the same <see cref="PoolDefinition"/> from the class: every property set is written, nothing else.
    /// </summary>
    internal static class PoolClassWriter
    {
        /// <summary>A class name from a pool id: its letters and digits, each part capitalised (<c>BatchPool_1</c> → <c>BatchPool1</c>).</summary>
        public static string ClassName(string poolId)
        {
            var name = new StringBuilder();
            var startOfPart = true;
            foreach (var c in poolId)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    startOfPart = true;
                    continue;
                }
                name.Append(startOfPart ? char.ToUpperInvariant(c) : c);
                startOfPart = false;
            }
            if (name.Length == 0 || char.IsAsciiDigit(name[0])) name.Insert(0, "Pool");
            return name.ToString();
        }

        /// <summary>The class's source; <paramref name="notes"/> are comment lines for the reader, such as what the import could not know.</summary>
        public static string Write(PoolDefinition definition, string @namespace, string className, string sourceName, IReadOnlyList<string>? notes = null)
        {
            var text = new StringBuilder();
            text.AppendLine($"// Imported from {CSharpLiteral.Comment(sourceName)} (AzureClusterlessHPC.jl) by chpc import: pool '{CSharpLiteral.Comment(definition.Id)}'.");
            text.AppendLine("// The ClusterlessHpc generator adds Definition and StartupScript when this project builds.");
            foreach (var note in notes ?? []) text.AppendLine("// " + CSharpLiteral.Comment(note));
            text.AppendLine("using ClusterlessHpc;");
            text.AppendLine();
            text.AppendLine($"namespace {@namespace};");
            text.AppendLine();
            text.AppendLine($"/// <summary>Pool {SecurityElement.Escape(CSharpLiteral.Comment(definition.Id))} of {SecurityElement.Escape(CSharpLiteral.Comment(sourceName))}.</summary>");
            foreach (var attribute in Attributes(definition)) text.AppendLine($"[{attribute}]");
            text.AppendLine($"public partial class {className};");
            return text.ToString();
        }

        private static IEnumerable<string> Attributes(PoolDefinition d)
        {
            yield return Attribute("BatchPool", [S(d.Id)],
                ("VmSize", S(d.VmSize)),
                ("NodeCount", d.NodeCount is { } nodes ? I(nodes) : null),
                ("LowPriorityNodeCount", d.LowPriorityNodeCount is { } low ? I(low) : null),
                ("TaskSlotsPerNode", d.TaskSlotsPerNode is { } slots ? I(slots) : null),
                ("InterNodeCommunication", d.InterNodeCommunication ? "true" : null),
                ("ResizeTimeoutMinutes", d.ResizeTimeoutMinutes is { } minutes ? I(minutes) : null),
                ("Account", Optional(d.Account)));

            switch (d.Image)
            {
                case MarketplaceImageDefinition image:
                    yield return Attribute("MarketplaceImage", [S(image.Publisher), S(image.Offer), S(image.Sku)],
                        ("Version", image.Version == "latest" ? null : S(image.Version)),
                        ("NodeAgentSku", Optional(image.NodeAgentSku)));
                    break;
                case CustomImageDefinition image:
                    yield return Attribute("CustomImage", [S(image.ImageId)],
                        ("NodeAgentSku", Optional(image.NodeAgentSku)),
                        ("JuliaDepotPath", Optional(image.JuliaDepotPath)));
                    break;
            }

            if (d.Julia is { } julia)
            {
                yield return Attribute("Julia", [S(julia.Version)],
                    ("Mirror", Optional(julia.Mirror)), ("PkgServer", Optional(julia.PkgServer)), ("Sha256", Optional(julia.Sha256)));
            }
            foreach (var package in d.JuliaPackages)
            {
                yield return Attribute("JuliaPackage", [S(package.Name)],
                    ("Version", Optional(package.Version)), ("Url", Optional(package.Url)), ("Rev", Optional(package.Rev)),
                    ("Develop", package.Develop ? "true" : null));
            }
            foreach (var step in d.StartupSteps)
            {
                yield return Attribute("StartupStep", [S(step.Bash)], ("AfterPackages", step.AfterPackages ? "true" : null));
            }
            if (d.AutoScale is { } autoScale)
            {
                yield return Attribute("AutoScale", [S(autoScale.Formula)],
                    ("EvaluationIntervalMinutes", autoScale.EvaluationIntervalMinutes == AutoScaleDefinition.DefaultEvaluationIntervalMinutes ? null : I(autoScale.EvaluationIntervalMinutes)));
            }
            if (d.ContainerImages.Count > 0) yield return Attribute("Container", d.ContainerImages.Select(S).ToArray());
            foreach (var registry in d.ContainerRegistries)
            {
                yield return Attribute("ContainerRegistry", [S(registry.Server)],
                    ("UserName", Optional(registry.UserName)), ("PasswordSetting", Optional(registry.PasswordSetting)),
                    ("IdentityResourceId", Optional(registry.IdentityResourceId)));
            }
            foreach (var variable in d.EnvironmentVariables) yield return Attribute("EnvironmentVariable", [S(variable.Name), S(variable.Value)]);
            foreach (var item in d.Metadata) yield return Attribute("Metadata", [S(item.Name), S(item.Value)]);
            if (d.StartTaskRetryCount != 0 || !d.WaitForStartTask)
            {
                yield return Attribute("StartTask", [],
                    ("MaxRetryCount", d.StartTaskRetryCount == 0 ? null : I(d.StartTaskRetryCount)),
                    ("WaitForSuccess", d.WaitForStartTask ? null : "false"));
            }
            if (d.Network is { } network)
            {
                yield return Attribute("Network", [],
                    ("SubnetId", Optional(network.SubnetId)),
                    ("PublicIPAddresses", network.PublicIPAddresses is { } provisioning ? "PublicIPAddressProvisioning." + provisioning : null),
                    ("PublicIPAddressIds", network.PublicIPAddressIds.Count == 0 ? null : "new[] { " + string.Join(", ", network.PublicIPAddressIds.Select(S)) + " }"));
            }
            foreach (var mount in d.Mounts) yield return Mount(mount);
        }

        private static string Mount(MountDefinition mount) => mount switch
        {
            AzureFilesMountDefinition files => Attribute("AzureFilesMount", [S(files.AccountName), S(files.ShareName), S(files.RelativeMountPath)],
                ("AccountKeySetting", Optional(files.AccountKeySetting)), ("MountOptions", Optional(files.MountOptions))),
            NfsMountDefinition nfs => Attribute("NfsMount", [S(nfs.Source), S(nfs.RelativeMountPath)], ("MountOptions", Optional(nfs.MountOptions))),
            BlobfuseMountDefinition blob => Attribute("BlobfuseMount", [S(blob.AccountName), S(blob.ContainerName), S(blob.RelativeMountPath)],
                ("AccountKeySetting", Optional(blob.AccountKeySetting)), ("SasKeySetting", Optional(blob.SasKeySetting)),
                ("IdentityResourceId", Optional(blob.IdentityResourceId)), ("MountOptions", Optional(blob.MountOptions))),
            _ => throw new ArgumentOutOfRangeException(nameof(mount), mount.GetType().Name, "Unknown mount kind."),
        };

        private static string Attribute(string name, string[] arguments, params (string Name, string? Value)[] named)
        {
            var all = arguments.Concat(named.Where(n => n.Value is not null).Select(n => $"{n.Name} = {n.Value}")).ToList();
            return all.Count == 0 ? name : $"{name}({string.Join(", ", all)})";
        }

        private static string S(string value) => CSharpLiteral.String(value);

        private static string? Optional(string? value) => value is null ? null : CSharpLiteral.String(value);

        private static string I(int value) => CSharpLiteral.Int(value);
    }
}
