using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for mounted file systems: the mount path, the credential, the NFS source.</summary>
    internal static class MountRules
    {
        internal static void Check(PoolDefinition d, List<PoolDiagnostic> found)
        {
            for (var i = 0; i < d.Mounts.Count; i++)
            {
                var mount = d.Mounts[i];
                var pathProblem = TextChecks.RelativePathProblem(mount.RelativeMountPath);
                if (pathProblem is not null) found.Add(new(DiagnosticCatalogue.MountPathMustBeRelative, DefinitionTarget.Mount(i, nameof(NfsMountAttribute.RelativeMountPath)), mount.RelativeMountPath, pathProblem));

                switch (mount)
                {
                    case AzureFilesMountDefinition files when files.AccountKeySetting is null:
                        found.Add(new(DiagnosticCatalogue.MountNeedsCredentials, DefinitionTarget.Mount(i, DefinitionTarget.WholeAttribute),
                            $"Azure Files mount of '{files.ShareName}' needs AccountKeySetting, the configuration key that holds the storage account key"));
                        break;
                    case BlobfuseMountDefinition blob:
                        var credentials = (blob.AccountKeySetting is null ? 0 : 1) + (blob.SasKeySetting is null ? 0 : 1) + (blob.IdentityResourceId is null ? 0 : 1);
                        if (credentials != 1)
                        {
                            found.Add(new(DiagnosticCatalogue.MountNeedsCredentials, DefinitionTarget.Mount(i, DefinitionTarget.WholeAttribute),
                                $"Blobfuse mount of '{blob.ContainerName}' needs exactly one of AccountKeySetting, SasKeySetting and IdentityResourceId ({credentials} given)"));
                        }
                        break;
                    case NfsMountDefinition nfs when !IsNfsSource(nfs.Source):
                        found.Add(new(DiagnosticCatalogue.NfsSourceMustBeValid, DefinitionTarget.Mount(i, nameof(NfsMountAttribute.Source)), nfs.Source));
                        break;
                }
            }
        }

        private static bool IsNfsSource(string source)
        {
            var colon = source.IndexOf(':');
            return colon > 0 && colon + 1 < source.Length && source[colon + 1] == '/' && TextChecks.WhiteSpaceOrControl(source) is null;
        }
    }
}
