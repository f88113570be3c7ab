using System.Collections.Generic;

namespace ClusterlessHpc.Simulation
{
    /// <summary>What the node files API sees of one node: its root directory's tree.</summary>
    public interface INodeFiles
    {
        /// <summary>Whether these are a simulated node's files: nothing ran, so the start task's output is empty unless its syntax check failed.</summary>
        bool IsSimulated { get; }

        /// <summary>The entries directly under the root, or every entry below it.</summary>
        IReadOnlyList<NodeFileEntry> List(bool recursive);

        /// <summary>The entry at a path relative to the root, or null.</summary>
        NodeFileEntry? Find(string path);

        /// <summary>The bytes of a file.</summary>
        byte[] Read(string path);

        /// <summary>
        /// Deletes a file, or a directory: an empty one, or with <paramref name="recursive"/> everything in it.
        /// </summary>
        NodeFileDeletion Delete(string path, bool recursive);

        /// <summary>Forgets everything, as a reimage does.</summary>
        void Wipe();
    }

    /// <summary>What <see cref="INodeFiles.Delete"/> did.</summary>
    public enum NodeFileDeletion
    {
        Deleted,
        NotFound,
        DirectoryNotEmpty,
    }
}
