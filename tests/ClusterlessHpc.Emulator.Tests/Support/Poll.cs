namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>
    /// Waits in real time for something only real time finishes (a <c>bash -n</c> check, an executed process), with a
    /// deadline; the emulator's clock is still the test's to move.
    /// </summary>
    internal static class Poll
    {
        public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, CancellationToken cancellationToken, int seconds = 30)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
            while (true)
            {
                var value = await read();
                if (done(value)) return value;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds} s for {what}; last seen: {value}");
                await Task.Delay(25, cancellationToken);
            }
        }
    }
}
