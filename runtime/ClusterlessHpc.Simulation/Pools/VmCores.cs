using System;
using System.Globalization;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The vCPUs of a VM size, read off its name as Azure writes it: the digits after the family letters
    /// (<c>Standard_E8s_v3</c> has 8, <c>Standard_NC24ads_A100_v4</c> 24). A name without digits counts as one core.
    /// </summary>
    internal static class VmCores
    {
        public static int Of(string? vmSize)
        {
            if (string.IsNullOrEmpty(vmSize)) return 1;
            var name = vmSize.StartsWith("Standard_", StringComparison.OrdinalIgnoreCase) ? vmSize["Standard_".Length..] : vmSize;
            var start = 0;
            while (start < name.Length && char.IsAsciiLetter(name[start])) start++;
            var end = start;
            while (end < name.Length && char.IsAsciiDigit(name[end])) end++;
            return end > start && int.TryParse(name.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var cores) && cores > 0 ? cores : 1;
        }
    }
}
