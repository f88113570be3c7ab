using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quickstart;

// Provisions the pools of Pools.cs when the application starts: against Azure Batch when ClusterlessHpc:Batch:Endpoint
// is configured (appsettings.json, ClusterlessHpc__Batch__Endpoint, or --ClusterlessHpc:Batch:Endpoint=...), else
// against the emulator started in-process on 127.0.0.1, which simulates start tasks (checks their scripts with bash -n)
// unless run with --execute-start-tasks.
const string ExecuteStartTasks = "--execute-start-tasks";
var builder = Host.CreateApplicationBuilder(args.Where(a => a != ExecuteStartTasks).ToArray());
builder.Logging.ClearProviders();
builder.Services.AddClusterlessHpc(builder.Configuration)
    .ProvisionAtStartup<RedwoodPool>()
    .ProvisionAtStartup<SequoiaPool>()
    .ProvisionAtStartup<CypressPool>()
    .ProvisionAtStartup<CypressLookbackPool>();
builder.Services.AddClusterlessHpcEmulator(emulator =>
{
    // The emulator says where it listens and how it runs start tasks, once, when it starts; requests are not logged.
    emulator.LogWriter = Console.Out;
    emulator.MinimumLogLevel = LogLevel.Information;
    // A minute of the emulator's time passes in a second, so autoscale's 5-minute evaluations come every 5 s.
    emulator.TimeScale = AutoscaleDemoTimeScale;
    if (args.Contains(ExecuteStartTasks))
    {
        emulator.StartTaskMode = StartTaskMode.Execute;
        // An emulator that runs code takes a key nobody else knows, never the published development key.
        emulator.AccountKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
    }
});
builder.Services.Configure<ClusterlessHpcOptions>(options => options.WaitForPoolsAtStartup = true);
using var host = builder.Build();

var clock = System.Diagnostics.Stopwatch.StartNew();
var gate = new Lock();
host.Services.GetRequiredService<PoolStatusBoard>().Changed += status =>
{
    lock (gate) Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] {status.PoolId,-10} {status.Message ?? status.State.ToString().ToLowerInvariant()}");
};

try
{
    await host.StartAsync();
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

var client = await host.Services.GetRequiredService<BatchClientFactory>().GetClientAsync();
Console.WriteLine();
Console.WriteLine(string.IsNullOrEmpty(builder.Configuration["ClusterlessHpc:Batch:Endpoint"])
    ? $"No ClusterlessHpc:Batch:Endpoint configured: the pools are on the embedded Batch emulator at {client.Endpoint}"
    : $"The pools are on Azure Batch at {client.Endpoint}");
var board = host.Services.GetRequiredService<PoolStatusBoard>();
Console.WriteLine($"{board.All.Count} pool(s) ready in {clock.Elapsed.TotalSeconds:0.0} s:");
foreach (var status in board.All.OrderBy(s => s.PoolId))
{
    BatchPool pool = await client.GetPoolAsync(status.PoolId);
    var nodes = new List<BatchNode>();
    await foreach (var node in client.GetNodesAsync(status.PoolId)) nodes.Add(node);
    var scaling = pool.EnableAutoScale == true ? $"autoscale every {pool.AutoScaleEvaluationInterval?.TotalMinutes} min" : "fixed size";
    Console.WriteLine($"  {pool.Id,-10} {pool.VmSize,-16} {scaling}; state {pool.State}, allocation {pool.AllocationState}, " +
                      $"{pool.CurrentDedicatedNodes}/{pool.TargetDedicatedNodes} dedicated, {pool.CurrentLowPriorityNodes}/{pool.TargetLowPriorityNodes} low-priority; " +
                      $"nodes: {(nodes.Count == 0 ? "none" : string.Join(", ", nodes.Select(n => $"{n.Id} {n.State}")))}");
}

if (string.IsNullOrEmpty(builder.Configuration["ClusterlessHpc:Batch:Endpoint"]))
{
    await AutoscaleDemo.RunAsync(client, host.Services.GetRequiredService<PoolJobRunnerFactory>(), AutoscaleDemoTimeScale, clock, TimeSpan.FromSeconds(90));
}
else
{
    Console.WriteLine("The autoscale demonstration runs on the embedded emulator only: on Azure it would take half an hour of real nodes.");
}

await host.StopAsync();
return 0;

partial class Program
{
    private const double AutoscaleDemoTimeScale = 60;
}
