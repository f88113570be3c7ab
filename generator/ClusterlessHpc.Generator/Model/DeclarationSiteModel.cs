namespace ClusterlessHpc.Generator.Model
{
    /// <summary>
    /// Where one attribute of a pool was written: its whole-attribute target (<c>JuliaPackage[1].Attribute</c>), the file as
    /// the compilation names it, the 1-based line and column of the attribute's name, and the attribute shortened
    /// (<c>[JuliaPackage("JOLI", ...)]</c>). Kept beside the pool's model, never in it: a declaration that only moved
    /// changes no model and no generated definition or script.
    /// </summary>
    internal sealed record DeclarationSiteModel(string Target, string FilePath, int Line, int Column, string Attribute);

    /// <summary>The sites of one pool class.</summary>
    internal sealed record PoolSitesModel(string FullyQualifiedName, EquatableArray<DeclarationSiteModel> Sites);

    /// <summary>What binding a pool class makes: its model, and apart from it the places its attributes were written.</summary>
    internal sealed record BoundPool(PoolModel Model, PoolSitesModel Sites);
}
