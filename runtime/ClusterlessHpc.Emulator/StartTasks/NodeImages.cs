using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// The files custom images bring to executed nodes (<see cref="BatchEmulatorOptions.ImageFiles"/>): a folder per image
    /// id, laid out as a node's root filesystem. The sandbox lays each top-level folder read-only over the host's folder of
    /// that name (an overlay mount), and a node's own <c>/usr/local/bin</c> starts as a copy of the image's.
    /// </summary>
    internal sealed class NodeImages
    {
        // The kernel's and the sandbox's own folders: an image cannot replace them.
        private static readonly string[] Reserved = ["proc", "sys", "dev", "run", "tmp", "var"];

        private readonly Dictionary<string, string> _folders;

        /// <exception cref="ArgumentException">A folder is missing, or holds something that cannot be laid over this host.</exception>
        public NodeImages(IDictionary<string, string> folders)
        {
            _folders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (imageId, folder) in folders)
            {
                var full = Path.GetFullPath(folder);
                if (!Directory.Exists(full)) throw new ArgumentException($"ImageFiles[\"{imageId}\"]: the folder {full} does not exist.", nameof(folders));
                // The overlay mount's options list folders separated by ':' and ','.
                if (full.IndexOfAny([':', ',']) >= 0) throw new ArgumentException($"ImageFiles[\"{imageId}\"]: the folder {full} has ':' or ',' in its path.", nameof(folders));
                foreach (var entry in Directory.EnumerateFileSystemEntries(full))
                {
                    var name = Path.GetFileName(entry);
                    if (!Directory.Exists(entry) || new FileInfo(entry).LinkTarget is not null)
                    {
                        throw new ArgumentException($"ImageFiles[\"{imageId}\"]: {entry} is not a folder; an image's files go in folders such as usr/ and opt/.", nameof(folders));
                    }
                    if (Reserved.Contains(name, StringComparer.Ordinal) || !Directory.Exists("/" + name))
                    {
                        throw new ArgumentException($"ImageFiles[\"{imageId}\"]: {entry} cannot be laid over this host's /{name}.", nameof(folders));
                    }
                }
                _folders[imageId] = full;
            }
        }

        public static NodeImages None { get; } = new(new Dictionary<string, string>());

        /// <summary>The folder of <paramref name="imageId"/>'s files, or null when the image brings none.</summary>
        public string? FolderFor(string? imageId) => imageId is not null && _folders.TryGetValue(imageId, out var folder) ? folder : null;

        /// <summary>Copies the image's <c>usr/local/bin</c> (files with their modes, and links as links) into a node's new one.</summary>
        public static void CopyLocalBin(string? imageFolder, string nodeLocalBin)
        {
            var source = imageFolder is null ? null : Path.Combine(imageFolder, "usr", "local", "bin");
            if (source is null || !Directory.Exists(source)) return;
            foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
            {
                var target = Path.Combine(nodeLocalBin, entry.Name);
                if (entry.LinkTarget is { } link) File.CreateSymbolicLink(target, link);
                else if (entry is FileInfo file) file.CopyTo(target);
            }
        }
    }
}
