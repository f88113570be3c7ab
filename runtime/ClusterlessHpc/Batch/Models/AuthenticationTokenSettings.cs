using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Asks the service for a token in <c>AZ_BATCH_AUTHENTICATION_TOKEN</c> that lets the task call Batch for its job.</summary>
    public sealed class AuthenticationTokenSettings
    {
        public IList<AccessScope>? Access { get; set; }
    }
}
