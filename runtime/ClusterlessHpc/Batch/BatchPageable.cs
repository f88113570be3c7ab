using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Azure;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Pages of a Batch list, fetched one at a time by following <c>odata.nextLink</c>. The page size hint becomes
    /// <c>maxresults</c> when the call did not set one; a continuation token is a next link.
    /// </summary>
    internal sealed class BatchPageable<T> : AsyncPageable<T> where T : notnull
    {
        private readonly Func<string?, int?, Task<(IReadOnlyList<T> Items, string? NextLink, Response Response)>> _fetch;

        public BatchPageable(Func<string?, int?, Task<(IReadOnlyList<T> Items, string? NextLink, Response Response)>> fetch) => _fetch = fetch;

        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var next = continuationToken;
            do
            {
                var (items, nextLink, response) = await _fetch(next, pageSizeHint).ConfigureAwait(false);
                yield return Page<T>.FromValues(items, nextLink, response);
                next = nextLink;
            }
            while (!string.IsNullOrEmpty(next));
        }
    }
}
