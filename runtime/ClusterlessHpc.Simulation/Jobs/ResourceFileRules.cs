using System.IO;
using System.Linq;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The service's rules for one resource file, the same for a pool's start task and for a task: exactly one source, an
    /// absolute URL, and with an <c>httpUrl</c> a file path that stays inside the working directory.
    /// </summary>
    public static class ResourceFileRules
    {
        /// <summary>Refuses a resource file the service refuses (<see cref="PoolModelException"/>, InvalidPropertyValue or MissingRequiredProperty).</summary>
        public static void Check(ResourceFile file)
        {
            var sources = new[] { file.AutoStorageContainerName, file.StorageContainerUrl, file.HttpUrl }.Count(s => !string.IsNullOrEmpty(s));
            if (sources != 1)
            {
                throw ModelErrors.InvalidPropertyValue("resourceFiles", "Exactly one of autoStorageContainerName, storageContainerUrl and httpUrl must be given.");
            }
            if (!string.IsNullOrEmpty(file.HttpUrl))
            {
                if (string.IsNullOrEmpty(file.FilePath)) throw ModelErrors.MissingRequiredProperty("filePath");
                // As the service refuses "fake.url" (batch-cli-ext-test_batch_extensions_live.jsonl, add-task-collection of 2019-03-06).
                if (!System.Uri.TryCreate(file.HttpUrl, System.UriKind.Absolute, out _))
                {
                    throw ModelErrors.InvalidPropertyValue("httpUrl", file.HttpUrl, "The specified HttpUrl is not a valid URI");
                }
                if (!string.IsNullOrEmpty(file.BlobPrefix)) throw ModelErrors.InvalidPropertyValue("blobPrefix", "blobPrefix applies only to container sources.");
            }
            if (!string.IsNullOrEmpty(file.StorageContainerUrl) && !System.Uri.TryCreate(file.StorageContainerUrl, System.UriKind.Absolute, out _))
            {
                throw ModelErrors.InvalidPropertyValue("storageContainerUrl", file.StorageContainerUrl, "The specified StorageContainerUrl is not a valid URI");
            }
            if (file.FilePath is { Length: > 0 } path &&
                (Path.IsPathRooted(path) || path.Replace('\\', '/').Split('/').Any(segment => segment == "..")))
            {
                throw ModelErrors.InvalidPropertyValue("filePath", "filePath must stay inside the task's working directory.");
            }
        }
    }
}
