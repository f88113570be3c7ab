namespace ClusterlessHpc.Generator.Model
{
    /// <summary>
    /// What the generator knows of one pool class: names as strings and the shared <see cref="PoolDefinition"/>,
    /// which compares by value, and the pool's simulation expectations beside it (never in it: they change no pool).
    /// No symbol, syntax node or compilation is reachable from it (a test walks it).
    /// </summary>
    internal sealed record PoolModel(
        string? Namespace,
        string ClassName,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        PoolDefinition Definition,
        bool IsEmittable,
        bool IsStatic = false,
        string Keyword = "class",
        EquatableArray<SimulationExpectation> Expectations = default)
    {
        /// <summary>The class's name as C# writes it with <c>global::</c>.</summary>
        public string FullyQualifiedName
        {
            get
            {
                var name = "global::" + (Namespace is null ? "" : Namespace + ".");
                foreach (var type in ContainingTypes) name += type.Name + ".";
                return name + ClassName;
            }
        }
    }

    /// <summary>A type the pool class is nested in: its keyword (<c>class</c>, <c>struct</c>, ...) and name with type parameters.</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);
}
