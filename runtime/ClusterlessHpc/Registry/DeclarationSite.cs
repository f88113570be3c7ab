using System.Globalization;

namespace ClusterlessHpc
{
    /// <summary>
    /// Where one attribute of a pool was written, as the generator recorded it: the file relative to the project's folder,
    /// the 1-based line and column of the attribute's name, and a short form of the attribute
    /// (<c>[JuliaPackage("JOLI", ...)]</c>). It names declarations in errors only: it is not part of the definition, its
    /// equality, its script or its hash, so moving a declaration changes no pool.
    /// </summary>
    public sealed class DeclarationSite
    {
        public DeclarationSite(string target, string path, int line, int column, string attribute)
        {
            Target = target;
            Path = path;
            Line = line;
            Column = column;
            Attribute = attribute;
        }

        /// <summary>Which declaration: the attribute's name and, for a repeatable one, its index in declaration order (<c>JuliaPackage[1].Attribute</c>).</summary>
        public string Target { get; }

        /// <summary>The file, relative to the project's folder when the build said where that is.</summary>
        public string Path { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The attribute as written, shortened: its name and first argument (<c>[JuliaPackage("JOLI", ...)]</c>).</summary>
        public string Attribute { get; }

        /// <summary>As a compiler names a place: <c>Pools.cs(12,2): [JuliaPackage("JOLI", ...)]</c>.</summary>
        public override string ToString() =>
            $"{Path}({Line.ToString(CultureInfo.InvariantCulture)},{Column.ToString(CultureInfo.InvariantCulture)}): {Attribute}";
    }
}
