using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Legacy
{
    /// <summary>The keys of AzureClusterlessHPC.jl's <c>parameters.json</c> and the package's defaults for them.</summary>
    internal static class LegacyParameterKeys
    {
        public const string PoolId = "_POOL_ID";
        public const string PoolCount = "_POOL_COUNT";
        public const string NodeCountPerPool = "_NODE_COUNT_PER_POOL";

        /// <summary>The spelling of <see cref="NodeCountPerPool"/> the package's documentation uses; both are accepted.</summary>
        public const string PoolNodeCount = "_POOL_NODE_COUNT";

        public const string PoolVmSize = "_POOL_VM_SIZE";
        public const string NodeOsPublisher = "_NODE_OS_PUBLISHER";
        public const string NodeOsOffer = "_NODE_OS_OFFER";
        public const string NodeOsSku = "_NODE_OS_SKU";
        public const string BlobContainer = "_BLOB_CONTAINER";
        public const string InterNodeConnection = "_INTER_NODE_CONNECTION";
        public const string Container = "_CONTAINER";
        public const string JuliaDepotPath = "_JULIA_DEPOT_PATH";
        public const string JobId = "_JOB_ID";
        public const string NumRetrys = "_NUM_RETRYS";
        public const string MpiRun = "_MPI_RUN";
        public const string NumNodesPerTask = "_NUM_NODES_PER_TASK";
        public const string NumProcsPerNode = "_NUM_PROCS_PER_NODE";
        public const string OmpNumThreads = "_OMP_NUM_THREADS";
        public const string JuliaNumThreads = "_JULIA_NUM_THREADS";
        public const string PythonPath = "_PYTHONPATH";
        public const string Verbose = "_VERBOSE";
        public const string StandardOutFileName = "_STANDARD_OUT_FILE_NAME";

        /// <summary>The value of <see cref="Container"/> that means "no container".</summary>
        public const string NoContainer = "None";

        /// <summary>Every key with the package's default, in the order of its parameter table.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Defaults { get; } = new[]
        {
            Default(PoolId, "BatchPool"),
            Default(PoolCount, "1"),
            Default(NodeCountPerPool, "1"),
            Default(PoolVmSize, PoolDefinition.DefaultVmSize),
            Default(JobId, "BatchJob"),
            Default(StandardOutFileName, "stdout.txt"),
            Default(NodeOsPublisher, "Canonical"),
            Default(NodeOsOffer, "UbuntuServer"),
            Default(NodeOsSku, "18.04"),
            Default(BlobContainer, "azureclusterlesshpctemp"),
            Default(InterNodeConnection, "0"),
            Default(NumRetrys, "0"),
            Default(MpiRun, "0"),
            Default(Container, NoContainer),
            Default(NumNodesPerTask, "1"),
            Default(NumProcsPerNode, "1"),
            Default(OmpNumThreads, "1"),
            Default(JuliaNumThreads, "1"),
            Default(JuliaDepotPath, "/mnt/batch/tasks/startup/wd/.julia"),
            Default(PythonPath, "/mnt/batch/tasks/startup/wd/.local/lib/python3.6/site-packages"),
            Default(Verbose, "1"),
        };

        /// <summary>The keys whose values are 0/1 flags (for which JSON <c>true</c>/<c>false</c> are also accepted).</summary>
        public static bool IsFlag(string key) => key is InterNodeConnection or MpiRun or Verbose;

        /// <summary>Whether the package reads <paramref name="key"/> (compared exactly, as the package did).</summary>
        public static bool IsKnown(string key) => key == PoolNodeCount || DefaultOf(key) is not null;

        /// <summary>The package's default for <paramref name="key"/>, or <c>null</c> for an unknown key.</summary>
        public static string? DefaultOf(string key)
        {
            foreach (var pair in Defaults)
            {
                if (pair.Key == key) return pair.Value;
            }
            return key == PoolNodeCount ? DefaultOf(NodeCountPerPool) : null;
        }

        /// <summary>A known key that differs from <paramref name="key"/> only in case, for "did you mean" hints.</summary>
        internal static string? CaseInsensitiveMatch(string key)
        {
            foreach (var pair in Defaults)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return pair.Key;
            }
            return string.Equals(PoolNodeCount, key, StringComparison.OrdinalIgnoreCase) ? PoolNodeCount : null;
        }

        private static KeyValuePair<string, string> Default(string key, string value) => new(key, value);
    }
}
