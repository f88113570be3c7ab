using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The one polling loop of every wait. Azure.Core's own poller sleeps on the real clock; this one takes each delay
    /// from a <see cref="DelayStrategy"/> and sleeps on a <see cref="TimeProvider"/>, so a wait runs on whatever clock
    /// the caller gives (a test's manual clock, the emulator's).
    /// </summary>
    internal static class OperationPolling
    {
        /// <summary>The operations' default: the first poll soon, so a fast pool is seen ready fast, backing off to 10 s.</summary>
        public static DelayStrategy DefaultDelays { get; } = Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

        /// <summary>The back-off of every wait and retry: exponential from <paramref name="first"/> to <paramref name="longest"/>.</summary>
        public static DelayStrategy Backoff(TimeSpan first, TimeSpan longest) => DelayStrategy.CreateExponentialDelayStrategy(first, longest);

        // Exponential strategies double per retry number: past this many polls every delay is at its maximum, and a
        // larger number would only risk the doubling overflowing.
        private const int MaxRetryNumber = 24;

        /// <summary>
        /// Updates <paramref name="operation"/> until it completes, sleeping between polls. <paramref name="afterPoll"/>
        /// sees each poll that answered and did not complete the operation; a poll failing with an exception
        /// <paramref name="isMissedPoll"/> accepts counts as missed (polled again after the next delay) rather than ending
        /// the wait.
        /// </summary>
        public static async ValueTask<Response> PollAsync(
            Operation operation, DelayStrategy? delays, TimeProvider? time, CancellationToken cancellationToken,
            Func<CancellationToken, ValueTask>? afterPoll = null, Func<Exception, bool>? isMissedPoll = null)
        {
            delays ??= DefaultDelays;
            time ??= TimeProvider.System;
            for (var retry = 1; ; retry++)
            {
                Response? response = null;
                try
                {
                    response = await operation.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (isMissedPoll?.Invoke(e) == true)
                {
                }
                if (response is not null)
                {
                    if (operation.HasCompleted) return response;
                    if (afterPoll is not null) await afterPoll(cancellationToken).ConfigureAwait(false);
                }
                await Task.Delay(NextDelay(delays, response, retry), time, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The delay before retry or poll number <paramref name="retryNumber"/> (from 1).</summary>
        public static TimeSpan NextDelay(DelayStrategy delays, Response? response, int retryNumber) =>
            delays.GetNextDelay(response, Math.Min(retryNumber, MaxRetryNumber));

        public static Response Poll(Operation operation, DelayStrategy? delays, TimeProvider? time, CancellationToken cancellationToken) =>
            PollAsync(operation, delays, time, cancellationToken).AsTask().GetAwaiter().GetResult();

        /// <summary>The body of every wait that ends with a value: polls until complete, then the value with the last response.</summary>
        public static async ValueTask<Response<T>> WaitForValueAsync<T>(Operation<T> operation, DelayStrategy delays, TimeProvider time, CancellationToken cancellationToken)
            where T : notnull
        {
            var response = await PollAsync(operation, delays, time, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(operation.Value, response);
        }

        public static Response<T> WaitForValue<T>(Operation<T> operation, DelayStrategy delays, TimeProvider time, CancellationToken cancellationToken)
            where T : notnull =>
            WaitForValueAsync(operation, delays, time, cancellationToken).AsTask().GetAwaiter().GetResult();
    }
}
