using System;
using System.Globalization;
using ClusterlessHpc.Images;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// A pool's node agent whose retirement date, as the image catalogue records it, has come or is at most
    /// <see cref="NodeAgentRetirements.WarningDays"/> days away, with the image to move to.
    /// </summary>
    public sealed class NodeAgentRetirement
    {
        internal NodeAgentRetirement(string nodeAgent, DateTimeOffset retiresOn, int daysLeft, MarketplaceImageInfo replacement)
        {
            NodeAgent = nodeAgent;
            RetiresOn = retiresOn;
            DaysLeft = daysLeft;
            Replacement = $"{replacement} with '{replacement.NodeAgentSkuId}'";
        }

        /// <summary>The node agent SKU the pool runs.</summary>
        public string NodeAgent { get; }

        /// <summary>The date (midnight UTC) Batch retires, or retired, the agent.</summary>
        public DateTimeOffset RetiresOn { get; }

        /// <summary>Days from today (UTC) to the date; zero or less once it has come.</summary>
        public int DaysLeft { get; }

        /// <summary>Whether the date has come: Batch no longer creates or grows pools on the agent.</summary>
        public bool HasPassed => DaysLeft <= 0;

        /// <summary>The image to move to, with its node agent: <c>publisher:offer:sku with 'agent'</c>.</summary>
        public string Replacement { get; }

        private string Date => RetiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override string ToString() => HasPassed
            ? $"node agent '{NodeAgent}' was retired by Batch on {Date}: Batch no longer creates or grows pools on it and may scale them in to zero nodes. Move to {Replacement}"
            : $"node agent '{NodeAgent}' is retired by Batch on {Date}, in {DaysLeft} day(s): from then Batch no longer creates or grows pools on it. Move to {Replacement}";
    }

    /// <summary>The run-time side of the catalogue's retirement dates: it is the one place that asks what day it is.</summary>
    internal static class NodeAgentRetirements
    {
        /// <summary>How long before the date plan and apply start to warn.</summary>
        public const int WarningDays = 90;

        /// <summary>The retirement of <paramref name="definition"/>'s node agent when it has come or is near on <paramref name="now"/>'s date, else null.</summary>
        public static NodeAgentRetirement? Check(PoolDefinition definition, DateTimeOffset now)
        {
            var agentId = ImageRules.EffectiveNodeAgent(definition);
            if (agentId is null || ImageCatalogue.FindNodeAgent(agentId) is not { EndOfLife: { } date } agent) return null;
            var retiresOn = DateTimeOffset.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var daysLeft = (int)(retiresOn.UtcDateTime.Date - now.UtcDateTime.Date).TotalDays;
            if (daysLeft > WarningDays) return null;
            return new NodeAgentRetirement(agent.Id, retiresOn, daysLeft, ImageRetirements.ReplacementForAgent(definition, agentId));
        }
    }

    /// <summary>The pool's node agent is retired and the pool does not exist: nothing was sent, and no pool was created.</summary>
    public sealed class NodeAgentRetiredException : Exception
    {
        public NodeAgentRetiredException(string poolId, NodeAgentRetirement retirement)
            : base($"Pool '{poolId}' was not created: {retirement}. Nothing was sent to Batch.")
        {
            PoolId = poolId;
            Retirement = retirement;
        }

        public string PoolId { get; }
        public NodeAgentRetirement Retirement { get; }
    }
}
