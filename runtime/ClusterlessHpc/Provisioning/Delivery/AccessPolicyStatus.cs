using System;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>What <see cref="BlobDelivery.EnsureAccessPolicyAsync"/> did to the container's stored access policy.</summary>
    public enum AccessPolicyChange
    {
        /// <summary>It was there, read-only, with enough time left.</summary>
        Unchanged,

        /// <summary>It was missing and is now there.</summary>
        Created,

        /// <summary>It was near its expiry (or not read-only) and now lasts a full lifetime again.</summary>
        Renewed,
    }

    /// <summary>The container's stored access policy after <see cref="BlobDelivery.EnsureAccessPolicyAsync"/>.</summary>
    /// <param name="Name">The policy's identifier.</param>
    /// <param name="ExpiresOn">When the SAS bound to it stop working unless it is renewed.</param>
    /// <param name="Change">What was done.</param>
    public sealed record AccessPolicyStatus(string Name, DateTimeOffset ExpiresOn, AccessPolicyChange Change);
}
