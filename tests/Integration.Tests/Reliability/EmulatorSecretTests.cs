using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// The emulator stands in for the service, so it must not show what the service never shows: the credentials a pool is
/// created with are write-only in Batch (x-ms-secret in the service's 2025-06-01 spec), and a client that prints a pool it
/// read (a CLI's --json) would otherwise print them when it runs against the emulator.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmulatorSecretTests : IClassFixture<SecretWorld>
{
    private readonly SecretWorld _world;

    public EmulatorSecretTests(SecretWorld world) => _world = world;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_emulator_never_returns_a_secret_the_service_keeps_to_itself()
    {
        var request = PoolRequestBuilder.Build(SecretWorld.SecretPool("kept"), key => SecretWorld.Settings.GetValueOrDefault(key));
        await _world.Client().CreatePoolAsync(request, Cancel);

        var pool = await _world.Client().GetPoolAsync("kept", Cancel);
        var listed = new List<string>();
        await foreach (var page in _world.Client().GetPoolsAsync(filter: "id eq 'kept'", cancellationToken: Cancel).AsPages()) listed.Add(page.GetRawResponse().Content.ToString());

        // Batch marks these write-only (x-ms-secret in the service's 2025-06-01 spec): a GET never returns them.
        Assert.Empty(_world.Canaries.Leaks([("GET pool", pool.GetRawResponse().Content.ToString()), ("GET pools", string.Join("\n", listed))]));
    }
}
