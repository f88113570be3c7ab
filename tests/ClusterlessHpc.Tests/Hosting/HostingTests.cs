using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Tests.Hosting;

/// <summary>Provisioning at application start through Microsoft.Extensions.Hosting, against the emulator over a socket.</summary>
public sealed class HostingTests
{
    private sealed class ScratchPool : IDeclaredPool
    {
        public static PoolDefinition Definition { get; } = new() { Id = "hosted-scratch", NodeCount = 2 };
    }

    private static readonly Action<BatchEmulatorOptions> Fast = o =>
    {
        o.NodeCreatingDelay = TimeSpan.FromMilliseconds(20);
        o.NodeStartingDelay = TimeSpan.FromMilliseconds(20);
        o.StartTaskDelay = TimeSpan.FromMilliseconds(20);
        o.StartTaskExitCode = (pool, _) => pool.StartsWith("hosted-fail", StringComparison.Ordinal) ? 3 : null;
    };

    [Fact]
    public async Task The_registered_provisioner_factory_reads_the_applications_secret_settings_and_delivery()
    {
        await using var emulator = await BatchEmulator.StartAsync();
        var client = new BatchClient(emulator.Endpoint, emulator.Credential);
        var definition = new PoolDefinition
        {
            Id = "factory-registry",
            ContainerImages = ["contoso.azurecr.io/redwood:v1"],
            ContainerRegistries = [new ContainerRegistryDefinition("contoso.azurecr.io") { UserName = "puller", PasswordSetting = "Registry:Password" }],
        };
        PoolProvisionerFactory Factory(Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddClusterlessHpc(configuration);
            return services.BuildServiceProvider().GetRequiredService<PoolProvisionerFactory>();
        }

        var withSecret = await Factory(new() { ["Registry:Password"] = "s3cret" }).Create(client).PlanAsync(definition);
        var without = await Factory(new() { ["Registry:Password"] = "" }).Create(client).PlanAsync(definition);
        var blobWithoutStorage = Factory(new() { ["ClusterlessHpc:Delivery"] = "Blob" });

        Assert.Empty(withSecret.MissingSettings);
        Assert.Equal("Registry:Password", Assert.Single(without.MissingSettings).SettingKey);
        var refused = Assert.Throws<ClusterlessHpc.Provisioning.Delivery.ScriptDeliveryException>(() => blobWithoutStorage.Create(client));
        Assert.Contains("ClusterlessHpc:Delivery is Blob", refused.Message);
    }

