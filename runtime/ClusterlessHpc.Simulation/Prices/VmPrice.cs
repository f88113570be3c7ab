using System;
using System.Globalization;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// One row of a <see cref="VmPriceTable"/>: what one node of a VM size costs per hour in a region (Linux, USD), where
    /// the number was read and on which day.
    /// </summary>
    /// <param name="VmSize">The VM size, such as <c>Standard_E2s_v3</c>.</param>
    /// <param name="Region">The region's ARM name, such as <c>westeurope</c>.</param>
    /// <param name="Kind">Pay-as-you-go (dedicated nodes) or Spot (low-priority nodes).</param>
    /// <param name="UsdPerNodeHour">The price of one node for one hour, in US dollars.</param>
    /// <param name="Date">The day the price was read from its source.</param>
    /// <param name="Source">Where the price was read: a URL, or the file a user gave.</param>
    public sealed record VmPrice(string VmSize, string Region, VmPriceKind Kind, decimal UsdPerNodeHour, DateOnly Date, string Source)
    {
        /// <summary>Whether the price is a snapshot of one that varies (Spot prices follow demand).</summary>
        public bool IsSnapshot => Kind == VmPriceKind.Spot;

        /// <summary>"$0.1600 per node-hour (Standard_E2s_v3, westeurope, pay-as-you-go, read 2026-10-02 from https://…)".</summary>
        public override string ToString()
        {
            var kind = Kind == VmPriceKind.Spot ? "Spot, a snapshot of a variable price" : "pay-as-you-go";
            return string.Create(CultureInfo.InvariantCulture, $"${UsdPerNodeHour:0.0000} per node-hour ({VmSize}, {Region}, {kind}, read {Date:yyyy-MM-dd} from {Source})");
        }
    }
}
