using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Prices of VM sizes per node-hour, by region, pay-as-you-go and Spot (Linux, USD): the table shipped with this
    /// package (<see cref="Default"/>, read from Azure's public retail prices on the dates its rows give) or a CSV file of
    /// the same shape (<see cref="Load"/>). Nothing is fetched: a simulation's cost is as current as its table.
    /// </summary>
    /// <remarks>
    /// The file is CSV with a header line, <c>vm_size,region,kind,usd_per_node_hour,date,source</c>; <c>kind</c> is
    /// <c>pay-as-you-go</c> or <c>spot</c>, <c>date</c> is <c>yyyy-MM-dd</c>, and <c>source</c> runs to the end of the line
    /// (a URL may hold commas). Lines starting with <c>#</c> and blank lines are skipped.
    /// </remarks>
    public sealed class VmPriceTable
    {
        /// <summary>The header line every price file starts with.</summary>
        public const string Header = "vm_size,region,kind,usd_per_node_hour,date,source";

        private const string ResourceName = "ClusterlessHpc.Simulation.Prices.vm-prices.csv";

        private static readonly Lazy<VmPriceTable> Shipped = new(LoadShipped);

        private VmPriceTable(IReadOnlyList<VmPrice> prices) => Prices = prices;

        /// <summary>The table shipped with the package.</summary>
        public static VmPriceTable Default => Shipped.Value;

        /// <summary>Every row, in file order.</summary>
        public IReadOnlyList<VmPrice> Prices { get; }

        /// <summary>Reads a price file; a bad line throws <see cref="InvalidDataException"/> naming the file, the line and the value: <c>prices.csv(3): ...</c>.</summary>
        public static VmPriceTable Load(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>Reads price CSV text; <paramref name="name"/> is how errors name it (a file name).</summary>
        public static VmPriceTable Parse(string text, string name)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(name);
            var prices = new List<VmPrice>();
            var seen = new Dictionary<(string, string, VmPriceKind), int>();
            var headerRead = false;
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                var line = lines[index].Trim();
                var number = index + 1;
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (!headerRead)
                {
                    if (!string.Equals(string.Join(',', line.Split(',').Select(cell => cell.Trim())), Header, StringComparison.OrdinalIgnoreCase))
                    {
                        throw Bad(name, number, $"the header is '{line}', not '{Header}'");
                    }
                    headerRead = true;
                    continue;
                }

                var price = ParseRow(name, number, line);
                var key = (price.VmSize.ToUpperInvariant(), price.Region.ToUpperInvariant(), price.Kind);
                if (seen.TryGetValue(key, out var first))
                {
                    throw Bad(name, number, $"{price.VmSize} {price.Region} {KindText(price.Kind)} is priced twice (lines {first} and {number})");
                }
                seen[key] = number;
                prices.Add(price);
            }
            if (!headerRead) throw new InvalidDataException($"{name}: no header line; a price file starts with '{Header}'.");
            return new VmPriceTable(prices);
        }

        /// <summary>The price of one node of <paramref name="vmSize"/> in <paramref name="region"/> (names compared ignoring case), or null.</summary>
        public VmPrice? Find(string vmSize, string region, VmPriceKind kind = VmPriceKind.PayAsYouGo) =>
            Prices.FirstOrDefault(price => price.Kind == kind &&
                string.Equals(price.VmSize, vmSize, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(price.Region, region, StringComparison.OrdinalIgnoreCase));

        /// <summary>The regions the table prices <paramref name="vmSize"/> in, in file order.</summary>
        public IReadOnlyList<string> RegionsOf(string vmSize, VmPriceKind kind = VmPriceKind.PayAsYouGo) =>
            Prices.Where(price => price.Kind == kind && string.Equals(price.VmSize, vmSize, StringComparison.OrdinalIgnoreCase))
                .Select(price => price.Region).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>"pay-as-you-go" or "spot", as the file spells them.</summary>
        public static string KindText(VmPriceKind kind) => kind == VmPriceKind.Spot ? "spot" : "pay-as-you-go";

        private static VmPrice ParseRow(string name, int number, string line)
        {
            // The source is the last column and may itself hold commas (a URL's query).
            var cells = line.Split(',', 6);
            if (cells.Length < 6) throw Bad(name, number, $"'{line}' has {cells.Length} of the 6 columns {Header}");
            var (vmSize, region, kindText, priceText, dateText, source) = (cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), cells[4].Trim(), cells[5].Trim());
            if (vmSize.Length == 0) throw Bad(name, number, "vm_size is empty");
            if (region.Length == 0) throw Bad(name, number, "region is empty");
            VmPriceKind kind;
            if (string.Equals(kindText, "pay-as-you-go", StringComparison.OrdinalIgnoreCase)) kind = VmPriceKind.PayAsYouGo;
            else if (string.Equals(kindText, "spot", StringComparison.OrdinalIgnoreCase)) kind = VmPriceKind.Spot;
            else throw Bad(name, number, $"kind '{kindText}' is neither pay-as-you-go nor spot");
            if (!decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd))
            {
                throw Bad(name, number, $"usd_per_node_hour '{priceText}' is not a price in US dollars such as 0.148");
            }
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Bad(name, number, $"date '{dateText}' is not a day such as 2026-12-07");
            }
            if (source.Length == 0) throw Bad(name, number, "source is empty; say where the price was read");
            return new VmPrice(vmSize, region, kind, usd, date, source);
        }

        // FILE(line): as the formula and workload readers name a place in a file.
        private static InvalidDataException Bad(string name, int line, string problem) => new($"{name}({line}): {problem}.");

        private static VmPriceTable LoadShipped()
        {
            using var stream = typeof(VmPriceTable).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The package's price table ({ResourceName}) is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), "vm-prices.csv (shipped)");
        }
    }
}