    [Fact]
    public async Task With_no_endpoint_the_registered_emulator_serves_and_startup_waits_for_the_pool()
    {
        var logs = new LogCollector();
        using var host = BuildHost(new() { ["ClusterlessHpc:WaitForPoolsAtStartup"] = "true" }, logs, withEmulator: true,
            builder => builder.ProvisionAtStartup<ScratchPool>());

        await host.StartAsync();

        Assert.Equal(PoolState.Ready, host.Services.GetRequiredService<PoolStatusBoard>().Get("hosted-scratch").State);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["pool:hosted-scratch"].Status);
        var client = await host.Services.GetRequiredService<BatchClientFactory>().GetClientAsync();
        Assert.Equal(2, (await client.GetPoolAsync("hosted-scratch")).Value.CurrentDedicatedNodes);
        Assert.Contains(logs.Events, e => e.Id == 1001);
        Assert.Contains(logs.Events, e => e.Id == 1003 && e.Message.Contains("hosted-scratch"));
        await host.StopAsync();
    }

    [Fact]
    public async Task In_the_background_the_health_check_is_degraded_until_the_pool_is_ready()
    {
        using var host = BuildHost(new(), new LogCollector(), withEmulator: true, builder => builder.ProvisionAtStartup(new PoolDefinition { Id = "hosted-background" }));

        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var first = (await health.CheckHealthAsync()).Entries["pool:hosted-background"].Status;
        Assert.NotEqual(HealthStatus.Unhealthy, first);

        var board = host.Services.GetRequiredService<PoolStatusBoard>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (board.Get("hosted-background").State != PoolState.Ready) await Task.Delay(20, limit.Token);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["pool:hosted-background"].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failing_pool_is_unhealthy_and_a_waiting_startup_fails_with_its_error()
    {
        using var host = BuildHost(new() { ["ClusterlessHpc:WaitForPoolsAtStartup"] = "true" }, new LogCollector(), withEmulator: true,
            builder => builder.ProvisionAtStartup(new PoolDefinition { Id = "hosted-fail" }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("hosted-fail", error.Message);
        Assert.Contains("exit code 3", error.Message);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Entries["pool:hosted-fail"].Status);
    }

    [Fact]
    public async Task A_stalled_pool_degrades_the_health_check_with_its_cause_and_logs_a_warning()
    {
        var logs = new LogCollector();
        using var host = BuildHost(new() { ["ClusterlessHpc:StallThreshold"] = "00:00:00.3" }, logs, withEmulator: true,
            builder => builder.ProvisionAtStartup(new PoolDefinition { Id = "hosted-stalled" }),
            emulator: o => o.StartTaskDelay = TimeSpan.FromMinutes(5));

        await host.StartAsync();
        var board = host.Services.GetRequiredService<PoolStatusBoard>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (board.Get("hosted-stalled").State != PoolState.Stalled) await Task.Delay(20, limit.Token);

        var entry = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["pool:hosted-stalled"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("pool hosted-stalled is stalled: 1 node(s) of pool 'hosted-stalled' are still running the start task", entry.Description);
        Assert.Contains("Fix: The startup script is slow", entry.Description);
        lock (logs.Events) Assert.Contains(logs.Events, e => e.Id == 1005 && e.Message.StartsWith("Pool hosted-stalled is stalled: 1 node(s)", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failed_pools_log_entry_carries_the_exception()
    {
        var logs = new LogCollector();
        using var host = BuildHost(new() { ["ClusterlessHpc:WaitForPoolsAtStartup"] = "true" }, logs, withEmulator: true,
            builder => builder.ProvisionAtStartup(new PoolDefinition { Id = "hosted-fail-logged" }));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        var failed = Assert.Single(logs.Events, e => e.Id == 1004);
        Assert.Contains("hosted-fail-logged", failed.Message);
        Assert.IsType<ClusterlessHpc.Provisioning.StartTaskFailedException>(failed.Exception);
    }

    [Fact]
    public async Task A_first_attempt_that_failed_or_was_cancelled_is_not_kept_and_the_next_call_tries_again()
    {
        await using var emulator = await BatchEmulator.StartAsync();
        var fallback = new FlakyFallback(emulator.Endpoint);
        var factory = new BatchClientFactory(Microsoft.Extensions.Options.Options.Create(new ClusterlessHpcOptions()), fallback);

        await Assert.ThrowsAsync<HttpRequestException>(() => factory.GetClientAsync());
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.GetClientAsync(cancellationToken: cancelled.Token));
        }
        var client = await factory.GetClientAsync();

        Assert.Equal(emulator.Endpoint, client.Endpoint);
        Assert.Same(client, await factory.GetClientAsync());
        Assert.Equal(3, fallback.Calls);
    }

    [Fact]
    public async Task Clients_use_the_registered_client_options_and_a_loopback_endpoint_alone_is_the_development_account()
    {
        await using var emulator = await BatchEmulator.StartAsync();
        var counting = new CountingPolicy();
        var clientOptions = new BatchClientOptions();
        clientOptions.AddPolicy(counting, Azure.Core.HttpPipelinePosition.PerCall);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ClusterlessHpc:Batch:Endpoint"] = emulator.Endpoint.ToString() });
        builder.Services.AddSingleton(clientOptions);
        builder.Services.AddClusterlessHpc(builder.Configuration);
        using var host = builder.Build();

        var client = await host.Services.GetRequiredService<BatchClientFactory>().GetClientAsync();
        await client.PoolExistsAsync("anything");

        Assert.Equal(1, counting.Requests);
    }

    private sealed class FlakyFallback(Uri endpoint) : IBatchEndpointFallback
    {
        public int Calls { get; private set; }

        public async Task<(Uri Endpoint, Azure.AzureNamedKeyCredential Credential)> GetEndpointAsync(CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls == 1) throw new HttpRequestException("the emulator did not start");
            await Task.Delay(10, cancellationToken);
            return (endpoint, new Azure.AzureNamedKeyCredential(BatchEmulatorOptions.DevelopmentAccountName, BatchEmulatorOptions.DevelopmentAccountKey));
        }
    }

    private sealed class CountingPolicy : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public int Requests;

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Interlocked.Increment(ref Requests);
    }

    [Fact]
    public async Task With_neither_endpoint_nor_emulator_the_pool_fails_naming_the_setting()
    {
        using var host = BuildHost(new(), new LogCollector(), withEmulator: false, builder => builder.ProvisionAtStartup(new PoolDefinition { Id = "hosted-nowhere" }));

        await host.StartAsync();
        var board = host.Services.GetRequiredService<PoolStatusBoard>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (board.Get("hosted-nowhere").State != PoolState.Failed) await Task.Delay(20, limit.Token);

        Assert.Contains("ClusterlessHpc:Batch:Endpoint", board.Get("hosted-nowhere").Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_configured_endpoint_with_a_shared_key_wins_over_the_emulator()
    {
        await using var remote = await BatchEmulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ClusterlessHpc:Batch:Endpoint"] = remote.Endpoint.ToString(),
            ["ClusterlessHpc:Batch:AccountName"] = remote.AccountName,
            ["ClusterlessHpc:Batch:AccountKey"] = BatchEmulatorOptions.DevelopmentAccountKey,
            ["ClusterlessHpc:Batch:Accounts:second:Endpoint"] = remote.Endpoint.ToString(),
            ["ClusterlessHpc:Batch:Accounts:second:AccountName"] = remote.AccountName,
            ["ClusterlessHpc:Batch:Accounts:second:AccountKey"] = BatchEmulatorOptions.DevelopmentAccountKey,
        };
        using var host = BuildHost(settings, new LogCollector(), withEmulator: true, _ => { });
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<BatchClientFactory>();

        Assert.Equal(remote.Endpoint, (await factory.GetClientAsync()).Endpoint);
        Assert.Equal(remote.Endpoint, (await factory.GetClientAsync("second")).Endpoint);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.GetClientAsync("third"));
        Assert.Contains("ClusterlessHpc:Batch:Accounts:third", missing.Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_the_emulator_as_default_it_stands_in_for_an_account_that_is_not_configured()
    {
        using var host = BuildHost(new(), new LogCollector(), withEmulator: true, _ => { });
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<BatchClientFactory>();

        var emulator = (await factory.GetClientAsync()).Endpoint;
        Assert.True(emulator.IsLoopback, emulator.ToString());
        Assert.Equal(emulator, (await factory.GetClientAsync("elsewhere")).Endpoint);
        await host.StopAsync();
    }

    [Fact]
    public void A_pools_account_is_the_default_its_own_section_or_with_the_emulator_as_default_the_emulator()
    {
        var named = new BatchAccountOptions { Endpoint = new Uri("https://second.westeurope.batch.azure.com") };
        var local = new BatchAccountOptions { Accounts = { ["second"] = named } };
        var remote = new BatchAccountOptions { Endpoint = new Uri("https://first.westeurope.batch.azure.com"), Accounts = { ["second"] = named } };

        Assert.Same(remote, remote.For(null));
        Assert.Same(remote, remote.For(""));
        Assert.Same(named, remote.For("SECOND"));
        Assert.Null(remote.For("third"));
        Assert.Same(named, local.For("second"));
        Assert.Same(local, local.For("third"));

        // A section without an endpoint: the emulator stands in only when it is the default.
        var endpointless = new BatchAccountOptions { AccountName = "fourth" };
        remote.Accounts["fourth"] = endpointless;
        local.Accounts["fourth"] = endpointless;
        Assert.Null(remote.For("fourth"));
        Assert.Same(local, local.For("fourth"));
    }

    [Fact]
    public void An_endpoint_that_is_not_an_absolute_http_url_is_refused_naming_its_section()
    {
        var relative = new BatchAccountOptions { Endpoint = new Uri("myaccount.westeurope.batch.azure.com", UriKind.RelativeOrAbsolute) };

        var error = Assert.Throws<InvalidOperationException>(() => relative.EnsureValid("ClusterlessHpc:Batch:Accounts:gamma"));

        Assert.StartsWith("ClusterlessHpc:Batch:Accounts:gamma:Endpoint is not an http(s) URL", error.Message);
        new BatchAccountOptions { Endpoint = new Uri("https://a.westeurope.batch.azure.com") }.EnsureValid("ok");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_start_task_that_fails_for_real_is_named_by_its_step_and_declaration_in_the_log_and_the_health_check()
    {
        var nodes = Directory.CreateTempSubdirectory("chpc-hosting-nodes-").FullName;
        try
        {
            var logs = new LogCollector();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ClusterlessHpc:WaitForPoolsAtStartup"] = "true" });
            builder.Logging.AddProvider(logs);
            builder.Services.AddClusterlessHpc(builder.Configuration)
                .ProvisionAtStartup(new PoolDefinition { Id = "hosted-step-fails", StartupSteps = [new StartupStepDefinition("echo 'no space left on device' >&2\nexit 4")] });
            builder.Services.AddClusterlessHpcEmulator(o =>
            {
                Fast(o);
                o.StartTaskMode = StartTaskMode.Execute;
                o.AllowDevelopmentKey = true;
                o.NodesDirectory = nodes;
                o.SandboxUidBase = SandboxUids.NextBase();
            });
            using var host = builder.Build();

            await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

            const string traced = "[StartupStep(...)] failed on node ";
            var failed = Assert.Single(logs.Events, e => e.Id == 1004);
            Assert.Contains(traced, failed.Message);
            Assert.Contains("during \"startup step 1\": no space left on device", failed.Message);
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Contains(traced, health.Entries["pool:hosted-step-fails"].Description);
        }
        finally
        {
            Directory.Delete(nodes, recursive: true);
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, LogCollector logs, bool withEmulator, Action<ClusterlessHpcBuilder> configure,
        Action<BatchEmulatorOptions>? emulator = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        configure(builder.Services.AddClusterlessHpc(builder.Configuration));
        if (withEmulator) builder.Services.AddClusterlessHpcEmulator(o =>
        {
            Fast(o);
            emulator?.Invoke(o);
        });
        return builder.Build();
    }

    private sealed class LogCollector : ILoggerProvider
    {
        public List<(int Id, string Message, Exception? Exception)> Events { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Events) owner.Events.Add((eventId.Id, formatter(state, exception), exception));
            }
        }
    }
}
