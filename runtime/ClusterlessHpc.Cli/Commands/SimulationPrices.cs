using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// The node prices a simulation's cost uses and a sentence saying where they came from: <c>--price</c> (every node),
    /// else the row of <c>--prices FILE</c> or of the shipped table for the VM size in the <c>--region</c>.
    /// </summary>
    internal sealed record SimulationPrices(decimal? Dedicated, decimal? Spot, IReadOnlyList<string> Notes)
    {
        /// <summary>Null with <paramref name="error"/> set when the price file cannot be read or the region is ambiguous.</summary>
        public static SimulationPrices? Resolve(CliConsole console, string vmSize, string? region, string? pricesFile, decimal? price, out string? error)
        {
            error = null;
            if (price is { } given)
            {
                return new SimulationPrices(given, given, [string.Create(CultureInfo.InvariantCulture, $"price: ${given:0.0000} per node-hour for every node, from --price")]);
            }

            VmPriceTable table;
            string tableName;
            if (pricesFile is null)
            {
                table = VmPriceTable.Default;
                tableName = "the shipped price table";
            }
            else
            {
                try
                {
                    table = VmPriceTable.Load(console.FullPath(pricesFile));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error = $"--prices {pricesFile}: cannot be read: {exception.Message}";
                    return null;
                }
                catch (InvalidDataException exception)
                {
                    // The message names the full path; the user typed the relative one.
                    error = exception.Message.Replace(console.FullPath(pricesFile), pricesFile, StringComparison.Ordinal);
                    return null;
                }
                tableName = pricesFile;
            }

            if (region is null)
            {
                var regions = new List<string>(table.RegionsOf(vmSize));
                foreach (var spotRegion in table.RegionsOf(vmSize, VmPriceKind.Spot))
                {
                    if (!regions.Exists(r => string.Equals(r, spotRegion, StringComparison.OrdinalIgnoreCase))) regions.Add(spotRegion);
                }
                if (regions.Count > 1)
                {
                    error = $"{tableName} prices {vmSize} in {string.Join(", ", regions)}: choose one with --region.";
                    return null;
                }
                if (regions.Count == 0)
                {
                    return new SimulationPrices(null, null, [$"price: {tableName} has no price for {vmSize}; no cost is computed (give --price USD_PER_NODE_HOUR or --prices FILE)"]);
                }
                region = regions[0];
            }

            var dedicated = table.Find(vmSize, region);
            var spot = table.Find(vmSize, region, VmPriceKind.Spot);
            var notes = new List<string>
            {
                dedicated is null ? $"price: {tableName} has no pay-as-you-go price for {vmSize} in {region}" : $"price: dedicated nodes {dedicated}",
                spot is null ? $"price: {tableName} has no Spot price for {vmSize} in {region}" : $"price: low-priority nodes {spot}",
            };
            return new SimulationPrices(dedicated?.UsdPerNodeHour, spot?.UsdPerNodeHour, notes);
        }
    }
}
