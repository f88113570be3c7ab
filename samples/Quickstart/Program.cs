using System.Diagnostics;
using Azure;
using Azure.Identity;
using ClusterlessHpc;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using Microsoft.Extensions.Configuration;
using Quickstart;

// Provisions every pool this assembly declares (see Pools.cs), against Azure Batch when
// ClusterlessHpc:Batch:Endpoint is configured, else against the embedded emulator on 127.0.0.1.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var batch = configuration.GetSection("ClusterlessHpc:Batch");

await using var emulator = string.IsNullOrEmpty(batch["Endpoint"]) ? await BatchEmulator.StartAsync() : null;
BatchClient client;
if (emulator is not null)
{
    Console.WriteLine($"No ClusterlessHpc:Batch:Endpoint configured: using the embedded Batch emulator at {emulator.Endpoint}");
    client = new BatchClient(emulator.Endpoint, emulator.Credential);
}
else
{
    var endpoint = new Uri(batch["Endpoint"]!);
    var key = batch["AccountKey"];
    Console.WriteLine($"Using Azure Batch at {endpoint} ({(string.IsNullOrEmpty(key) ? "DefaultAzureCredential" : "shared key")})");
    client = string.IsNullOrEmpty(key)
        ? new BatchClient(endpoint, new DefaultAzureCredential())
        : new BatchClient(endpoint, new AzureNamedKeyCredential(
            batch["AccountName"] ?? throw new InvalidOperationException("ClusterlessHpc:Batch:AccountName is required with ClusterlessHpc:Batch:AccountKey."), key));
}

var pools = PoolRegistry.FromAssembly(typeof(RedwoodPool).Assembly);
var provisioner = new PoolProvisioner(client);
var clock = Stopwatch.StartNew();
var progress = new ConsoleProgress(clock);

try
{
    await Task.WhenAll(pools.Select(pool => provisioner.ApplyAsync(pool, progress)));
}
catch (Exception e) when (e is StartTaskFailedException or PoolDriftException or PoolDefinitionException or TimeoutException or RequestFailedException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

Console.WriteLine();
Console.WriteLine($"{pools.Count} pool(s) ready in {clock.Elapsed.TotalSeconds:0.0} s:");
foreach (var definition in pools)
{
    BatchPool pool = await client.GetPoolAsync(definition.Id);
    var nodes = new List<BatchNode>();
    await foreach (var node in client.GetNodesAsync(definition.Id)) nodes.Add(node);
    Console.WriteLine($"  {pool.Id,-10} {pool.VmSize,-16} state {pool.State}, allocation {pool.AllocationState}, " +
                      $"{pool.CurrentDedicatedNodes}/{pool.TargetDedicatedNodes} dedicated, {pool.CurrentLowPriorityNodes}/{pool.TargetLowPriorityNodes} low-priority; " +
                      $"nodes: {string.Join(", ", nodes.Select(n => $"{n.Id} {n.State}"))}");
}
return 0;

/// <summary>Writes each progress report as one line at once (no terminal needed, safe to redirect).</summary>
internal sealed class ConsoleProgress(Stopwatch clock) : IProgress<ProvisioningProgress>
{
    private readonly Lock _gate = new();

    public void Report(ProvisioningProgress value)
    {
        lock (_gate) Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] {value.PoolId,-10} {value.Message}");
    }
}
