using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// Refuses query parameters an operation does not take (<c>UnsupportedQueryParameter</c>), as the spec lists them
    /// per operation; <c>api-version</c> and <c>timeout</c> are always allowed, and list operations take the
    /// <c>$skiptoken</c> of their own next links.
    /// </summary>
    internal static class QueryRules
    {
        public static void Require(HttpRequest request, params string[] allowed)
        {
            foreach (var name in request.Query.Keys)
            {
                if (name.Equals("api-version", StringComparison.OrdinalIgnoreCase) || name.Equals("timeout", StringComparison.OrdinalIgnoreCase)) continue;
                if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase)) throw BatchErrors.UnsupportedQueryParameter(name);
            }
        }

        public static string? Get(HttpRequest request, string name) =>
            request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

        /// <summary>The JSON names of a model's properties, for <c>$select</c> and <c>$filter</c> checks.</summary>
        public static IReadOnlySet<string> PropertiesOf(Type model) =>
            BatchJson.TypeInfo(model).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
