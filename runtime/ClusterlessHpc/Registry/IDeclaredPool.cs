namespace ClusterlessHpc
{
    /// <summary>A class declared with <c>[BatchPool]</c>; the generator implements it, so a pool class can be a type argument.</summary>
    public interface IDeclaredPool
    {
        /// <summary>The pool the class's attributes declare.</summary>
        static abstract PoolDefinition Definition { get; }
    }
}
