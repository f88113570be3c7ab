using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// List paging as the service does it: <c>maxresults</c> (1 to 1000, default 1000) items per page and an absolute
    /// <c>odata.nextLink</c> that carries a <c>$skiptoken</c>, the key of the last item returned. Keys are ids, so a page
    /// stays right when items come and go between requests.
    /// </summary>
    internal static class Paging
    {
        public const int DefaultMaxResults = 1000;
        private const string SkipToken = "$skiptoken";

        public static (IReadOnlyList<T> Items, string? NextLink) Page<T>(HttpRequest request, IEnumerable<T> items, Func<T, string> key)
        {
            var maxResults = ReadMaxResults(request);
            var after = request.Query[SkipToken].ToString();
            var remaining = items
                .OrderBy(key, StringComparer.OrdinalIgnoreCase)
                .Where(item => after.Length == 0 || StringComparer.OrdinalIgnoreCase.Compare(key(item), after) > 0)
                .Take(maxResults + 1)
                .ToList();
            if (remaining.Count <= maxResults) return (remaining, null);

            var page = remaining.GetRange(0, maxResults);
            return (page, NextLink(request, key(page[^1])));
        }

        private static int ReadMaxResults(HttpRequest request)
        {
            var text = request.Query["maxresults"].ToString();
            if (text.Length == 0) return DefaultMaxResults;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw BatchErrors.InvalidQueryParameterValue("maxresults", text, "maxresults must be an integer.");
            }
            // The service's words for -5 (recorded from 2020-09-01.12.0 to 2023-11-01.18.0).
            if (value < 1) throw BatchErrors.InvalidQueryParameterValue("maxresults", text, "MaxResults cannot be less than 1");
            if (value > DefaultMaxResults)
            {
                throw BatchErrors.OutOfRangeQueryParameterValue("maxresults", text, "maxresults must be between 1 and 1000.");
            }
            return value;
        }

        private static string NextLink(HttpRequest request, string lastKey)
        {
            var query = request.Query
                .Where(p => !string.Equals(p.Key, SkipToken, StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new KeyValuePair<string, string?>(SkipToken, lastKey));
            return BaseUrl.Of(request) + request.Path.Value!.TrimStart('/') + QueryString.Create(query);
        }
    }
}
