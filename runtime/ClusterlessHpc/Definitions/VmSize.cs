namespace ClusterlessHpc
{
    /// <summary>Facts read off an Azure VM size name such as <c>Standard_D4ps_v5</c>.</summary>
    public static class VmSize
    {
        /// <summary>
        /// Whether the size is an Arm64 (Ampere or Cobalt) size. Azure marks those with a <c>p</c> among the
        /// feature letters after the vCPU count (<c>D4ps_v5</c>, <c>E8pds_v6</c>); family letters before the
        /// count (the <c>NP</c> FPGA family) do not count.
        /// </summary>
        public static bool IsArm64(string vmSize)
        {
            var name = vmSize.StartsWith("Standard_", System.StringComparison.OrdinalIgnoreCase)
                ? vmSize.Substring("Standard_".Length)
                : vmSize;
            var i = 0;
            while (i < name.Length && char.IsLetter(name[i])) i++;
            if (i == name.Length || !char.IsDigit(name[i])) return false;
            while (i < name.Length && (char.IsDigit(name[i]) || name[i] == '-')) i++;
            for (; i < name.Length && name[i] != '_'; i++)
            {
                if (char.ToLowerInvariant(name[i]) == 'p') return true;
            }
            return false;
        }
    }
}
