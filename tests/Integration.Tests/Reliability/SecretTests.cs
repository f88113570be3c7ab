using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Emulator.Faults;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Legacy;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// Canary secrets (account keys, a SAS signature, a registry password) through every path that shows something: client
/// errors and their responses, Azure.Core's events at Verbose, activities, hosting logs at Trace, provisioner exceptions,
/// progress and drift reports, the health board, the legacy import, every ToString. None may show a canary.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretTests : IClassFixture<SecretWorld>
{
    private readonly SecretWorld _world;

    public SecretTests(SecretWorld world) => _world = world;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hosting_at_trace_level_with_blob_delivery_shows_no_secret_on_success_or_failure()
    {
        using var said = new EverythingSaid();
        var container = "hosted" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>(SecretWorld.Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["ClusterlessHpc:Batch:Endpoint"] = _world.Emulator.Endpoint.ToString(),
            ["ClusterlessHpc:Batch:AccountName"] = "canarybatch",
            ["ClusterlessHpc:Batch:AccountKey"] = SecretCanaries.BatchAccountKey,
            ["ClusterlessHpc:Storage:ConnectionString"] = _world.StorageConnectionString,
            ["ClusterlessHpc:Storage:Container"] = container,
            ["ClusterlessHpc:Delivery"] = "Blob",
            ["ClusterlessHpc:WaitForPoolsAtStartup"] = "false",
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(said);
        builder.Services.AddClusterlessHpc(builder.Configuration)
            .ProvisionAtStartup(SecretWorld.SecretPool("hosted-secret"))
            .ProvisionAtStartup(SecretWorld.SecretPool("hosted-failing") with { StartupSteps = [new StartupStepDefinition("echo 'the step fails' >&2; exit 3")] })
            .ProvisionAtStartup(SecretWorld.SecretPool("hosted-missing") with
            {
                ContainerRegistries = [new ContainerRegistryDefinition("canary.azurecr.io") { UserName = "puller", PasswordSetting = "Secrets:NotThere" }],
            });
        using var host = builder.Build();

        await host.StartAsync(Cancel);
        var board = host.Services.GetRequiredService<PoolStatusBoard>();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (board.All.Count < 3 || board.All.Any(s => s.State is PoolState.Pending or PoolState.Provisioning)) await Task.Delay(50, limit.Token);
        }
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);
        await host.StopAsync(Cancel);
        foreach (var signature in await _world.SignaturesAsync("hosted-secret")) _world.Canaries.Add(signature);
        foreach (var status in board.All) said.Add($"board {status.PoolId}", status.ToString());
        foreach (var (name, entry) in health.Entries) said.Add($"health {name}", $"{entry.Status} {entry.Description} {entry.Exception}");
        said.Add("options", host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterlessHpcOptions>>().Value.Batch.ToString());
        said.Add("storage options", host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterlessHpcOptions>>().Value.Storage.ToString());

        Assert.Equal(PoolState.Ready, board.Get("hosted-secret").State);
        Assert.Equal(PoolState.Failed, board.Get("hosted-failing").State);
        Assert.Contains("exit code 3", board.Get("hosted-failing").Message);
        Assert.Contains("Secrets:NotThere", board.Get("hosted-missing").Message);
        Assert.NotEmpty(await _world.SignaturesAsync("hosted-secret"));
        Assert.True(said.Count > 50, $"only {said.Count} things were said");
        Assert.Contains(said.Texts, t => t.Where.StartsWith("log Trace", StringComparison.Ordinal) || t.Where.StartsWith("log Debug", StringComparison.Ordinal));
        Assert.Contains(said.Texts, t => t.Where.StartsWith("Azure event", StringComparison.Ordinal));
        Assert.Empty(_world.Canaries.Leaks(said.Texts));
    }

    [Fact]
    public async Task Client_errors_their_responses_and_Azure_Core_events_show_no_secret()
    {
        using var said = new EverythingSaid();
        var request = PoolRequestBuilder.Build(SecretWorld.SecretPool("client-errors"), key => SecretWorld.Settings.GetValueOrDefault(key));

        // A refused signature.
        var wrong = new BatchClient(_world.Emulator.Endpoint, new AzureNamedKeyCredential("canarybatch", SecretCanaries.WrongAccountKey));
        said.Add("wrong key", await Assert.ThrowsAsync<RequestFailedException>(() => wrong.CreatePoolAsync(request, Cancel)));
        // A body the service refuses, carrying every secret.
        var refused = PoolRequestBuilder.Build(SecretWorld.SecretPool("client-refused"), key => SecretWorld.Settings.GetValueOrDefault(key));
        refused.TaskSlotsPerNode = 300;
        said.Add("refused body", await Assert.ThrowsAsync<RequestFailedException>(() => _world.Client().CreatePoolAsync(refused, Cancel)));
        // An existing pool.
        await _world.Client().CreatePoolAsync(request, Cancel);
        said.Add("pool exists", await Assert.ThrowsAsync<RequestFailedException>(() => _world.Client().CreatePoolAsync(request, Cancel)));

        // A server error on every try.
        var faults = new FaultInjectionOptions();
        faults.Rules.Add(new FaultRule { Method = "POST", Path = "/pools", InternalErrorRate = 1 });
        await using var failing = await BatchEmulator.StartAsync(new BatchEmulatorOptions { AccountName = "canarybatch", AccountKey = SecretCanaries.BatchAccountKey, Faults = faults }, Cancel);
        var options = new BatchClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var faulty = new BatchClient(failing.Endpoint, new AzureNamedKeyCredential("canarybatch", SecretCanaries.BatchAccountKey), options);
        said.Add("server error", await Assert.ThrowsAsync<RequestFailedException>(() => faulty.CreatePoolAsync(request, Cancel)));

        Assert.Contains(said.Texts, t => t.Text!.Contains("AuthenticationFailed", StringComparison.Ordinal));
        Assert.Contains(said.Texts, t => t.Text!.Contains("PoolExists", StringComparison.Ordinal));
        Assert.Contains(said.Texts, t => t.Where.StartsWith("Azure event", StringComparison.Ordinal) && t.Text!.Contains("/pools", StringComparison.Ordinal));
        Assert.Empty(_world.Canaries.Leaks(said.Texts));
    }

    [Fact]
    public async Task Provisioner_progress_drift_reports_and_exceptions_show_no_secret()
    {
        using var said = new EverythingSaid();
        var delivery = ScriptDeliveryFactory.Create(_world.BlobOptions("drift" + Guid.NewGuid().ToString("N")));
        var progress = new Progress(said);
        var provisioner = _world.Provisioner(_world.Client(), delivery);

        await provisioner.ApplyAsync(SecretWorld.SecretPool("drifting"), progress, Cancel);
        foreach (var signature in await _world.SignaturesAsync("drifting")) _world.Canaries.Add(signature);
        var changed = SecretWorld.SecretPool("drifting", nodes: 2) with { VmSize = "Standard_E4s_v3", EnvironmentVariables = [new NameValueDefinition("PLAIN_SETTING", "changed")] };
        var plan = await provisioner.PlanAsync(changed, Cancel);
        var drift = await Assert.ThrowsAsync<PoolDriftException>(() => provisioner.ApplyAsync(changed, progress, Cancel));
        said.Add("plan", plan.ToString());
        foreach (var difference in plan.Differences) said.Add("difference", difference.ToString());
        said.Add("drift", drift);
        var inPlace = SecretWorld.SecretPool("drifting", nodes: 2) with { EnvironmentVariables = [new NameValueDefinition("PLAIN_SETTING", "changed")] };
        await _world.Provisioner(_world.Client(), delivery, DriftPolicy.UpdateInPlace).ApplyAsync(inPlace, progress, Cancel);
        var missing = await Assert.ThrowsAsync<MissingSettingException>(() => new PoolProvisioner(_world.Client()).ApplyAsync(SecretWorld.SecretPool("no-settings"), progress, Cancel));
        said.Add("missing setting", missing);
        said.Add("delivery", delivery.ToString());
        said.Add("script", (await delivery.PrepareAsync("#!/bin/bash\ntrue\n", Cancel)).ToString());

        Assert.Contains("vmSize", drift.Message);
        Assert.Contains(said.Texts, t => t.Where == "progress" && t.Text!.Contains("updating in place", StringComparison.Ordinal));
        Assert.Empty(_world.Canaries.Leaks(said.Texts));
    }

    [Fact]
    public async Task A_node_that_cannot_download_its_script_fails_without_showing_the_SAS()
    {
        using var said = new EverythingSaid();
        var options = _world.BlobOptions("revoked" + Guid.NewGuid().ToString("N"));
        var delivery = ScriptDeliveryFactory.CreateBlob(options.Storage)!;
        var provisioner = _world.Provisioner(_world.Client(), delivery);
        await provisioner.ApplyAsync(SecretWorld.SecretPool("revoked"), cancellationToken: Cancel);
        foreach (var signature in await _world.SignaturesAsync("revoked")) _world.Canaries.Add(signature);

        Assert.True(await delivery.RevokeAccessPolicyAsync(Cancel));
        var failed = await Assert.ThrowsAsync<StartTaskFailedException>(() => provisioner.ResizeAsync("revoked", 2, cancellationToken: Cancel));
        said.Add("start task failed", failed);

        Assert.Contains("BlobAccessDenied", failed.Message + await FailureCodeAsync("revoked"));
        Assert.Empty(_world.Canaries.Leaks(said.Texts));
    }

    [Fact]
    public void The_legacy_import_and_every_options_ToString_show_no_secret()
    {
        var folder = Directory.CreateTempSubdirectory("chpc-legacy-").FullName;
        try
        {
            var credentials = Path.Combine(folder, "credentials.json");
            File.WriteAllText(credentials, $$"""
                {
                    "_AD_TENANT": "11111111-2222-3333-4444-555555555555",
                    "_AD_BATCH_CLIENT_ID": "66666666-7777-8888-9999-000000000000",
                    "_AD_SECRET_BATCH": "{{SecretCanaries.RegistryPassword}}",
                    "_BATCH_ACCOUNT_URL": "https://canarybatch.westeurope.batch.azure.com",
                    "_BATCH_RESOURCE": "https://batch.core.windows.net/",
                    "_STORAGE_ACCOUNT_NAME": "canarystorage",
                    "_STORAGE_ACCOUNT_KEY": "{{SecretCanaries.StorageAccountKey}}",
                    "_APP_INSIGHTS_INSTRUMENTATION_KEY": "{{SecretCanaries.SasSignature}}"
                }
                """);
            var parameters = Path.Combine(folder, "parameters.json");
            File.WriteAllText(parameters, """{ "_POOL_ID": "canary", "_POOL_COUNT": "2" }""");
            var broken = Path.Combine(folder, "broken.json");
            File.WriteAllText(broken, File.ReadAllText(credentials).Replace($"\"{SecretCanaries.StorageAccountKey}\"", SecretCanaries.StorageAccountKey, StringComparison.Ordinal));

            var result = LegacyImport.Load(parameters, credentials);
            var texts = new List<(string, string?)> { ("result", result.ToString()), ("credentials", result.Credentials!.ToString()) };
            texts.AddRange(result.Credentials.Accounts.Select(a => ("account", (string?)a.ToString())));
            texts.AddRange(result.Pools.Select(p => ("pool", (string?)p.ToString())));
            texts.AddRange(result.Warnings.Select(w => ("warning", (string?)w.ToString())));
            texts.AddRange(result.ToConfiguration().Select(c => ("configuration", (string?)$"{c.Key}={c.Value}")));
            var error = Assert.Throws<LegacyConfigurationException>(() => LegacyImport.Load(parameters, broken));
            texts.Add(("error", error.ToString()));
            texts.Add(("batch options", new BatchAccountOptions { AccountName = "canarybatch", AccountKey = SecretCanaries.BatchAccountKey }.ToString()));
            texts.Add(("storage options", new StorageOptions { ConnectionString = _world.StorageConnectionString }.ToString()));
            var badConnection = Assert.Throws<ScriptDeliveryException>(() => ScriptDeliveryFactory.Create(new ClusterlessHpcOptions
            {
                Delivery = ScriptDelivery.Blob,
                Storage = new StorageOptions { ConnectionString = "AccountName=x;AccountKey=" + SecretCanaries.StorageAccountKey + ";Broken" },
            }));
            texts.Add(("bad connection string", badConnection.ToString()));

            Assert.Equal(SecretCanaries.StorageAccountKey, result.Credentials.Accounts[0].StorageAccountKey!.Reveal());
            Assert.Empty(_world.Canaries.Leaks(texts));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_request_carries_each_secret_only_where_Batch_needs_it()
    {
        var request = PoolRequestBuilder.Build(SecretWorld.SecretPool("placed"), key => SecretWorld.Settings.GetValueOrDefault(key));
        var json = JsonNode.Parse(JsonSerializer.Serialize(request, BatchJsonContext.Default.BatchPoolCreateOptions))!;

        var places = new List<string>();
        Walk(json, "", places);

        Assert.Equal(
        [
            "mountConfiguration[0].azureFileShareConfiguration.accountKey",
            "mountConfiguration[1].azureBlobFileSystemConfiguration.sasKey",
            "virtualMachineConfiguration.containerConfiguration.containerRegistries[0].password",
        ], places.Order(StringComparer.Ordinal));
        Assert.Empty(_world.Canaries.Leaks([("startup script", Scripts.StartupScriptRenderer.Render(SecretWorld.SecretPool("placed")))]));
    }

    private static void Walk(JsonNode? node, string path, List<string> places)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o) Walk(child, path.Length == 0 ? name : path + "." + name, places);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", places);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                if (new SecretCanaries().Leaks([(path, text)]).Count > 0) places.Add(path);
                break;
        }
    }

    private async Task<string> FailureCodeAsync(string poolId)
    {
        var codes = new List<string>();
        await foreach (var node in _world.Client().GetNodesAsync(poolId, Cancel)) codes.Add(node.StartTaskInfo?.FailureInfo?.Code ?? "");
        return string.Join(" ", codes);
    }

    /// <summary>Progress reports as a user would print them.</summary>
    private sealed class Progress(EverythingSaid said) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value) => said.Add("progress", $"{value.PoolId} {value.Stage} {value.Message} {value.AllocationState}");
    }
}
