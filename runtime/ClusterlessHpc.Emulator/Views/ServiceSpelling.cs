using System.Text.Json.Nodes;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// Values the service writes in another case than the specification's enums, which the client models send and keep
    /// (NOTES.md: send the exact spec values). The views apply these to what they return, so the emulator answers as the
    /// service does; the evidence for each is in ../shared/batch-recordings.
    /// </summary>
    internal static class ServiceSpelling
    {
        /// <summary>
        /// A value capitalized as the service echoes it: <c>nodeFillType</c> "spread" and "pack" come back "Spread" and
        /// "Pack" (every pool from api-version 2015-12-01.2.2 to 2025-06-01, e.g. python-assets-test_batch_scale_pools-sync.jsonl),
        /// a placement <c>policy</c> "zonal" comes back "Zonal" (observation 12, powershell-TestAutoScaleActions-2024.jsonl;
        /// "regional" alike, not recorded), a failure's <c>category</c> "usererror" is "UserError" (every start task and task
        /// failure recorded, 2015-12-01.2.2 to 2020-09-01.12.0; "servererror" alike, not recorded).
        /// </summary>
        public static void Capitalize(JsonObject? parent, string property)
        {
            if (parent?[property] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0) return;
            parent[property] = Capitalized(text);
        }

        /// <summary>
        /// The VM size as the service stores and returns it, on pools and nodes: lower case ("STANDARD_D1_V2" comes back
        /// "standard_d1_v2", batch-cli-ext-test_batch_extensions_live.jsonl).
        /// </summary>
        public static string VmSize(string vmSize) => vmSize.ToLowerInvariant();

        private static string Capitalized(string text)
        {
            var lower = text.ToLowerInvariant();
            return lower switch
            {
                "usererror" => "UserError",
                "servererror" => "ServerError",
                _ => char.ToUpperInvariant(lower[0]) + lower[1..],
            };
        }
    }
}
