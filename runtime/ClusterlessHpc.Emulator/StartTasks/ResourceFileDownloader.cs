using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Downloads a start task's resource files into its working directory before the command runs, as the Batch agent
    /// does: an <c>httpUrl</c> to its <c>filePath</c>, or every blob of a <c>storageContainerUrl</c> (under
    /// <c>blobPrefix</c>) into the <c>filePath</c> folder, each then given its <c>fileMode</c> (0770 by default). A
    /// failure becomes the start task's failure info with the agent's code (<c>BlobNotFound</c>, <c>BlobAccessDenied</c>,
    /// <c>BlobDownloadMiscError</c>, ...). URLs in messages and logs lose their query, which may hold a SAS.
    /// </summary>
    internal sealed class ResourceFileDownloader
    {
        private const UnixFileMode DefaultMode =
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute;

        private readonly HttpClient _http;

        public ResourceFileDownloader(HttpClient http) => _http = http;

        /// <summary>Downloads the files into <c>workingDirectory</c> (the start task's or a task's), which their paths are relative to.</summary>
        /// <returns>Null when every file arrived, else why not.</returns>
        public async Task<BatchTaskFailureInfo?> DownloadAsync(
            IEnumerable<ResourceFile> files, string workingDirectory, int? uid, CancellationToken cancellationToken)
        {
            foreach (var file in files)
            {
                var failure = file switch
                {
                    { HttpUrl: { Length: > 0 } url } => await DownloadOneAsync(new Uri(url), Target(workingDirectory, file.FilePath ?? ""), file, uid, cancellationToken).ConfigureAwait(false),
                    { StorageContainerUrl: { Length: > 0 } container } => await DownloadContainerAsync(new Uri(container), workingDirectory, file, uid, cancellationToken).ConfigureAwait(false),
                    { AutoStorageContainerName: { Length: > 0 } name } => Failure("BlobDownloadMiscError",
                        $"The container '{name}' of the account's auto-storage account cannot be reached: the emulator has no linked storage account.", file),
                    _ => Failure("BlobDownloadMiscError", "The resource file has no source.", file),
                };
                if (failure is not null) return failure;
            }
            return null;
        }

        private async Task<BatchTaskFailureInfo?> DownloadContainerAsync(
            Uri container, string workingDirectory, ResourceFile file, int? uid, CancellationToken cancellationToken)
        {
            var names = new List<string>();
            string? marker = null;
            do
            {
                var list = AddQuery(container, "restype=container&comp=list" +
                    (file.BlobPrefix is { Length: > 0 } prefix ? "&prefix=" + Uri.EscapeDataString(prefix) : "") +
                    (marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker)));
                using var response = await _http.GetAsync(list, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) return FromStatus(response.StatusCode, container, file);
                var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                names.AddRange(xml.Descendants("Blob").Select(b => (string?)b.Element("Name")).OfType<string>());
                marker = (string?)xml.Root?.Element("NextMarker") is { Length: > 0 } next ? next : null;
            }
            while (marker is not null);

            foreach (var name in names)
            {
                var blob = new UriBuilder(container);
                blob.Path = blob.Path.TrimEnd('/') + "/" + string.Join("/", name.Split('/').Select(Uri.EscapeDataString));
                var failure = await DownloadOneAsync(blob.Uri, Target(workingDirectory, Path.Combine(file.FilePath ?? "", name)), file, uid, cancellationToken).ConfigureAwait(false);
                if (failure is not null) return failure;
            }
            return null;
        }

        private async Task<BatchTaskFailureInfo?> DownloadOneAsync(Uri url, string? target, ResourceFile file, int? uid, CancellationToken cancellationToken)
        {
            if (target is null) return Failure("ResourceFileCreateFailed", "The file path leaves the task's working directory.", file);
            try
            {
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) return FromStatus(response.StatusCode, url, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using (var output = File.Create(target))
                {
                    await response.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, Mode(file.FileMode));
                if (uid is { } owner) Sandbox.ChangeOwner(target, owner, recursive: false);
                return null;
            }
            catch (HttpRequestException e)
            {
                return Failure("BlobDownloadMiscError", $"Downloading {Redact(url)} failed: {e.HttpRequestError}.", file);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failure("BlobDownloadTimedOut", $"Downloading {Redact(url)} timed out.", file);
            }
            catch (IOException e)
            {
                return Failure("ResourceFileWriteFailed", $"Writing {file.FilePath} failed: {e.Message}", file);
            }
        }

        /// <summary>The full path of a working-directory-relative path, or null when it would leave that directory.</summary>
        private static string? Target(string workingDirectory, string relative)
        {
            if (relative.Length == 0 || Path.IsPathRooted(relative)) return null;
            var full = Path.GetFullPath(Path.Combine(workingDirectory, relative));
            return full.StartsWith(workingDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
        }

        private static UnixFileMode Mode(string? octal) =>
            octal is { Length: > 0 } && TryParseOctal(octal, out var mode) ? (UnixFileMode)mode : DefaultMode;

        private static bool TryParseOctal(string text, out int value)
        {
            value = 0;
            foreach (var c in text)
            {
                if (c is < '0' or > '7') return false;
                value = value * 8 + (c - '0');
            }
            return value <= 0xFFF;
        }

        private static BatchTaskFailureInfo FromStatus(HttpStatusCode status, Uri url, ResourceFile file) => status switch
        {
            HttpStatusCode.NotFound => Failure("BlobNotFound", $"The resource {Redact(url)} does not exist (404).", file),
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => Failure("BlobAccessDenied",
                $"Access to {Redact(url)} was denied ({(int)status}): check its SAS or the identity's role.", file),
            _ => Failure("BlobDownloadMiscError", $"Downloading {Redact(url)} failed with status {(int)status}.", file),
        };

        private static BatchTaskFailureInfo Failure(string code, string message, ResourceFile file) => new()
        {
            Category = BatchErrorSourceCategory.UserError,
            Code = code,
            Message = message,
            Details = [new NameValuePair { Name = "FilePath", Value = file.FilePath ?? "" }],
        };

        private static Uri AddQuery(Uri url, string query)
        {
            var builder = new UriBuilder(url);
            builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&" + query : query;
            return builder.Uri;
        }

        /// <summary>The URL without its query, which may carry a SAS.</summary>
        internal static string Redact(Uri url) => url.GetLeftPart(UriPartial.Path);
    }
}
