using System.Text.Json.Nodes;

namespace ClusterlessHpc.Testing;

/// <summary>
/// The live Batch service's recorded request/response pairs in the shared reference data (../shared/batch-recordings,
/// one JSON line per interaction; INDEX.md describes the fields and numbers the observations). Reading them ends the
/// test as not run where the shared folder is absent.
/// </summary>
internal static class BatchRecordings
{
    public static string Folder { get; } = SharedReferenceData.Path("batch-recordings");

    /// <summary>One recorded interaction: where it came from, what was asked and what the service answered.</summary>
    public sealed record Interaction(string File, int Line, string Method, Uri Url, string ApiVersion, int Status, string? ResponseBody)
    {
        /// <summary>The path with every second segment (the ids) as <c>{}</c>: <c>pools/{}/nodes/{}</c>.</summary>
        public string Route
        {
            get
            {
                var segments = Url.AbsolutePath.Trim('/').Split('/');
                return string.Join('/', segments.Select((s, i) => i % 2 == 0 ? s : "{}"));
            }
        }

        /// <summary>The api-version's date part, which orders versions (2017-05-01.5.0 and 2025-06-01 alike).</summary>
        public string ApiVersionDate => ApiVersion.Length >= 10 ? ApiVersion[..10] : ApiVersion;

        public override string ToString() => $"{File}:{Line} {Method} {Route} {Status} ({ApiVersion})";
    }

    /// <summary>Every interaction of every recording file (not the derived autoscale-pairs.jsonl), in file and line order.</summary>
    public static IReadOnlyList<Interaction> All()
    {
        SharedReferenceData.Require();
        var all = new List<Interaction>();
        foreach (var file in Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name == "autoscale-pairs.jsonl") continue;
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var json = JsonNode.Parse(line)!.AsObject();
                all.Add(new Interaction(
                    name,
                    number,
                    json["method"]!.GetValue<string>(),
                    new Uri(json["url"]!.GetValue<string>()),
                    json["api_version"]!.GetValue<string>(),
                    json["status"]!.GetValue<int>(),
                    json["response_body"]?.GetValue<string>()));
            }
        }
        return all;
    }
}
