using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Emulator.Faults
{
    /// <summary>
    /// Seeded faults: each request to a Batch route is matched against <see cref="Rules"/> (the first rule that matches
    /// applies) and, drawing from one random sequence seeded with <see cref="Seed"/>, may be delayed, answered 429, 500
    /// or 503 (with <c>Retry-After</c>) before it reaches the emulator, or have its connection reset. The same seed and
    /// the same requests give the same faults.
    /// </summary>
    public sealed class FaultInjectionOptions
    {
        public int Seed { get; set; }

        public IList<FaultRule> Rules { get; } = new List<FaultRule>();

        internal void Validate()
        {
            foreach (var rule in Rules) rule.Validate();
        }
    }

    /// <summary>The faults of the requests a rule matches, each a probability from 0 to 1.</summary>
    public sealed class FaultRule
    {
        /// <summary>The HTTP method matched (any when null), for example <c>GET</c>.</summary>
        public string? Method { get; set; }

        /// <summary>
        /// The path matched, where <c>*</c> stands for one segment and a final <c>**</c> for any rest, for example
        /// <c>/pools/*</c> or <c>/pools/*/nodes/**</c>. Null matches every Batch route.
        /// </summary>
        public string? Path { get; set; }

        /// <summary>The chance of 429 <c>TooManyRequests</c> with <c>Retry-After</c>.</summary>
        public double TooManyRequestsRate { get; set; }

        /// <summary>The chance of 500 <c>InternalError</c>.</summary>
        public double InternalErrorRate { get; set; }

        /// <summary>The chance of 503 <c>ServerBusy</c> with <c>Retry-After</c>.</summary>
        public double ServerBusyRate { get; set; }

        /// <summary>The chance that the connection is reset without an answer.</summary>
        public double ConnectionResetRate { get; set; }

        /// <summary>The chance that the request waits <see cref="Latency"/> first.</summary>
        public double LatencyRate { get; set; }

        public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The <c>Retry-After</c> of 429 and 503, in whole seconds on the wire.</summary>
        public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The rule stops injecting errors and resets after this many (never, when null), for example to fail only the first try.</summary>
        public int? MaxFaults { get; set; }

        internal bool Matches(string method, string path) =>
            (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
            (Path is null || PathMatches(Path, path));

        internal void Validate()
        {
            foreach (var (name, rate) in new[]
                     {
                         (nameof(TooManyRequestsRate), TooManyRequestsRate), (nameof(InternalErrorRate), InternalErrorRate),
                         (nameof(ServerBusyRate), ServerBusyRate), (nameof(ConnectionResetRate), ConnectionResetRate),
                         (nameof(LatencyRate), LatencyRate),
                     })
            {
                if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(name, rate, "A rate must be between 0 and 1.");
            }
            if (TooManyRequestsRate + InternalErrorRate + ServerBusyRate + ConnectionResetRate > 1)
            {
                throw new ArgumentException("The error and reset rates of a rule must add up to at most 1.");
            }
            if (MaxFaults is < 0) throw new ArgumentOutOfRangeException(nameof(MaxFaults), MaxFaults, "MaxFaults must not be negative.");
            if (Latency < TimeSpan.Zero || RetryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Latency), "Delays must not be negative.");
        }

        private static bool PathMatches(string pattern, string path)
        {
            var want = pattern.Trim('/').Split('/');
            var have = path.Trim('/').Split('/');
            for (var i = 0; i < want.Length; i++)
            {
                if (want[i] == "**" && i == want.Length - 1) return true;
                if (i >= have.Length) return false;
                if (want[i] != "*" && !string.Equals(want[i], have[i], StringComparison.OrdinalIgnoreCase)) return false;
            }
            return want.Length == have.Length;
        }
    }
}
