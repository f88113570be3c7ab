using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ClusterlessHpc.Emulator.NodeFiles
{
    /// <summary>The files of an executed node: its sandbox folder on disk, which is the node's root directory.</summary>
    internal sealed class DiskNodeFiles : INodeFiles
    {
        public DiskNodeFiles(string root) => Root = root;

        public string Root { get; }

        public bool IsSimulated => false;

        public IReadOnlyList<NodeFileEntry> List(bool recursive)
        {
            var directory = new DirectoryInfo(Root);
            if (!directory.Exists) return [];
            var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = true };
            return directory.EnumerateFileSystemInfos("*", options)
                .Where(i => i.LinkTarget is null)
                .Select(Entry)
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
        }

        public NodeFileEntry? Find(string path)
        {
            var full = Resolve(path);
            if (full is null) return null;
            FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            return info.Exists && info.LinkTarget is null ? Entry(info) : null;
        }

        public byte[] Read(string path) => Resolve(path) is { } full ? File.ReadAllBytes(full) : [];

        public void Wipe()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }

        /// <summary>The full path of a node-relative path, or null when it would leave the root.</summary>
        private string? Resolve(string path)
        {
            var full = Path.GetFullPath(Path.Combine(Root, path.Trim('/')));
            var root = Path.GetFullPath(Root);
            return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
        }

        private NodeFileEntry Entry(FileSystemInfo info)
        {
            var name = Path.GetRelativePath(Root, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
            var isDirectory = info is DirectoryInfo;
            var type = isDirectory ? 0x4000 : 0x8000;
            var mode = OperatingSystem.IsWindows() ? null : "0" + Convert.ToString(type | (int)info.UnixFileMode, 8).ToString(CultureInfo.InvariantCulture);
            return new NodeFileEntry(
                name,
                isDirectory,
                new DateTimeOffset(info.CreationTimeUtc, TimeSpan.Zero),
                new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
                info is FileInfo file ? file.Length : 0,
                mode);
        }
    }
}
