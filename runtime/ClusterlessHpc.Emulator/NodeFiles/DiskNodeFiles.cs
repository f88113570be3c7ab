using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.NodeFiles
{
    /// <summary>
    /// The files of an executed node: its sandbox folder on disk, which is the node's root directory. The emulator
    /// reads and deletes there with its own rights, while the node's start task (another user) can write links, so no
    /// path is followed through a link: a path to a link, or through one, is refused as a bad URL (the list leaves
    /// links out), and a file is read only when the file opened is inside the folder.
    /// </summary>
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

        public NodeFileEntry? Find(string path) => Resolve(path) is { } info ? Entry(info) : null;

        public byte[] Read(string path)
        {
            if (Resolve(path) is not FileInfo file) return [];
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // The folder may have changed since it was checked (a directory swapped for a link): what counts is the file opened.
            if (!IsInside(OpenedPath(stream))) throw new InvalidUrlException("The file opened is outside the node's folder.");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }

        public NodeFileDeletion Delete(string path, bool recursive)
        {
            var info = Resolve(path);
            if (info is null || info.FullName == RootPath) return NodeFileDeletion.NotFound;
            if (info is DirectoryInfo directory)
            {
                if (!recursive && directory.EnumerateFileSystemInfos().Any()) return NodeFileDeletion.DirectoryNotEmpty;
                // Links inside are removed as links; their targets are never entered.
                directory.Delete(recursive);
            }
            else
            {
                info.Delete();
            }
            return NodeFileDeletion.Deleted;
        }

        public void Wipe()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }

        private string RootPath => Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar);

        /// <summary>The entry at a node-relative path inside the root, or null when there is none.</summary>
        /// <exception cref="InvalidUrlException">The path leaves the root, or names or passes a link.</exception>
        private FileSystemInfo? Resolve(string path)
        {
            var root = RootPath;
            var full = Path.GetFullPath(Path.Combine(root, path.Trim('/')));
            if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidUrlException("The file path leaves the node's folder.");
            }
            var current = root;
            FileSystemInfo? info = new DirectoryInfo(root);
            foreach (var part in Path.GetRelativePath(root, full).Split(Path.DirectorySeparatorChar).Where(p => p != "."))
            {
                if (info is not DirectoryInfo) return null;
                current = Path.Combine(current, part);
                info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not null) throw new InvalidUrlException($"The file path passes the link '{part}'.");
                if (!info.Exists) return null;
            }
            return info;
        }

        private bool IsInside(string? path) =>
            path is not null && path.StartsWith(RealPath(RootPath) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>The path with every link on the way resolved (the nodes folder itself may lie below one, as /tmp can).</summary>
        private static string RealPath(string path)
        {
            var current = Path.GetPathRoot(path)!;
            foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                current = Path.Combine(current, part);
                if (new DirectoryInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target) current = RealPath(target.FullName);
            }
            return current;
        }

        /// <summary>Where the opened file really is, from the kernel's record of the handle (Linux); the name it was opened by elsewhere.</summary>
        private static string? OpenedPath(FileStream stream)
        {
            var handle = "/proc/self/fd/" + stream.SafeFileHandle.DangerousGetHandle().ToInt64().ToString(CultureInfo.InvariantCulture);
            if (!OperatingSystem.IsLinux() || !File.Exists(handle)) return stream.Name;
            return new FileInfo(handle).LinkTarget;
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
