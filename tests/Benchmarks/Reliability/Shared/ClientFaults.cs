using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// The client's side of a fault run, as the innermost HTTP handler: it sees every attempt the Azure.Core pipeline makes
/// (retries included), loses a seeded share of the answers after the server has acted on the request (the case a
/// fault before the server cannot show: a pool created whose 201 never arrives), and records what the server did.
/// </summary>
public sealed class ClientFaults : DelegatingHandler
{
    private readonly Random _random;
    private readonly double _lostResponseRate;
    private readonly object _gate = new();
    private readonly double _beforeRate;
    private readonly Func<HttpRequestMessage, bool>? _scope;
    private readonly int? _maxLost;
    private readonly ConcurrentDictionary<string, int> _created = new(StringComparer.OrdinalIgnoreCase);
    private int _attempts, _lost, _lostCreates, _resets, _deletes, _failedBefore;
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    /// <param name="seed">Seeds the draws that decide which answers are lost.</param>
    /// <param name="lostResponseRate">The share of answers lost, from 0 (a counting handler only) to 1.</param>
    /// <param name="scope">Which requests may lose their answer (all when null).</param>
    /// <param name="maxLost">Lose at most this many answers (no limit when null).</param>
    /// <param name="failBeforeRate">
    /// The share of requests that fail before they reach the server, split evenly: an answer 500, an answer 503 (both made
    /// here, as a server's front end would), and a connection reset. For servers without fault injection of their own.
    /// </param>
    public ClientFaults(int seed, double lostResponseRate, Func<HttpRequestMessage, bool>? scope = null, int? maxLost = null, double failBeforeRate = 0)
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        _random = new Random(seed);
        _lostResponseRate = lostResponseRate;
        _scope = scope;
        _maxLost = maxLost;
        _beforeRate = failBeforeRate;
    }

    /// <summary>Only counts: loses nothing.</summary>
    public static ClientFaults Counting() => new(0, 0);

    /// <summary>Matches POST /pools, the create.</summary>
    public static bool IsCreate(HttpRequestMessage request) => request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/pools";

    /// <summary>Every request sent, retries included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Answers the server gave that this handler threw away (the request had taken effect).</summary>
    public int LostResponses => Volatile.Read(ref _lost);

    /// <summary>Answers 201 to POST /pools that were lost: the pool exists, but the client was not told.</summary>
    public int LostCreates => Volatile.Read(ref _lostCreates);

    /// <summary>Requests failed here before they reached the server (500, 503 or a reset).</summary>
    public int FailedBefore => Volatile.Read(ref _failedBefore);

    /// <summary>Connections that ended without an answer (the emulator's injected resets).</summary>
    public int Resets => Volatile.Read(ref _resets);

    /// <summary>DELETE requests the server answered: a converging apply of a new pool sends none.</summary>
    public int Deletes => Volatile.Read(ref _deletes);

    /// <summary>The status codes the server answered with, lost answers included.</summary>
    public IReadOnlyDictionary<int, int> Statuses => new Dictionary<int, int>(_statuses);

    /// <summary>How many times the server answered 201 to POST /pools for each pool id (compared ignoring case).</summary>
    public IReadOnlyDictionary<string, int> PoolsCreated => new Dictionary<string, int>(_created, StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        string? createdId = null;
        if (IsCreate(request) && request.Content is not null)
        {
            using var body = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            createdId = body.RootElement.GetProperty("id").GetString();
        }

        double before;
        lock (_gate) before = _beforeRate > 0 ? _random.NextDouble() : 1;
        if (before < _beforeRate)
        {
            Interlocked.Increment(ref _failedBefore);
            if (before < _beforeRate / 3) return Refusal(request, HttpStatusCode.InternalServerError);
            if (before < _beforeRate * 2 / 3) return Refusal(request, HttpStatusCode.ServiceUnavailable);
            Interlocked.Increment(ref _resets);
            throw new HttpRequestException("The connection was reset before the server read the request (injected by the fault run).",
                new IOException("Connection reset by peer"));
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _resets);
            throw;
        }
        _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        if (createdId is not null && response.StatusCode == HttpStatusCode.Created) _created.AddOrUpdate(createdId, 1, (_, n) => n + 1);
        if (request.Method == HttpMethod.Delete && response.IsSuccessStatusCode) Interlocked.Increment(ref _deletes);

        bool lose;
        lock (_gate)
        {
            lose = _random.NextDouble() < _lostResponseRate && (_scope is null || _scope(request)) && (_maxLost is null || _lost < _maxLost);
            if (lose) _lost++;
        }
        if (!lose) return response;
        if (createdId is not null && response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref _lostCreates);
        // Read the answer to its end first, as a reset after the server finished would: the server's work is done.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        throw new HttpRequestException("The connection was reset after the server answered (a lost response injected by the fault run).",
            new IOException("Connection reset by peer"));
    }

    private HttpResponseMessage Refusal(HttpRequestMessage request, HttpStatusCode status)
    {
        _statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("") };
        if (status == HttpStatusCode.ServiceUnavailable) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    }
}
