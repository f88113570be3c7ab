using System;
using System.Collections.Generic;
using System.Text.Json;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// AzureClusterlessHPC.jl's <c>parameters.json</c>: every key of the package with its default, overridden by
    /// the keys the file names. Unknown keys are warnings; a value of the wrong kind is a
    /// <see cref="LegacyConfigurationException"/> naming the key and the file.
    /// </summary>
    public sealed class LegacyParameters
    {
        /// <summary>The file name the package read by default.</summary>
        public const string DefaultFileName = "parameters.json";

        private readonly Dictionary<string, string> _values;
        private readonly HashSet<string> _given;

        private LegacyParameters(string sourceName, Dictionary<string, string> values, HashSet<string> given, List<LegacyWarning> warnings)
        {
            SourceName = sourceName;
            _values = values;
            _given = given;
            Warnings = warnings;
            var source = new LegacySource(sourceName);

            PoolId = values[Keys.PoolId];
            PoolCount = LegacyValues.Integer(Keys.PoolCount, values[Keys.PoolCount], 1, source);
            (NodeCountPerPool, NodeCountKey) = ReadNodeCount(values, given, source);
            VmSize = values[Keys.PoolVmSize].Trim();
            NodeOsPublisher = values[Keys.NodeOsPublisher].Trim();
            NodeOsOffer = values[Keys.NodeOsOffer].Trim();
            NodeOsSku = values[Keys.NodeOsSku].Trim();
            BlobContainer = ReadBlobContainer(values[Keys.BlobContainer], source);
            InterNodeConnection = LegacyValues.Flag(Keys.InterNodeConnection, values[Keys.InterNodeConnection], source);
            var container = values[Keys.Container].Trim();
            Container = container.Length == 0 || container.Equals(Keys.NoContainer, StringComparison.OrdinalIgnoreCase) ? null : container;
            JuliaDepotPath = values[Keys.JuliaDepotPath];
            Job = ReadJob(values, source, warnings);
        }

        /// <summary>The package's defaults, as if the file were empty.</summary>
        public static LegacyParameters Defaults { get; } = Parse("{}", DefaultFileName);

        /// <summary>The file the values came from (the path given to <see cref="Load"/>).</summary>
        public string SourceName { get; }

        /// <summary><c>_POOL_ID</c>: the base id; the pools are <c>{PoolId}_1</c> … <c>{PoolId}_{PoolCount}</c>.</summary>
        public string PoolId { get; }

        /// <summary><c>_POOL_COUNT</c>.</summary>
        public int PoolCount { get; }

        /// <summary><c>_NODE_COUNT_PER_POOL</c> or <c>_POOL_NODE_COUNT</c>: dedicated nodes per pool (not used with autoscale).</summary>
        public int NodeCountPerPool { get; }

        /// <summary>The key <see cref="NodeCountPerPool"/> came from (<c>_NODE_COUNT_PER_POOL</c> when the file names neither).</summary>
        public string NodeCountKey { get; }

        /// <summary><c>_POOL_VM_SIZE</c>.</summary>
        public string VmSize { get; }

        /// <summary><c>_NODE_OS_PUBLISHER</c>.</summary>
        public string NodeOsPublisher { get; }

        /// <summary><c>_NODE_OS_OFFER</c>.</summary>
        public string NodeOsOffer { get; }

        /// <summary><c>_NODE_OS_SKU</c>: the package took the first supported image whose SKU starts with it.</summary>
        public string NodeOsSku { get; }

        /// <summary><c>_BLOB_CONTAINER</c>, lower-cased as the package did.</summary>
        public string BlobContainer { get; }

        /// <summary><c>_INTER_NODE_CONNECTION</c>.</summary>
        public bool InterNodeConnection { get; }

        /// <summary><c>_CONTAINER</c>: the Docker image preloaded on every node; <c>null</c> for <c>"None"</c>.</summary>
        public string? Container { get; }

        /// <summary><c>_JULIA_DEPOT_PATH</c>: where Julia's depot is on a custom image.</summary>
        public string JuliaDepotPath { get; }

        /// <summary>The job and task keys.</summary>
        public LegacyJobSettings Job { get; }

        /// <summary>Unknown keys, repeated keys and settings that conflict, each with its key and this file.</summary>
        public IReadOnlyList<LegacyWarning> Warnings { get; }

        /// <summary>Every key of the package with its effective text (the file's value, else the default).</summary>
        public IReadOnlyDictionary<string, string> Values => _values;

        /// <summary>The known keys the file names (including <c>_POOL_NODE_COUNT</c>).</summary>
        public IReadOnlyCollection<string> GivenKeys => _given;

        /// <summary>Whether the file names <paramref name="key"/> (rather than leaving the package's default).</summary>
        public bool IsGiven(string key) => _given.Contains(key);

        /// <summary>Reads <paramref name="path"/>; errors and warnings name it.</summary>
        public static LegacyParameters Load(string path) => Parse(LegacyJson.ReadFile(path), path);

        /// <summary>Reads parameters from JSON text; <paramref name="sourceName"/> names it in errors and warnings.</summary>
        public static LegacyParameters Parse(string json, string sourceName = DefaultFileName)
        {
            using var document = LegacyJson.Parse(json, sourceName);
            return FromDocument(document, sourceName);
        }

        public override string ToString() =>
            $"{SourceName}: {PoolCount} pool(s) '{PoolId}_N' of {NodeCountPerPool} x {VmSize}";

        private static LegacyParameters Parse(byte[] utf8, string sourceName)
        {
            using var document = LegacyJson.Parse(utf8, sourceName);
            return FromDocument(document, sourceName);
        }

        private static LegacyParameters FromDocument(JsonDocument document, string sourceName)
        {
            var source = new LegacySource(sourceName);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw LegacyConfigurationException.ForEntry(source, null,
                    $"the file holds {LegacyJson.Describe(root.ValueKind)}; it must hold one object of \"_KEY\": \"value\" pairs");
            }

            var warnings = new List<LegacyWarning>();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in LegacyParameterKeys.Defaults) values.Add(pair.Key, pair.Value);
            var given = new HashSet<string>(StringComparer.Ordinal);

            foreach (var property in LegacyJson.Properties(root, source, warnings))
            {
                var key = property.Key;
                if (!Keys.IsKnown(key))
                {
                    var match = Keys.CaseInsensitiveMatch(key);
                    warnings.Add(source.Warning(key, match is null
                        ? "unknown key; AzureClusterlessHPC.jl did not read it either, so it is ignored"
                        : $"unknown key, ignored; keys are case-sensitive: did you mean {match}?"));
                    continue;
                }
                given.Add(key);
                values[key] = LegacyValues.Text(key, property.Value, source);
            }
            var parameters = new LegacyParameters(sourceName, values, given, warnings);
            if (given.Contains(Keys.PoolNodeCount) && !given.Contains(Keys.NodeCountPerPool))
            {
                // Values shows the effective node count under the package's own key too.
                values[Keys.NodeCountPerPool] = values[Keys.PoolNodeCount];
            }
            return parameters;
        }

        private static (int Count, string Key) ReadNodeCount(Dictionary<string, string> values, HashSet<string> given, LegacySource source)
        {
            if (!given.Contains(Keys.PoolNodeCount))
            {
                return (LegacyValues.Integer(Keys.NodeCountPerPool, values[Keys.NodeCountPerPool], 0, source), Keys.NodeCountPerPool);
            }
            var alias = LegacyValues.Integer(Keys.PoolNodeCount, values[Keys.PoolNodeCount], 0, source);
            if (!given.Contains(Keys.NodeCountPerPool)) return (alias, Keys.PoolNodeCount);
            var count = LegacyValues.Integer(Keys.NodeCountPerPool, values[Keys.NodeCountPerPool], 0, source);
            if (count != alias)
            {
                throw LegacyConfigurationException.ForEntry(source, Keys.NodeCountPerPool,
                    $"\"{values[Keys.NodeCountPerPool]}\" disagrees with {Keys.PoolNodeCount} \"{values[Keys.PoolNodeCount]}\"; " +
                    "the two keys are spellings of the same node count, so keep one of them");
            }
            return (count, Keys.NodeCountPerPool);
        }

        private static string ReadBlobContainer(string text, LegacySource source)
        {
            var name = text.Trim().ToLowerInvariant();
            var problem = LegacyValues.BlobContainerProblem(name);
            if (problem is not null)
            {
                throw LegacyConfigurationException.ForEntry(source, Keys.BlobContainer, $"'{text}' is not a blob container name: {problem}");
            }
            return name;
        }

        private static LegacyJobSettings ReadJob(Dictionary<string, string> values, LegacySource source, List<LegacyWarning> warnings)
        {
            var interNode = LegacyValues.Flag(Keys.InterNodeConnection, values[Keys.InterNodeConnection], source);
            var nodesPerTask = LegacyValues.Integer(Keys.NumNodesPerTask, values[Keys.NumNodesPerTask], 1, source);
            if (nodesPerTask > 1 && !interNode)
            {
                // The package resets this to 1 without inter-node communication; so do we, and say so.
                warnings.Add(source.Warning(Keys.NumNodesPerTask,
                    $"{nodesPerTask} nodes per task need {Keys.InterNodeConnection} = \"1\"; using 1, as AzureClusterlessHPC.jl did"));
                nodesPerTask = 1;
            }
            return new LegacyJobSettings
            {
                JobId = values[Keys.JobId],
                TaskRetryCount = LegacyValues.Integer(Keys.NumRetrys, values[Keys.NumRetrys], 0, source),
                MpiRun = LegacyValues.Flag(Keys.MpiRun, values[Keys.MpiRun], source),
                NodesPerTask = nodesPerTask,
                ProcessesPerNode = LegacyValues.Integer(Keys.NumProcsPerNode, values[Keys.NumProcsPerNode], 1, source),
                OmpThreads = LegacyValues.Integer(Keys.OmpNumThreads, values[Keys.OmpNumThreads], 1, source),
                JuliaThreads = values[Keys.JuliaNumThreads].Trim(),
                PythonPath = values[Keys.PythonPath],
                Verbose = LegacyValues.Flag(Keys.Verbose, values[Keys.Verbose], source),
                StandardOutFileName = values[Keys.StandardOutFileName],
            };
        }
    }
}
