using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// Azurite's blob service: the copy <c>.ci/run</c> installs under the repository's <c>.tools</c>, in memory, on a free
/// loopback port, with its documented development account or an account and key of the caller's (a canary key, say).
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int port, string account, string key)
    {
        _process = process;
        ServiceUri = new Uri($"http://127.0.0.1:{port}/{account}");
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};BlobEndpoint={ServiceUri};";
    }

    public Uri ServiceUri { get; }

    /// <summary>A connection string with the account key.</summary>
    public string ConnectionString { get; }

    /// <param name="account">An account of the caller's (with <paramref name="key"/>, base64), else Azurite's development account.</param>
    public static async Task<AzuriteProcess> StartAsync(string? account = null, string? key = null)
    {
        var program = Path.Combine(Testing.RepositoryRoot.Path, ".tools", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(program)) throw new InvalidOperationException($"Azurite is not at {program}: run .ci/run, or npm install --prefix .tools azurite@3.37.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (account is not null) start.Environment["AZURITE_ACCOUNTS"] = $"{account}:{key}";
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence",
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }
        var azurite = new AzuriteProcess(Process.Start(start)!, port, account ?? DevelopmentAccount, account is null ? DevelopmentKey : key!);
        _ = azurite._process.StandardOutput.ReadToEndAsync();
        _ = azurite._process.StandardError.ReadToEndAsync();
        var service = new BlobServiceClient(azurite.ConnectionString);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100).ConfigureAwait(false))
        {
            try
            {
                await service.GetPropertiesAsync().ConfigureAwait(false);
                return azurite;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException && DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
