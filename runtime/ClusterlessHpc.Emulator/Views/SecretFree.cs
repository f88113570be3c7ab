using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// Copies of a pool's settings without the secrets it was created with (registry passwords, storage keys and SAS;
    /// user passwords the pool view leaves out): the service keeps those to itself and never returns them, so neither does the emulator.
    /// </summary>
    internal static class SecretFree
    {
        public static VirtualMachineConfiguration? Of(VirtualMachineConfiguration? configuration)
        {
            if (configuration?.ContainerConfiguration?.ContainerRegistries is not { Count: > 0 }) return configuration;
            var copy = Clone(configuration, BatchJson.TypeInfo<VirtualMachineConfiguration>())!;
            foreach (var registry in copy.ContainerConfiguration!.ContainerRegistries!) registry.Password = null;
            return copy;
        }

        public static List<MountConfiguration>? Of(IList<MountConfiguration>? mounts) =>
            mounts?.Select(mount =>
            {
                var copy = Clone(mount, BatchJson.TypeInfo<MountConfiguration>())!;
                if (copy.AzureBlobFileSystemConfiguration is { } blob)
                {
                    blob.AccountKey = null;
                    blob.SasKey = null;
                }
                if (copy.AzureFileShareConfiguration is { } files) files.AccountKey = "";
                if (copy.CifsMountConfiguration is { } cifs) cifs.Password = "";
                return copy;
            }).ToList();

        private static T? Clone<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
            JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), typeInfo);
    }
}
