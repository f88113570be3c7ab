// Language features the netstandard2.0 target needs types for.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
