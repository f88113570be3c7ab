namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The error codes a pool wait fails with when the reason is not a code Batch itself gave: a resize error keeps
    /// Batch's code (<c>AllocationFailed</c>, <c>AccountCoreQuotaReached</c>, ...) and a failed start task keeps its
    /// failure info's code (<c>FailureExitCode</c>, ...).
    /// </summary>
    public static class BatchPoolWaitErrorCodes
    {
        /// <summary>The pool is being deleted, so it will never be ready.</summary>
        public const string PoolBeingDeleted = "PoolBeingDeleted";

        /// <summary>
        /// A node is <c>unusable</c>. Named for the condition of the pool's node, not after <c>NodeStateUnusable</c>,
        /// which is the code Batch puts among that node's own errors (the message lists those).
        /// </summary>
        public const string NodeUnusable = "NodeUnusable";

        /// <summary>A resize error without a code of its own.</summary>
        public const string ResizeError = "ResizeError";

        /// <summary>A failed start task without failure info.</summary>
        public const string StartTaskFailed = "StartTaskFailed";
    }
}
