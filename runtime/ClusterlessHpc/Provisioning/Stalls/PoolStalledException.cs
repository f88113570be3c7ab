using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// The wait for a pool timed out, and the service shows why: the message ends with the root cause and its fix
    /// (<see cref="Explanation"/>). A <see cref="TimeoutException"/>, as every wait's timeout is.
    /// </summary>
    public sealed class PoolStalledException : TimeoutException
    {
        public PoolStalledException(string poolId, string message, PoolStallExplanation explanation, Exception? innerException = null)
            : base(message, innerException)
        {
            PoolId = poolId;
            Explanation = explanation;
        }

        public string PoolId { get; }

        /// <summary>The cause, its fix and the evidence.</summary>
        public PoolStallExplanation Explanation { get; }
    }
}
