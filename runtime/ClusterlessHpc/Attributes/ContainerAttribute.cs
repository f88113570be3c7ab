using System;

namespace ClusterlessHpc
{
    /// <summary>Makes a container pool whose nodes pull these images when they start (the seed's <c>_CONTAINER</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ContainerAttribute : Attribute
    {
        public ContainerAttribute(params string[] images) => Images = images;

        public string[] Images { get; }
    }
}
