using System;

namespace ClusterlessHpc
{
    /// <summary>An environment variable of the start task (and so of the startup script).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvironmentVariableAttribute : Attribute
    {
        public EnvironmentVariableAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }
        public string Value { get; }
    }
}
