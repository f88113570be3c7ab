using System.Globalization;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- faults [runs] [seed] [parallelism] [retries] [inline|blob]</c>: the full fault run
/// (200 apply runs at 20 % failing requests, one at a time, Azure.Core's
/// default of 3 client retries, inline delivery; <c>blob</c> delivers the scripts through Azurite, whose requests fail too); prints the summary and exits 1 when a promise failed.
/// </summary>
public static class FaultsMode
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new FaultCampaignOptions
        {
            Runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200,
            Seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20261124,
            Parallelism = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1,
            MaxRetries = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3,
        };
        using var azurite = args.Length > 5 && args[5] == "blob" ? AzuriteProcess.StartAsync().GetAwaiter().GetResult() : null;
        options.BlobConnectionString = azurite?.ConnectionString;
        var result = FaultCampaign.RunAsync(options, output).GetAwaiter().GetResult();
        output.WriteLine(result.Summary());
        return result.Holds ? 0 : 1;
    }
}
