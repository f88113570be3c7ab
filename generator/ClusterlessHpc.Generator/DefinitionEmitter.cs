using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace ClusterlessHpc.Generator
{
    /// <summary>Writes a <see cref="PoolDefinition"/> as the C# object initializer that rebuilds it, leaving defaults out.</summary>
    internal static class DefinitionEmitter
    {
        private const string Ns = "global::ClusterlessHpc.";

        /// <summary>Writes <c>{lead}new PoolDefinition { ... }{end}</c>.</summary>
        public static void Emit(IndentedWriter w, PoolDefinition d, string lead, string end)
        {
            w.Line($"{lead}new {Ns}PoolDefinition");
            w.Open();
            w.Line($"Id = {Literal(d.Id)},");
            w.Line($"VmSize = {Literal(d.VmSize)},");
            Optional(w, "NodeCount", d.NodeCount);
            Optional(w, "LowPriorityNodeCount", d.LowPriorityNodeCount);
            Optional(w, "TaskSlotsPerNode", d.TaskSlotsPerNode);
            if (d.InterNodeCommunication) w.Line("InterNodeCommunication = true,");
            Optional(w, "ResizeTimeoutMinutes", d.ResizeTimeoutMinutes);
            if (d.Account is not null) w.Line($"Account = {Literal(d.Account)},");
            if (d.Image is not null) w.Line($"Image = {Image(d.Image)},");
            if (d.Julia is { } julia)
            {
                w.Line($"Julia = new {Ns}JuliaDefinition({Literal(julia.Version)})" +
                       Init(Assign("Mirror", julia.Mirror), Assign("PkgServer", julia.PkgServer), Assign("Sha256", julia.Sha256)) + ",");
            }
            List(w, "JuliaPackages", "JuliaPackageDefinition", d.JuliaPackages, p =>
                $"new {Ns}JuliaPackageDefinition({Literal(p.Name)})" +
                Init(Assign("Version", p.Version), Assign("Url", p.Url), Assign("Rev", p.Rev), p.Develop ? "Develop = true" : null));
            List(w, "StartupSteps", "StartupStepDefinition", d.StartupSteps, s =>
                $"new {Ns}StartupStepDefinition({Literal(s.Bash)})" + (s.AfterPackages ? " { AfterPackages = true }" : ""));
            if (d.AutoScale is { } autoScale)
            {
                w.Line($"AutoScale = new {Ns}AutoScaleDefinition({Literal(autoScale.Formula)}) {{ EvaluationIntervalMinutes = {Int(autoScale.EvaluationIntervalMinutes)} }},");
            }
            List(w, "ContainerImages", "string", d.ContainerImages, Literal, qualify: false);
            List(w, "ContainerRegistries", "ContainerRegistryDefinition", d.ContainerRegistries, r =>
                $"new {Ns}ContainerRegistryDefinition({Literal(r.Server)})" +
                Init(Assign("UserName", r.UserName), Assign("PasswordSetting", r.PasswordSetting), Assign("IdentityResourceId", r.IdentityResourceId)));
            List(w, "EnvironmentVariables", "NameValueDefinition", d.EnvironmentVariables, v => $"new {Ns}NameValueDefinition({Literal(v.Name)}, {Literal(v.Value)})");
            List(w, "Metadata", "NameValueDefinition", d.Metadata, v => $"new {Ns}NameValueDefinition({Literal(v.Name)}, {Literal(v.Value)})");
            if (d.StartTaskRetryCount != 0) w.Line($"StartTaskRetryCount = {Int(d.StartTaskRetryCount)},");
            if (!d.WaitForStartTask) w.Line("WaitForStartTask = false,");
            if (d.StartTaskStepTimeoutMinutes is { } stepTimeout) w.Line($"StartTaskStepTimeoutMinutes = {Int(stepTimeout)},");
            if (d.Network is { } network)
            {
                var parts = new List<string>();
                if (network.SubnetId is not null) parts.Add($"SubnetId = {Literal(network.SubnetId)}");
                if (network.PublicIPAddresses is { } provisioning) parts.Add($"PublicIPAddresses = {Ns}PublicIPAddressProvisioning.{provisioning}");
                if (network.PublicIPAddressIds.Count > 0) parts.Add($"PublicIPAddressIds = new string[] {{ {string.Join(", ", network.PublicIPAddressIds.Select(Literal))} }}");
                w.Line($"Network = new {Ns}NetworkDefinition {{ {string.Join(", ", parts)} }},");
            }
            List(w, "Mounts", "MountDefinition", d.Mounts, Mount);
            w.Close("}" + end);
        }

        private static string Image(ImageDefinition image) => image switch
        {
            MarketplaceImageDefinition m => $"new {Ns}MarketplaceImageDefinition({Literal(m.Publisher)}, {Literal(m.Offer)}, {Literal(m.Sku)})" +
                                            Init(Assign("Version", m.Version == "latest" ? null : m.Version), Assign("NodeAgentSku", m.NodeAgentSku)),
            CustomImageDefinition c => $"new {Ns}CustomImageDefinition({Literal(c.ImageId)})" +
                                       Init(Assign("NodeAgentSku", c.NodeAgentSku), Assign("JuliaDepotPath", c.JuliaDepotPath)),
            _ => "null",
        };

        private static string Mount(MountDefinition mount)
        {
            var options = Assign("MountOptions", mount.MountOptions);
            return mount switch
            {
                AzureFilesMountDefinition f => $"new {Ns}AzureFilesMountDefinition({Literal(f.AccountName)}, {Literal(f.ShareName)}, {Literal(f.RelativeMountPath)})" +
                                               Init(Assign("AccountKeySetting", f.AccountKeySetting), options),
                NfsMountDefinition n => $"new {Ns}NfsMountDefinition({Literal(n.Source)}, {Literal(n.RelativeMountPath)})" + Init(options),
                BlobfuseMountDefinition b => $"new {Ns}BlobfuseMountDefinition({Literal(b.AccountName)}, {Literal(b.ContainerName)}, {Literal(b.RelativeMountPath)})" +
                                             Init(Assign("AccountKeySetting", b.AccountKeySetting), Assign("SasKeySetting", b.SasKeySetting), Assign("IdentityResourceId", b.IdentityResourceId), options),
                _ => "null!",
            };
        }

        private static void List<T>(IndentedWriter w, string property, string type, IReadOnlyList<T> items, System.Func<T, string> item, bool qualify = true)
        {
            if (items.Count == 0) return;
            w.Line($"{property} = new {(qualify ? Ns : "")}{type}[]");
            w.Open();
            foreach (var value in items) w.Line(item(value) + ",");
            w.Close("},");
        }

        private static void Optional(IndentedWriter w, string property, int? value)
        {
            if (value is { } v) w.Line($"{property} = {Int(v)},");
        }

        /// <summary>An object initializer of the given assignments (nulls left out), or nothing.</summary>
        private static string Init(params string?[] assignments)
        {
            var set = assignments.Where(a => a is not null).ToList();
            return set.Count == 0 ? "" : " { " + string.Join(", ", set) + " }";
        }

        /// <summary><c>Name = "value"</c>, or null when there is no value.</summary>
        private static string? Assign(string name, string? value) => value is null ? null : $"{name} = {Literal(value)}";

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
