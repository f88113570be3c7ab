using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>Batch could not make the pool ready: a resize error, unusable nodes, a pool being deleted. The message says which.</summary>
    public class PoolProvisioningException : Exception
    {
        public PoolProvisioningException(string poolId, string code, string message)
            : base(message)
        {
            PoolId = poolId;
            Code = code;
        }

        public string PoolId { get; }

        /// <summary>The code of the failure: a resize error code such as <c>AccountCoreQuotaReached</c>, or one of <see cref="Batch.BatchPoolWaitErrorCodes"/>.</summary>
        public string Code { get; }
    }
}
