using System;
using System.Collections.Generic;
using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The files of a simulated node, in memory: the directories a node has (<c>shared</c>, <c>startup</c>,
    /// <c>startup/wd</c>) and the start task's <c>stdout.txt</c> and <c>stderr.txt</c> once it has run.
    /// </summary>
    public sealed class VirtualNodeFiles : INodeFiles
    {
        private static readonly string[] NodeDirectories = ["shared", "startup", "startup/wd"];

        private readonly object _gate = new();
        private readonly Dictionary<string, (byte[] Bytes, DateTimeOffset Created, DateTimeOffset Modified)> _files = new(StringComparer.Ordinal);
        private readonly List<string> _directories = [.. NodeDirectories];
        private DateTimeOffset _created;

        public VirtualNodeFiles(DateTimeOffset created) => _created = created;

        public bool IsSimulated => true;

        /// <summary>The files, for the model's saved state.</summary>
        public List<SavedFile> Save()
        {
            lock (_gate)
            {
                return _files.OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => new SavedFile { Name = f.Key, Content = f.Value.Bytes, Created = f.Value.Created, Modified = f.Value.Modified })
                    .ToList();
            }
        }

        public DateTimeOffset Created
        {
            get
            {
                lock (_gate) return _created;
            }
        }

        public void Write(string path, byte[] bytes, DateTimeOffset at)
        {
            lock (_gate)
            {
                var created = _files.TryGetValue(path, out var existing) ? existing.Created : at;
                _files[path] = (bytes, created, at);
            }
        }

        public IReadOnlyList<NodeFileEntry> List(bool recursive)
        {
            lock (_gate)
            {
                var entries = _directories.Select(d => new NodeFileEntry(d, true, _created, _created, 0, null))
                    .Concat(_files.Select(f => new NodeFileEntry(f.Key, false, f.Value.Created, f.Value.Modified, f.Value.Bytes.LongLength, "0100644")));
                return entries.Where(e => recursive || !e.Name.Contains('/', StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
        }

        public NodeFileEntry? Find(string path) =>
            List(recursive: true).FirstOrDefault(e => e.Name == path.Trim('/'));

        public byte[] Read(string path)
        {
            lock (_gate) return _files.TryGetValue(path.Trim('/'), out var file) ? file.Bytes : [];
        }

        public NodeFileDeletion Delete(string path, bool recursive)
        {
            var name = path.Trim('/');
            lock (_gate)
            {
                if (_files.Remove(name)) return NodeFileDeletion.Deleted;
                if (!_directories.Contains(name)) return NodeFileDeletion.NotFound;
                var prefix = name + "/";
                var below = _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                    .Concat(_directories.Where(d => d.StartsWith(prefix, StringComparison.Ordinal)))
                    .ToList();
                if (below.Count > 0 && !recursive) return NodeFileDeletion.DirectoryNotEmpty;
                foreach (var key in below) _files.Remove(key);
                _directories.RemoveAll(d => d == name || d.StartsWith(prefix, StringComparison.Ordinal));
                return NodeFileDeletion.Deleted;
            }
        }

        /// <summary>A reimaged node has its directories again, and nothing in them.</summary>
        public void Wipe()
        {
            lock (_gate)
            {
                _files.Clear();
                _directories.Clear();
                _directories.AddRange(NodeDirectories);
            }
        }

        /// <summary>Restores what <see cref="Save"/> gave, after a restart.</summary>
        public void Restore(DateTimeOffset created, IEnumerable<SavedFile> files)
        {
            lock (_gate)
            {
                _created = created;
                foreach (var file in files) _files[file.Name] = (file.Content, file.Created, file.Modified);
            }
        }
    }
}
