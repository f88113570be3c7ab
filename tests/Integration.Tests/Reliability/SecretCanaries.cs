using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// Canary secrets, recognisable wherever they land: a Batch account key and a storage account key (base64), a SAS whose
/// <c>sig</c> is a canary, and a registry password. Each is made of letters and digits only, so its URL-encoded and
/// JSON-escaped forms are itself; the SAS signatures blob delivery computes are added as they become known.
/// </summary>
internal sealed class SecretCanaries
{
    /// <summary>88 base64 characters (66 bytes): the Batch account's key, which the emulator is given.</summary>
    public const string BatchAccountKey = "CHPCcanaryBatchAccountKey0000000000000000000000000000000000000000000000000000000000000BK";

    /// <summary>The storage account's key, which Azurite is given: it signs uploads and every SAS.</summary>
    public const string StorageAccountKey = "CHPCcanaryStorageAccountKey00000000000000000000000000000000000000000000000000000000000SK";

    /// <summary>A key that is wrong, for the errors of a refused signature.</summary>
    public const string WrongAccountKey = "CHPCcanaryWrongAccountKey0000000000000000000000000000000000000000000000000000000000000WK";

    public const string SasSignature = "CHPCcanarySasSignature7d1f";

    public const string Sas = "sv=2022-11-02&sr=c&sp=rl&se=2030-01-01T00%3A00%3A00Z&sig=" + SasSignature;

    public const string RegistryPassword = "CHPCcanaryRegistryPassword4b9e";

    private readonly ConcurrentBag<string> _extra = [];

    /// <summary>A secret found during the run (a SAS signature computed from the storage key).</summary>
    public void Add(string secret)
    {
        _extra.Add(secret);
        _extra.Add(Uri.EscapeDataString(secret));
        _extra.Add(secret.Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal));
    }

    public IEnumerable<string> All => new[] { BatchAccountKey, StorageAccountKey, WrongAccountKey, SasSignature, RegistryPassword }.Concat(_extra).Distinct();

    /// <summary>Every text that holds a canary, named by where it came from.</summary>
    public List<string> Leaks(IEnumerable<(string Where, string? Text)> texts) =>
        texts.Where(t => t.Text is not null)
            .SelectMany(t => All.Where(secret => t.Text!.Contains(secret, StringComparison.Ordinal)).Select(secret => $"{t.Where} holds {secret}: {Excerpt(t.Text!, secret)}"))
            .ToList();

    private static string Excerpt(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 80);
        return text.Substring(start, Math.Min(text.Length - start, secret.Length + 160)).ReplaceLineEndings(" ");
    }
}

/// <summary>
/// Everything a run says, at the most verbose level: Azure.Core's event source (requests, responses, retries), every
/// <see cref="ActivitySource"/> (names, tags, events, status), and an <see cref="ILoggerProvider"/> at Trace.
/// </summary>
internal sealed class EverythingSaid : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Where, string Text)> _said = new();
    private readonly AzureEventSourceListener _azure;
    private readonly ActivityListener _activities;

    public EverythingSaid()
    {
        _azure = new AzureEventSourceListener((e, message) =>
            _said.Enqueue(($"Azure event {e.EventSource.Name}/{e.EventName}", message + " | " + string.Join(" | ", e.Payload ?? []))), EventLevel.Verbose);
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _said.Enqueue(($"activity {a.Source.Name}/{a.OperationName}",
                $"{a.DisplayName} {a.Status} {a.StatusDescription} " + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
                string.Join(" ", a.Events.Select(e => e.Name + " " + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}")))))),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public IEnumerable<(string Where, string? Text)> Texts => _said.Select(s => (s.Where, (string?)s.Text));

    public int Count => _said.Count;

    public void Add(string where, string? text)
    {
        if (text is not null) _said.Enqueue((where, text));
    }

    /// <summary>An exception in every form it is shown: message, ToString (inner exceptions, stack), its Data.</summary>
    public void Add(string where, Exception exception)
    {
        Add(where + " message", exception.Message);
        Add(where + " ToString", exception.ToString());
        foreach (System.Collections.DictionaryEntry entry in exception.Data) Add(where + " Data", $"{entry.Key}={entry.Value}");
        if (exception is Azure.RequestFailedException failed) Add(where + " response", failed.GetRawResponse()?.Content.ToString());
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        _azure.Dispose();
        _activities.Dispose();
    }

    private sealed class Logger(EverythingSaid owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Add($"log scope {category}", state.ToString());
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Add($"log {logLevel} {category} {eventId.Id}", formatter(state, exception) + " | " + values + " | " + exception);
        }
    }
}
