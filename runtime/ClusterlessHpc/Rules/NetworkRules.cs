using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for the pool's subnet and public IP addresses.</summary>
    internal static class NetworkRules
    {
        public static bool IsSubnetId(string id)
        {
            if (TextChecks.WhiteSpaceOrControl(id) is not null) return false;
            var parts = id.Split('/');
            return parts.Length == 11 && parts[0].Length == 0 &&
                   Is(parts[1], "subscriptions") && Is(parts[3], "resourceGroups") && Is(parts[5], "providers") &&
                   Is(parts[6], "Microsoft.Network") && Is(parts[7], "virtualNetworks") && Is(parts[9], "subnets") &&
                   parts[2].Length > 0 && parts[4].Length > 0 && parts[8].Length > 0 && parts[10].Length > 0;
        }

        internal static void Check(PoolDefinition d, List<PoolDiagnostic> found)
        {
            if (d.Network is not { } network) return;
            if (network.SubnetId is { } subnet && !IsSubnetId(subnet)) found.Add(new(DiagnosticCatalogue.SubnetIdMustBeValid, DefinitionTarget.SubnetId, subnet));
            var userManaged = network.PublicIPAddresses == PublicIPAddressProvisioning.UserManaged;
            if (network.PublicIPAddressIds.Count > 0 && !userManaged)
            {
                found.Add(new(DiagnosticCatalogue.PublicIPAddressIdsNeedUserManaged, DefinitionTarget.PublicIPAddressIds,
                    "PublicIPAddressIds are given but PublicIPAddresses is not UserManaged; set PublicIPAddresses = PublicIPAddressProvisioning.UserManaged"));
            }
            else if (userManaged && network.PublicIPAddressIds.Count == 0)
            {
                found.Add(new(DiagnosticCatalogue.PublicIPAddressIdsNeedUserManaged, DefinitionTarget.PublicIPAddresses,
                    "PublicIPAddresses is UserManaged but no PublicIPAddressIds are given"));
            }
        }

        private static bool Is(string part, string expected) => string.Equals(part, expected, StringComparison.OrdinalIgnoreCase);
    }
}
