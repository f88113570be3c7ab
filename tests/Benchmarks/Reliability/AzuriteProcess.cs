using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// Azurite's blob service for a benchmark run: the copy <c>.ci/run</c> installs under the repository's <c>.tools</c>, in
/// memory, on a free loopback port, with its documented development account.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/{Account};";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync()
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
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence",
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }
        var azurite = new AzuriteProcess(Process.Start(start)!, port);
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
