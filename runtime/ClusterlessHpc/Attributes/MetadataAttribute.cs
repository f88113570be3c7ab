using System;

namespace ClusterlessHpc
{
    /// <summary>A pool metadata item, which Batch stores and does not interpret.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MetadataAttribute : Attribute
    {
        public MetadataAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }
        public string Value { get; }
    }
}
