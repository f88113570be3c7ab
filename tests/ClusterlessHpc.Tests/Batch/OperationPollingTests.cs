using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Tests.Batch;

/// <summary>The one back-off of every wait and retry keeps backing off however long a wait lasts.</summary>
public sealed class OperationPollingTests
{
    /// <summary>
    /// Azure.Core's exponential strategy doubles per retry number, and at retry 32, 64 and every 32nd after the doubling
    /// wraps round to nothing (and restarts small after each): a long wait would poll again at once, over and over. Every delay of the first thousand
    /// polls stays between the first delay (less jitter) and the longest (plus jitter).
    /// </summary>
    [Fact]
    public void The_delay_stays_at_its_longest_however_many_polls_a_wait_makes()
    {
        var first = TimeSpan.FromMilliseconds(200);
        var longest = TimeSpan.FromSeconds(10);
        var delays = OperationPolling.Backoff(first, longest);

        var outside = Enumerable.Range(1, 1000)
            .Select(poll => (Poll: poll, Delay: OperationPolling.NextDelay(delays, null, poll)))
            .Where(d => d.Delay < first * 0.5 || d.Delay > longest * 1.25)
            .ToList();

        Assert.True(outside.Count == 0, "delays out of range: " + string.Join(", ", outside.Take(5).Select(d => $"poll {d.Poll}: {d.Delay}")));
        Assert.True(OperationPolling.NextDelay(delays, null, 1000) >= longest * 0.75);
    }
}
