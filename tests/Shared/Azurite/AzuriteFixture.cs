using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace ClusterlessHpc.Testing
{
    /// <summary>
    /// Azurite's blob service on 127.0.0.1 for the tests of a class: installed under the repository's <c>.tools</c> by
    /// <c>.ci/run</c> (<c>npm install --prefix .tools azurite@3.37</c>), in memory, on a free port, stopped afterwards.
    /// Test projects that use it compile this folder (tests/Shared/Azurite) explicitly: it needs Azure.Storage.Blobs.
    /// </summary>
    public sealed class AzuriteFixture : IAsyncLifetime
    {
        /// <summary>Azurite's documented development account.</summary>
        public const string Account = "devstoreaccount1";

        /// <summary>The development account's published key.</summary>
        public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        private Process? _azurite;

        public BlobServiceClient Service { get; private set; } = null!;

        /// <summary>The blob endpoint, path-style: <c>http://127.0.0.1:PORT/devstoreaccount1</c>.</summary>
        public Uri ServiceUri { get; private set; } = null!;

        /// <summary>A connection string with the account key, as <c>Storage:ConnectionString</c> takes it.</summary>
        public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint={ServiceUri};";

        public async ValueTask InitializeAsync()
        {
            var program = Path.Combine(RepositoryRoot.Path, ".tools", "node_modules", ".bin", "azurite-blob");
            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"Azurite is not installed at {program}: run .ci/run, or npm install --prefix .tools azurite@3.37.");
            }
            var port = FreePort();
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
            {
                start.ArgumentList.Add(argument);
            }
            _azurite = Process.Start(start)!;
            _ = _azurite.StandardOutput.ReadToEndAsync();
            _ = _azurite.StandardError.ReadToEndAsync();

            var credential = new StorageSharedKeyCredential(Account, Key);
            ServiceUri = new Uri($"http://127.0.0.1:{port}/{Account}");
            Service = new BlobServiceClient(ServiceUri, credential);
            // Node takes a while to start Azurite on a loaded machine; probe without the client's own retries, which
            // would otherwise spend the deadline backing off from the first refused connection.
            var probeOptions = new BlobClientOptions();
            probeOptions.Retry.MaxRetries = 0;
            var probe = new BlobServiceClient(ServiceUri, credential, probeOptions);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (true)
            {
                try
                {
                    await probe.GetPropertiesAsync();
                    return;
                }
                catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }

        /// <summary>A container holding these blobs.</summary>
        public async Task<BlobContainerClient> ContainerAsync(params (string Name, string Content)[] blobs)
        {
            var container = Service.GetBlobContainerClient("c" + Guid.NewGuid().ToString("N"));
            await container.CreateAsync();
            foreach (var (name, content) in blobs) await container.UploadBlobAsync(name, BinaryData.FromString(content));
            return container;
        }

        /// <summary>A read SAS for a blob, as a user would hand a resource file.</summary>
        public static Uri ReadUrl(BlobContainerClient container, string blob) =>
            container.GetBlobClient(blob).GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));

        /// <summary>A read and list SAS for a container.</summary>
        public static Uri ListUrl(BlobContainerClient container) =>
            container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1));

        public ValueTask DisposeAsync()
        {
            if (_azurite is { HasExited: false })
            {
                _azurite.Kill(entireProcessTree: true);
                _azurite.WaitForExit(5000);
            }
            _azurite?.Dispose();
            return ValueTask.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
