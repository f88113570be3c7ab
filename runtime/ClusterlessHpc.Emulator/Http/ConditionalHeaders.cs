using System;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>Which conditional headers an operation accepts, per the spec.</summary>
    internal enum ConditionSupport
    {
        /// <summary>None: sending one is <c>UnsupportedHeader</c>.</summary>
        None,

        /// <summary>If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since.</summary>
        All,

        /// <summary>If-Modified-Since and If-Unmodified-Since only (node files).</summary>
        Dates,
    }

    /// <summary>
    /// The conditional headers of a request, at most one of them (the service answers
    /// <c>MultipleConditionHeadersNotSupported</c> otherwise). A read whose If-None-Match or If-Modified-Since fails is
    /// 304 with no body; any other failed condition is 412 <c>ConditionNotMet</c>. ETags compare without quotes.
    /// </summary>
    internal sealed class ConditionalHeaders
    {
        private static readonly string[] Names = ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"];

        private ConditionalHeaders(string name, string value, DateTimeOffset? date)
        {
            Name = name;
            Value = value;
            Date = date;
        }

        public string Name { get; }

        public string Value { get; }

        public DateTimeOffset? Date { get; }

        /// <summary>Reads the request's condition, refusing headers the operation does not accept.</summary>
        public static ConditionalHeaders? Read(HttpRequest request, ConditionSupport support)
        {
            var present = Names.Where(n => request.Headers.ContainsKey(n)).ToList();
            if (present.Count == 0) return null;
            foreach (var name in present)
            {
                var allowed = support == ConditionSupport.All || (support == ConditionSupport.Dates && name.EndsWith("-Since", StringComparison.Ordinal));
                if (!allowed) throw BatchErrors.UnsupportedHeader(name);
            }
            if (present.Count > 1) throw BatchErrors.MultipleConditionHeadersNotSupported();

            var header = present[0];
            var value = request.Headers[header].ToString();
            if (!header.EndsWith("-Since", StringComparison.Ordinal)) return new ConditionalHeaders(header, value, null);
            if (!DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                throw BatchErrors.InvalidHeaderValue(header, "The value must be an RFC 1123 date.");
            }
            return new ConditionalHeaders(header, value, date);
        }

        /// <summary>Throws when the resource's version fails the condition.</summary>
        /// <summary>The condition as the pool model takes it, for a read or for a change.</summary>
        public PoolPrecondition ForModel(bool isRead) => (etag, lastModified) => Check(etag, lastModified, isRead);

        public void Check(string etag, DateTimeOffset lastModified, bool isRead)
        {
            // HTTP dates have whole seconds; compare at that precision.
            var modified = lastModified.UtcTicks / TimeSpan.TicksPerSecond;
            var met = Name switch
            {
                "If-Match" => Value == "*" || Unquote(Value) == Unquote(etag),
                "If-None-Match" => Value != "*" && Unquote(Value) != Unquote(etag),
                "If-Modified-Since" => modified > Date!.Value.UtcTicks / TimeSpan.TicksPerSecond,
                _ => modified <= Date!.Value.UtcTicks / TimeSpan.TicksPerSecond,
            };
            if (met) return;
            throw isRead && Name is "If-None-Match" or "If-Modified-Since" ? BatchErrors.NotModified() : BatchErrors.ConditionNotMet();
        }

        private static string Unquote(string etag) => etag.Trim().Trim('"');
    }
}
