using System.Security.Cryptography;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>An apply renders the script once, hands it to the delivery once, and builds the request around what the delivery made.</summary>
public sealed class DeliveryBeforeRequestTests
{
    private static readonly PoolProvisionerOptions Fast = new() { FirstPollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task The_delivery_gets_the_rendered_script_once_and_the_pool_carries_what_it_made()
    {
        await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions { StartTaskDelay = TimeSpan.FromMilliseconds(20) });
        var spy = new SpyDelivery();
        var provisioner = new PoolProvisioner(emulator.CreateClient(), new PoolProvisionerOptions
        {
            ScriptDelivery = spy, FirstPollDelay = Fast.FirstPollDelay, MaxPollDelay = Fast.MaxPollDelay,
        });
        var definition = new PoolDefinition { Id = "spied", EnvironmentVariables = [new NameValueDefinition("MODE", "fast")] };

        await provisioner.ApplyAsync(definition);

        Assert.Equal([StartupScriptRenderer.Render(definition)], spy.Scripts);
        var startTask = (await emulator.CreateClient().GetPoolAsync("spied")).Value.StartTask!;
        Assert.Equal(spy.Made!.CommandLine, startTask.CommandLine);
        // The user's variable, then the delivery's, each once.
        Assert.Equal(["MODE", InlineScriptDelivery.ScriptVariable], startTask.EnvironmentSettings!.Select(e => e.Name).ToList());
        Assert.Equal(spy.Made.EnvironmentSettings[0].Value, startTask.EnvironmentSettings![1].Value);
    }

    [Fact]
    public async Task Without_a_configured_delivery_the_inline_limit_still_applies_and_nothing_is_created()
    {
        await using var emulator = await BatchEmulator.StartAsync();
        var provisioner = new PoolProvisioner(emulator.CreateClient(), Fast);
        // Random bytes barely compress: 80 KB of them, base64 in a comment, is far above the 64 KiB inline limit.
        var noise = Convert.ToBase64String(RandomNumberGenerator.GetBytes(80_000));
        var definition = new PoolDefinition { Id = "too-large", StartupSteps = [new StartupStepDefinition("# " + noise + "\ntrue")] };

        var error = await Assert.ThrowsAsync<InlineScriptTooLargeException>(() => provisioner.ApplyAsync(definition));

        Assert.True(error.EncodedLength > InlineDelivery.MaxEncodedLength);
        Assert.False((await emulator.CreateClient().PoolExistsAsync("too-large")).Value);
    }

    /// <summary>Records each script it is given and delivers it inline.</summary>
    private sealed class SpyDelivery : IScriptDelivery
    {
        public List<string> Scripts { get; } = [];

        public StartTaskScript? Made { get; private set; }

        public Task<StartTaskScript> PrepareAsync(string script, CancellationToken cancellationToken = default)
        {
            Scripts.Add(script);
            Made = InlineDelivery.Prepare(script);
            return Task.FromResult(Made);
        }
    }
}
