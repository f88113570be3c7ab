namespace ClusterlessHpc.Simulation
{
    /// <summary>How a node is bought: the price list a <see cref="VmPrice"/> comes from.</summary>
    public enum VmPriceKind
    {
        /// <summary>Pay-as-you-go: the price of a dedicated node.</summary>
        PayAsYouGo,

        /// <summary>Spot: the price of a low-priority (Spot) node. Azure changes it with demand, so a table holds a snapshot.</summary>
        Spot,
    }
}
