using System.Collections.Concurrent;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>Configuration for blob delivery to the test's Azurite, each test with its own container.</summary>
internal static class DeliveryTestSupport
{
    public static string UniqueContainer() => "chpc" + Guid.NewGuid().ToString("N");

    public static ClusterlessHpcOptions WithConnectionString(AzuriteFixture azurite, string container, ScriptDelivery delivery = ScriptDelivery.Blob) => new()
    {
        Delivery = delivery,
        Storage = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container },
    };

    public static ClusterlessHpcOptions WithServiceUri(AzuriteFixture azurite, string container, string? identity = null) => new()
    {
        Delivery = ScriptDelivery.Blob,
        Storage = new StorageOptions { ServiceUri = azurite.ServiceUri, AccountKey = AzuriteFixture.Key, Container = container, IdentityResourceId = identity },
    };

    /// <summary>The query parameters of a URL, by name.</summary>
    public static Dictionary<string, string> Query(string url) =>
        new Uri(url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
}

/// <summary>Keeps every log event: its message and the values of its arguments.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(EventId Id, string Text)> Events { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        Events.Enqueue((eventId, formatter(state, exception) + " | " + values + " | " + exception));
    }

    public string All => string.Join("\n", Events.Select(e => e.Text));
}

/// <summary>
/// Two scripts on either side of the inline limit: the largest that fits and the same one a character longer. Their
/// bulk is a comment of random base64 text, which gzip cannot shrink much, after a line writing a marker.
/// </summary>
internal static class LimitScripts
{
    private static readonly Lazy<(string Fits, string TooLarge)> Pair = new(Find);

    /// <summary>The largest script of this shape whose encoded form fits the inline limit.</summary>
    public static string Fits => Pair.Value.Fits;

    /// <summary><see cref="Fits"/> one character longer: its encoded form is above the limit.</summary>
    public static string TooLarge => Pair.Value.TooLarge;

    public static string Script(string body) =>
        "#!/bin/bash\nset -eu\necho \"$CHPC_MARKER\" > \"$AZ_BATCH_NODE_SHARED_DIR/marker\"\n# " + body + "\n";

    private static (string, string) Find()
    {
        var random = new Random(7);
        var bytes = new byte[3 * ClusterlessHpc.Provisioning.Delivery.InlineDelivery.MaxEncodedLength];
        random.NextBytes(bytes);
        var body = Convert.ToBase64String(bytes);
        bool Fits(int length) => ClusterlessHpc.Provisioning.Delivery.InlineDelivery.Fits(Script(body[..length]), out _);

        int low = 0, high = body.Length;
        if (!Fits(low) || Fits(high)) throw new InvalidOperationException("The search range does not straddle the limit.");
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Fits(middle)) low = middle;
            else high = middle;
        }
        return (Script(body[..low]), Script(body[..high]));
    }
}
