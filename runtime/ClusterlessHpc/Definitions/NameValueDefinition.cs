namespace ClusterlessHpc
{
    /// <summary>A name and a value: a start-task environment variable or a pool metadata item.</summary>
    public sealed record NameValueDefinition(string Name, string Value);
}
