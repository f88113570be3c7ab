using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A pool with the definition's id exists but was made from a different definition.</summary>
    public sealed class PoolDriftException : Exception
    {
        public PoolDriftException(string poolId, string? existingHash, string expectedHash)
            : base($"Pool '{poolId}' already exists but was not created from this definition " +
                   $"(its definition hash is {(existingHash is null ? "not recorded" : $"'{existingHash}'")}, this definition's is '{expectedHash}'). " +
                   "Delete the pool or give the definition another id.")
        {
            PoolId = poolId;
            ExistingHash = existingHash;
            ExpectedHash = expectedHash;
        }

        public string PoolId { get; }

        public string? ExistingHash { get; }

        public string ExpectedHash { get; }
    }
}
