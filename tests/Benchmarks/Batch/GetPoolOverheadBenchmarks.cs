using System.Globalization;
using BenchmarkDotNet.Attributes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Benchmarks.Batch;

/// <summary>
/// GET pool through <see cref="BatchClient"/> (pipeline, Shared Key, diagnostics, deserialization) against the same
/// signed request sent by a bare <see cref="HttpClient"/>, to the same emulator in the same run. Goal: the client's
/// median at most 1.25 times the bare request's (the Ratio column).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GetPoolOverheadBenchmarks
{
    private const string PoolId = "overhead";

    private BatchEmulator _emulator = null!;
    private BatchClient _client = null!;
    private HttpClient _http = null!;
    private string _path = null!;
    private byte[] _key = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _emulator = await BenchmarkPools.StartEmulatorAsync();
        _client = _emulator.CreateClient();
        await _client.CreatePoolAsync(BenchmarkPools.Create(PoolId, nodes: 2));
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _path = "/pools/" + PoolId;
        _key = BatchSharedKeySignature.DecodeKey(BatchEmulatorOptions.DevelopmentAccountKey);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "HttpClient, signed GET, body read")]
    public async Task<int> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _path + "?api-version=2024-07-01.20.0");
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("ocp-date", date);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        var account = _emulator.AccountName;
        var stringToSign = BatchSharedKeySignature.BuildStringToSign(
            "GET", name => name == "ocp-date" ? date : null, ["ocp-date"], account, _path, [new("api-version", "2024-07-01.20.0")]);
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {account}:{BatchSharedKeySignature.Sign(_key, stringToSign)}");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Description = "BatchClient.GetPoolAsync")]
    public async Task<string?> BatchClientGetPool() => (await _client.GetPoolAsync(PoolId, CancellationToken.None)).Value.Id;
}
