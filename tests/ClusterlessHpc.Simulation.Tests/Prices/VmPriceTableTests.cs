namespace ClusterlessHpc.Simulation.Tests.Prices
{
    /// <summary>The price table: lookup by size, region and kind; files of the same shape; bad lines named by file, line and value.</summary>
    public sealed class VmPriceTableTests
    {
        private const string Table = """
            # a comment, then the header
            vm_size,region,kind,usd_per_node_hour,date,source
            Standard_E2s_v3,westeurope,pay-as-you-go,0.15,2026-12-01,https://example.test/prices?$filter=a eq 'b',c
            Standard_E2s_v3,westeurope,spot,0.03,2026-12-01,https://example.test/spot

            Standard_E2s_v3,eastus,pay-as-you-go,0.12,2026-11-30,my own quote
            """;

        [Fact]
        public void Finds_a_row_by_size_region_and_kind_ignoring_case()
        {
            var table = VmPriceTable.Parse(Table, "t.csv");
            var payAsYouGo = table.Find("standard_e2s_V3", "WestEurope");
            Assert.NotNull(payAsYouGo);
            Assert.Equal(0.15m, payAsYouGo.UsdPerNodeHour);
            Assert.Equal(new DateOnly(2026, 12, 1), payAsYouGo.Date);
            // The source is the rest of the line: a URL's commas stay in it.
            Assert.Equal("https://example.test/prices?$filter=a eq 'b',c", payAsYouGo.Source);
            Assert.False(payAsYouGo.IsSnapshot);

            var spot = table.Find("Standard_E2s_v3", "westeurope", VmPriceKind.Spot);
            Assert.NotNull(spot);
            Assert.Equal(0.03m, spot.UsdPerNodeHour);
            Assert.True(spot.IsSnapshot);
            Assert.Contains("snapshot of a variable price", spot.ToString(), StringComparison.Ordinal);

            Assert.Equal(0.12m, table.Find("Standard_E2s_v3", "eastus")!.UsdPerNodeHour);
            Assert.Null(table.Find("Standard_E2s_v3", "eastus", VmPriceKind.Spot));
            Assert.Null(table.Find("Standard_E4s_v3", "westeurope"));
            Assert.Equal(["westeurope", "eastus"], table.RegionsOf("Standard_E2s_v3"));
        }

        [Fact]
        public void Load_reads_a_file_of_the_same_shape()
        {
            var path = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.csv");
            File.WriteAllText(path, Table);
            try
            {
                var table = VmPriceTable.Load(path);
                Assert.Equal(3, table.Prices.Count);
                Assert.Equal("my own quote", table.Find("Standard_E2s_v3", "eastus")!.Source);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData("Standard_E2s_v3,westeurope,pay-as-you-go,cheap,2026-12-01,x", "(3)", "'cheap'")]
        [InlineData("Standard_E2s_v3,westeurope,pay-as-you-go,-0.1,2026-12-01,x", "(3)", "'-0.1'")]
        [InlineData("Standard_E2s_v3,westeurope,reserved,0.1,2026-12-01,x", "(3)", "kind 'reserved'")]
        [InlineData("Standard_E2s_v3,westeurope,spot,0.1,07/12/2026,x", "(3)", "date '07/12/2026'")]
        [InlineData("Standard_E2s_v3,westeurope,spot,0.1,2026-12-01,", "(3)", "source is empty")]
        [InlineData("Standard_E2s_v3,westeurope,spot,0.1", "(3)", "'Standard_E2s_v3,westeurope,spot,0.1' has 4 of the 6 columns")]
        [InlineData("Standard_E2s_v3,westeurope,spot,0.1,2026-12-01,x\nStandard_E2s_v3,WESTEUROPE,spot,0.2,2026-12-01,y", "(4)", "priced twice (lines 3 and 4)")]
        public void A_bad_line_is_named_by_file_line_and_value(string row, string line, string value)
        {
            var text = "# prices\nvm_size,region,kind,usd_per_node_hour,date,source\n" + row + "\n";
            var error = Assert.Throws<InvalidDataException>(() => VmPriceTable.Parse(text, "mine.csv"));
            Assert.StartsWith($"mine.csv{line}: ", error.Message, StringComparison.Ordinal);
            Assert.Contains(value, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_file_without_the_header_is_refused_at_its_first_line()
        {
            var error = Assert.Throws<InvalidDataException>(() => VmPriceTable.Parse("\nStandard_E2s_v3,westeurope,spot,0.1,2026-12-01,x\n", "mine.csv"));
            Assert.StartsWith("mine.csv(2): the header is 'Standard_E2s_v3,westeurope,spot,0.1,2026-12-01,x'", error.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidDataException>(() => VmPriceTable.Parse("# only a comment\n", "empty.csv"));
        }

        [Fact]
        public void The_shipped_table_loads_and_every_row_says_where_and_when_its_price_was_read()
        {
            var table = VmPriceTable.Default;
            Assert.NotEmpty(table.Prices);
            foreach (var price in table.Prices)
            {
                Assert.StartsWith("https://", price.Source, StringComparison.Ordinal);
                Assert.Contains("Azure Retail Prices API", price.Source, StringComparison.Ordinal);
                Assert.InRange(price.Date, new DateOnly(2020, 1, 1), DateOnly.FromDateTime(DateTime.UtcNow));
                Assert.True(price.UsdPerNodeHour > 0, price.ToString());
                // A Spot row says in the file, not only in the code, that its price is a snapshot.
                Assert.Equal(price.Kind == VmPriceKind.Spot, price.IsSnapshot);
                Assert.Equal(price.Kind == VmPriceKind.Spot, price.Source.Contains("a snapshot of a variable price", StringComparison.Ordinal));
                Assert.Equal(price.Kind == VmPriceKind.Spot, price.ToString().Contains("Spot, a snapshot of a variable price", StringComparison.Ordinal));
            }
        }

        // The catalogue's default, the samples' sizes (samples/Quickstart/Pools.cs), the legacy parameter files' sizes and
        // the Arm64 size the pools page uses, in the region the docs name.
        [Theory]
        [InlineData(AutoScaleSimulation.DefaultVmSize)]
        [InlineData("Standard_E4s_v3")]
        [InlineData("Standard_E8s_v3")]
        [InlineData("Standard_D4s_v5")]
        [InlineData("Standard_D4ps_v5")]
        public void The_shipped_table_prices_each_documented_size_in_westeurope_pay_as_you_go_and_spot(string vmSize)
        {
            var table = VmPriceTable.Default;
            var payAsYouGo = table.Find(vmSize, "westeurope");
            var spot = table.Find(vmSize, "westeurope", VmPriceKind.Spot);
            Assert.NotNull(payAsYouGo);
            Assert.NotNull(spot);
            Assert.True(spot.UsdPerNodeHour < payAsYouGo.UsdPerNodeHour, $"{spot} is not below {payAsYouGo}");
            // One region only, so chpc needs no --region for these sizes.
            Assert.Equal(["westeurope"], table.RegionsOf(vmSize));
        }
    }
}
