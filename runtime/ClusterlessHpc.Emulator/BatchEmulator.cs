using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Auth;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Hosting;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Routes;
using ClusterlessHpc.Emulator.Simulation;
using ClusterlessHpc.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator
{
    /// <summary>
    /// A local Azure Batch account on 127.0.0.1: the Batch REST API (api-version 2024-07-01.20.0) for pools and nodes,
    /// Shared Key authentication, and nodes that walk through creating, starting and their start task on a clock.
    /// <code>
    /// await using var emulator = await BatchEmulator.StartAsync();
    /// var client = new BatchClient(emulator.Endpoint, emulator.Credential);
    /// </code>
    /// </summary>
    public sealed class BatchEmulator : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly StartTaskSimulator _simulator;
        private int _disposed;

        private BatchEmulator(WebApplication app, StartTaskSimulator simulator, Uri endpoint, BatchEmulatorOptions settings)
        {
            _app = app;
            _simulator = simulator;
            Endpoint = endpoint;
            AccountName = settings.AccountName;
            Credential = new AzureNamedKeyCredential(settings.AccountName, settings.AccountKey);
        }

        /// <summary>The account URL, path-style: <c>http://127.0.0.1:PORT/</c>.</summary>
        public Uri Endpoint { get; }

        /// <summary>The one account this emulator serves.</summary>
        public string AccountName { get; }

        /// <summary>The account name and key, for <c>new BatchClient(emulator.Endpoint, emulator.Credential)</c>.</summary>
        public AzureNamedKeyCredential Credential { get; }

        /// <summary>How many times a start-task script has been syntax-checked with <c>bash -n</c> (once per distinct script).</summary>
        public int SyntaxChecksRun => _simulator.SyntaxChecksRun;

        /// <summary>Starts an emulator listening on the loopback interface and returns once it accepts requests.</summary>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static async Task<BatchEmulator> StartAsync(BatchEmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            var settings = (options ?? new BatchEmulatorOptions()).Snapshot();
            settings.Validate();

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(BatchEmulator).Assembly.GetName().Name,
            });
            // Configured in code only: the host application's appsettings and ASPNETCORE_* variables must not move
            // the emulator to another address or change its logging.
            builder.Configuration.Sources.Clear();
            builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));

            var app = builder.Build();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ClusterlessHpc.Emulator");
            var simulator = new StartTaskSimulator(settings.TimeProvider, logger);
            var store = new PoolStore(settings, simulator);

            app.Use(RequestIds.InvokeAsync);
            app.Use(new ErrorMappingMiddleware(settings.TimeProvider, logger).InvokeAsync);
            app.Use(new SharedKeyAuthentication(settings.AccountName, settings.AccountKey).InvokeAsync);
            app.Use(ApiVersionCheck.InvokeAsync);
            PoolRoutes.Map(app, store);
            NodeRoutes.Map(app, store);
            // "{*path}" rather than the default fallback pattern, which skips paths that look like file names.
            app.MapFallback("{*path}", context => throw BatchErrors.InvalidUri(context.Request.Method, context.Request.Path.Value ?? "/"));

            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                simulator.Dispose();
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new BatchEmulator(app, simulator, new Uri(address.TrimEnd('/') + "/"), settings);
        }

        /// <summary>A client for this emulator's account.</summary>
        public BatchClient CreateClient(BatchClientOptions? options = null) => new(Endpoint, Credential, options);

        /// <summary>Stops listening and forgets every pool.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _simulator.Dispose();
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
