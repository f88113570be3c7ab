using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>Options several commands share.</summary>
    internal static class CommonOptions
    {
        public static Option<bool> Json() => new("--json") { Description = "Print one JSON document on standard output (no table, no colour)." };

        /// <summary>How long commands wait when <c>--timeout</c> is not given.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

        // No DefaultValueFactory: help would show it as 00:30:00, not as it is typed; the description says it once.
        // At most the longest wait the provisioner can time: a longer one would fail only after the command had begun.
        public static Option<TimeSpan?> Timeout() =>
            Duration("--timeout", "How long to wait for the nodes: 90s, 20m, 2h, or minutes (default 30m).", maximum: PoolProvisionerOptions.MaxTimeout);

        /// <summary>
        /// A duration typed as 90s, 20m, 2h or minutes, more than zero (or zero with <paramref name="allowZero"/>), from
        /// <paramref name="minimum"/> to <paramref name="maximum"/> when given; anything else is a usage error naming the
        /// option and the value.
        /// </summary>
        public static Option<TimeSpan?> Duration(string name, string description, TimeSpan? minimum = null, TimeSpan? maximum = null, bool allowZero = false) => new(name)
        {
            Description = description,
            HelpName = "DURATION",
            CustomParser = result =>
            {
                var value = ParseDuration(result, name, allowZero);
                if (value is not { } duration) return null;
                if (duration < (minimum ?? TimeSpan.Zero) || duration > (maximum ?? TimeSpan.MaxValue))
                {
                    var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
                    result.AddError(minimum is null
                        ? $"{name} '{text}' must be at most {DurationText.Format(maximum!.Value)}."
                        : $"{name} '{text}' must be from {DurationText.Format(minimum.Value)} to {DurationText.Format(maximum ?? TimeSpan.MaxValue)}.");
                    return null;
                }
                return duration;
            },
        };

        public static Option<bool> NoWait() => new("--no-wait") { Description = "Return once Batch accepts the request, without waiting." };

        /// <summary>A whole number of at least <paramref name="minimum"/>; anything else is a usage error naming the option.</summary>
        public static Option<int?> Count(string name, string description, int minimum = 0, string helpName = "N", int maximum = int.MaxValue, string? unit = null) => new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum) return value;
                result.AddError(maximum == int.MaxValue
                    ? $"{name} '{text}' must be a whole number, {minimum} or more."
                    : $"{name} '{text}' must be a whole number{(unit is null ? "" : " of " + unit)} from {minimum} to {maximum}.");
                return null;
            },
        };

        /// <summary>The name of the argument that holds a pool id, on every command that takes one.</summary>
        public const string PoolArgumentName = "POOL";

        public static Argument<string> PoolArgument()
        {
            var pool = new Argument<string>(PoolArgumentName) { Description = "The pool id." };
            UsageErrors.RejectEmptyOrOptionLikeValues(pool);
            return pool;
        }

        private static TimeSpan? ParseDuration(ArgumentResult result, string name, bool allowZero = false)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
            var unit = text.Length > 0 && char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 'm';
            var number = char.IsLetter(text.Length > 0 ? text[^1] : '0') ? text[..^1] : text;
            double? seconds = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => null };
            if (seconds is { } perUnit && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) &&
                (value > 0 || (allowZero && value == 0)))
            {
                // A number too large for a TimeSpan is refused here, naming the option, rather than overflowing.
                var total = value * perUnit;
                if (double.IsFinite(total) && total < TimeSpan.MaxValue.TotalSeconds) return TimeSpan.FromSeconds(total);
                result.AddError($"{name} '{text}' is longer than any wait can be.");
                return null;
            }
            result.AddError($"{name} '{text}' is not a duration such as 90s, 20m or 2h.");
            return null;
        }
    }
}
