using System.Collections.Generic;

namespace ClusterlessHpc.Emulator.NodeFiles
{
    /// <summary>What the node files API sees of one node: its root directory's tree.</summary>
    internal interface INodeFiles
    {
        /// <summary>The entries directly under the root, or every entry below it.</summary>
        IReadOnlyList<NodeFileEntry> List(bool recursive);

        /// <summary>The entry at a path relative to the root, or null.</summary>
        NodeFileEntry? Find(string path);

        /// <summary>The bytes of a file.</summary>
        byte[] Read(string path);

        /// <summary>Forgets everything, as a reimage does.</summary>
        void Wipe();
    }
}
