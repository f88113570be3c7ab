using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Auth;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Faults;
using ClusterlessHpc.Emulator.Hosting;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Routes;
using ClusterlessHpc.Emulator.Simulation;
using ClusterlessHpc.Emulator.StartTasks;
using ClusterlessHpc.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator
{
    /// <summary>
    /// A local Azure Batch account on 127.0.0.1: the Batch REST API (the 2024-07-01.20.0 shapes, for every api-version
    /// current clients send) for pools, nodes, node files, supported images and node counts, with Shared Key (and
    /// optionally bearer) authentication, nodes that walk their states on a clock, simulated or executed start tasks,
    /// autoscale, an optional state file and optional fault injection.
    /// <code>
    /// await using var emulator = await BatchEmulator.StartAsync();
    /// var client = new BatchClient(emulator.Endpoint, emulator.Credential);
    /// </code>
    /// </summary>
    public sealed class BatchEmulator : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly IStartTaskRunner _runner;
        private readonly SyntaxCheckCache _syntaxChecks;
        private readonly PoolModel _store;
        private readonly Ticker _ticker;
        private readonly StateFile? _stateFile;
        private readonly FaultInjection? _faults;
        private readonly string? _temporaryNodesDirectory;
        private int _disposed;

        private BatchEmulator(
            WebApplication app, IStartTaskRunner runner, SyntaxCheckCache syntaxChecks, PoolModel store, Ticker ticker,
            StateFile? stateFile, FaultInjection? faults, string? temporaryNodesDirectory, Uri endpoint, BatchEmulatorOptions settings,
            IReadOnlyList<EmulatorNotice> notices)
        {
            _app = app;
            _runner = runner;
            _syntaxChecks = syntaxChecks;
            _store = store;
            _ticker = ticker;
            _stateFile = stateFile;
            _faults = faults;
            _temporaryNodesDirectory = temporaryNodesDirectory;
            Endpoint = endpoint;
            AccountName = settings.AccountName;
            Credential = new AzureNamedKeyCredential(settings.AccountName, settings.AccountKey);
            NodesDirectory = (runner as ExecutedStartTasks)?.NodesDirectory;
            Notices = notices;
        }

        /// <summary>The account URL, path-style: <c>http://127.0.0.1:PORT/</c> (https with a certificate).</summary>
        public Uri Endpoint { get; }

        /// <summary>The one account this emulator serves.</summary>
        public string AccountName { get; }

        /// <summary>The account name and key, for <c>new BatchClient(emulator.Endpoint, emulator.Credential)</c>.</summary>
        public AzureNamedKeyCredential Credential { get; }

        /// <summary>Where executed nodes have their sandbox folders; null in Simulate mode.</summary>
        public string? NodesDirectory { get; }

        /// <summary>
        /// Why the state file (<see cref="BatchEmulatorOptions.StateFile"/>) could not be written the last time it was, or
        /// null when its last write succeeded; read it after <see cref="DisposeAsync"/> to know that the pools were kept.
        /// </summary>
        public Exception? StateFileError => _stateFile?.LastSaveError;

        /// <summary>
        /// What a user of this emulator must be told once: that start tasks are simulated, or that executed ones run
        /// unconfined or with the published development key. Logged at start unless
        /// <see cref="BatchEmulatorOptions.LogStartMessages"/> is off (a host that shows them itself).
        /// </summary>
        public IReadOnlyList<EmulatorNotice> Notices { get; }

        /// <summary>How many times a start-task script has been syntax-checked with <c>bash -n</c> (once per distinct script).</summary>
        public int SyntaxChecksRun => _syntaxChecks.ChecksRun;

        /// <summary>How many requests fault injection answered with an error or a reset.</summary>
        public int FaultsInjected => _faults?.Injected ?? 0;

        /// <summary>Starts an emulator listening on the loopback interface and returns once it accepts requests.</summary>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        /// <exception cref="InvalidOperationException">The state file cannot be used.</exception>
        public static async Task<BatchEmulator> StartAsync(BatchEmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            var settings = (options ?? new BatchEmulatorOptions()).Snapshot();
            settings.Validate();
            var clock = settings.TimeScale == 1 ? settings.TimeProvider : new ScaledTimeProvider(settings.TimeProvider, settings.TimeScale);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(BatchEmulator).Assembly.GetName().Name,
            });
            // Configured in code only: the host application's appsettings and ASPNETCORE_* variables must not move
            // the emulator to another address or change its logging.
            builder.Configuration.Sources.Clear();
            EmulatorLogging.Configure(builder.Logging, settings);
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
            LoopbackHosts.Configure(builder.Services);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port, listen =>
            {
                if (settings.Certificate is { } certificate) listen.UseHttps(certificate);
            }));

            var app = builder.Build();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ClusterlessHpc.Emulator");
            var syntaxChecks = new SyntaxCheckCache(clock, logger);
            var simulated = new SimulatedStartTasks(syntaxChecks, settings.StartTaskDelay);
            string? temporaryNodesDirectory = null;
            IStartTaskRunner runner = simulated;
            if (settings.StartTaskMode == StartTaskMode.Execute)
            {
                // Checked first: a folder that cannot be laid over a node stops the emulator before it makes any of its own.
                var images = new NodeImages(settings.ImageFiles);
                var nodesDirectory = settings.NodesDirectory
                                     ?? (settings.StateFile is { } stateFile ? stateFile + ".nodes" : null)
                                     ?? (temporaryNodesDirectory = Path.Combine(Path.GetTempPath(), "clusterlesshpc-emulator-" + Guid.NewGuid().ToString("N")));
                var confined = settings.IsRoot?.Invoke() ?? Sandbox.IsRoot;
                runner = new ExecutedStartTasks(simulated, nodesDirectory, settings.SandboxUidBase, confined, clock, logger)
                {
                    Images = images,
                };
            }
            ITaskRunner? tasks = settings.ExecuteTasks && runner is ExecutedStartTasks nodes ? new ExecutedTasks(nodes, clock, logger) : null;
            var store = new PoolModel(settings.ModelSettings(), clock, runner, settings.AutoScaleEngine, tasks);
            StateFile? state = null;
            if (settings.StateFile is { } path)
            {
                state = new StateFile(path, store, logger);
                if (state.Load(settings.AccountName) is { } document) store.Restore(document);
            }
            var faults = settings.Faults is { } faultOptions ? new FaultInjection(faultOptions) : null;

            // First, before authentication and before any route can create a pool (and so start a task): a request
            // whose Host names anything but the loopback address (a web page that rebound its own name to 127.0.0.1)
            // gets 400 and reaches nothing.
            app.UseHostFiltering();
            app.Use(RequestIds.InvokeAsync);
            app.Use(new ErrorMappingMiddleware(clock, logger).InvokeAsync);
            app.Use(DotSegmentCheck.InvokeAsync);
            if (faults is not null) app.Use(faults.InvokeAsync);
            var bearerTokens = settings.AcceptBearerTokens || settings.BearerTokenValidator is not null ? new BearerTokens(settings.BearerTokenValidator) : null;
            app.Use(new SharedKeyAuthentication(settings.AccountName, settings.AccountKey, bearerTokens, logger).InvokeAsync);
            app.Use(ApiVersionCheck.InvokeAsync);
            PoolRoutes.Map(app, store);
            PoolActionRoutes.Map(app, store);
            NodeRoutes.Map(app, store);
            NodeFileRoutes.Map(app, store);
            AccountRoutes.Map(app, store);
            JobRoutes.Map(app, store);
            TaskRoutes.Map(app, store);
            TaskFileRoutes.Map(app, store);
            EmulatorControl.Map(app, store);
            // "{*path}" rather than the default fallback pattern, which skips paths that look like file names.
            app.MapFallback("{*path}", context => throw BatchErrors.InvalidUri(context.Request.Method, context.Request.Path.Value ?? "/"));

            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                runner.Dispose();
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var endpoint = new Uri(address.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal).TrimEnd('/') + "/");
            if (runner is ExecutedStartTasks executed) executed.Account = (settings.AccountName, endpoint.ToString().TrimEnd('/'));
            var ticker = new Ticker(store, state, logger);
            var notices = EmulatorNotices.For(settings, (runner as ExecutedStartTasks)?.Confined, endpoint.Port);
            if (settings.LogStartMessages)
            {
                logger.LogInformation("Batch emulator for account {Account} listening on {Endpoint} ({Mode} start tasks).",
                    settings.AccountName, endpoint, settings.StartTaskMode == StartTaskMode.Simulate ? "simulated" : "executed");
                foreach (var notice in notices) logger.Log(notice.Level, "{Notice}", notice.Text);
            }
            return new BatchEmulator(app, runner, syntaxChecks, store, ticker, state, faults, temporaryNodesDirectory, endpoint, settings, notices);
        }

        /// <summary>
        /// Runs an emulator until <paramref name="cancellationToken"/> is cancelled (the standalone <c>chpc emulator</c>),
        /// then stops it and writes its state file.
        /// </summary>
        public static async Task RunAsync(BatchEmulatorOptions options, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(options);
            await using var emulator = await StartAsync(options, cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Asked to stop.
            }
        }

        /// <summary>A client for this emulator's account.</summary>
        public BatchClient CreateClient(BatchClientOptions? options = null) => new(Endpoint, Credential, options);

        /// <summary>
        /// Sets the metrics document (the formula work's metrics JSON) a pool's autoscale formula is evaluated against,
        /// as <c>PUT /_emulator/pools/{poolId}/autoscale-metrics</c> does.
        /// </summary>
        public void SetAutoScaleMetrics(string poolId, string metricsJson)
        {
            ArgumentException.ThrowIfNullOrEmpty(poolId);
            using var document = JsonDocument.Parse(metricsJson);
            _store.SetMetrics(poolId, document.RootElement);
        }

        /// <summary>Stops listening, stops running start tasks and writes the state file (without one, the pools are gone).</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            await _ticker.DisposeAsync().ConfigureAwait(false);
            await _app.StopAsync().ConfigureAwait(false);
            _stateFile?.SaveIfChanged(force: true);
            _runner.Dispose();
            await _app.DisposeAsync().ConfigureAwait(false);
            if (_temporaryNodesDirectory is not null && Directory.Exists(_temporaryNodesDirectory))
            {
                try
                {
                    Directory.Delete(_temporaryNodesDirectory, recursive: true);
                }
                catch (IOException)
                {
                    // A process killed a moment ago may still hold a file; the folder is in the temporary directory anyway.
                }
            }
        }
    }
}
