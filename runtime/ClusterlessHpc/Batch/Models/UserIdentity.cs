using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The user a task runs as.</summary>
    public sealed class UserIdentity
    {
        [JsonPropertyName("username")]
        public string? Username { get; set; }

        public AutoUserSpecification? AutoUser { get; set; }
    }
}
