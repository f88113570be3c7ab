using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for the pool's own settings: VM size, node counts, slots, timeouts, start task, environment and metadata.</summary>
    internal static class PoolSettingsRules
    {
        /// <summary>The longest a startup-script step may be allowed to take: a day.</summary>
        public const int MaxStepTimeoutMinutes = 1440;

        /// <summary>Why <paramref name="vmSize"/> is not a VM size Batch accepts, or null.</summary>
        public static string? VmSizeProblem(string vmSize)
        {
            if (vmSize.Length == 0) return "it is empty";
            var underscore = vmSize.IndexOf('_');
            var tier = underscore < 0 ? "" : vmSize.Substring(0, underscore);
            if (!string.Equals(tier, "Standard", StringComparison.OrdinalIgnoreCase) && !string.Equals(tier, "Basic", StringComparison.OrdinalIgnoreCase))
            {
                return "Azure VM sizes start with 'Standard_' (or 'Basic_'), for example 'Standard_E8s_v3'";
            }
            var name = vmSize.Substring(underscore + 1);
            var hasDigit = false;
            foreach (var c in name)
            {
                if (!(TextChecks.IsAsciiLetter(c) || c is >= '0' and <= '9' || c is '_' or '-'))
                {
                    return $"'{CharacterNames.Describe(c)}' is not allowed in a VM size";
                }
                hasDigit |= c is >= '0' and <= '9';
            }
            if (!hasDigit) return "a VM size names its vCPU count, for example 'Standard_E8s_v3'";
            if (string.Equals(vmSize, "Standard_A0", StringComparison.OrdinalIgnoreCase)) return "Batch does not support Standard_A0";
            if (StartsWithSeries(name, "DS") || StartsWithSeries(name, "GS"))
            {
                return "Batch does not support the premium-storage DS, DSv2 and GS series; use for example the Dsv3 sizes ('Standard_D2s_v3')";
            }
            return null;
        }

        internal static void Check(PoolDefinition d, List<PoolDiagnostic> found)
        {
            var vmProblem = VmSizeProblem(d.VmSize);
            if (vmProblem is not null) found.Add(new(DiagnosticCatalogue.VmSizeMustBeValid, DefinitionTarget.VmSize, d.VmSize, vmProblem));

            if (d.NodeCount < 0) found.Add(new(DiagnosticCatalogue.NodeCountMustNotBeNegative, DefinitionTarget.NodeCount, "NodeCount", d.NodeCount));
            if (d.LowPriorityNodeCount < 0) found.Add(new(DiagnosticCatalogue.NodeCountMustNotBeNegative, DefinitionTarget.LowPriorityNodeCount, "LowPriorityNodeCount", d.LowPriorityNodeCount));
            if (d.AutoScale is null && d.EffectiveNodeCount == 0 && d.EffectiveLowPriorityNodeCount == 0)
            {
                found.Add(new(DiagnosticCatalogue.PoolShouldHaveNodes,
                    d.NodeCount is null ? DefinitionTarget.LowPriorityNodeCount : DefinitionTarget.NodeCount, d.Id));
            }

            if (d.TaskSlotsPerNode is < ServiceLimits.MinTaskSlotsPerNode or > ServiceLimits.MaxTaskSlotsPerNode) found.Add(new(DiagnosticCatalogue.TaskSlotsPerNodeMustBeInRange, DefinitionTarget.TaskSlotsPerNode, d.TaskSlotsPerNode));
            if (d.ResizeTimeoutMinutes is < ServiceLimits.MinResizeTimeoutMinutes) found.Add(new(DiagnosticCatalogue.ResizeTimeoutMustBeAtLeastFiveMinutes, DefinitionTarget.ResizeTimeoutMinutes, d.ResizeTimeoutMinutes));
            if (d.StartTaskRetryCount is < -1 or > 100) found.Add(new(DiagnosticCatalogue.StartTaskRetryCountMustBeInRange, DefinitionTarget.StartTaskRetryCount, d.StartTaskRetryCount));
            if (d.StartTaskStepTimeoutMinutes is < 1 or > MaxStepTimeoutMinutes)
            {
                found.Add(new(DiagnosticCatalogue.StepTimeoutMustBeInRange, DefinitionTarget.StartTaskStepTimeout, d.StartTaskStepTimeoutMinutes));
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < d.EnvironmentVariables.Count; i++)
            {
                var name = d.EnvironmentVariables[i].Name;
                var problem = EnvironmentVariableNameProblem(name);
                if (problem is not null) found.Add(new(DiagnosticCatalogue.EnvironmentVariableNameMustBeValid, DefinitionTarget.EnvironmentVariable(i, nameof(EnvironmentVariableAttribute.Name)), name, problem));
                else if (!names.Add(name)) found.Add(new(DiagnosticCatalogue.NamesMustBeUnique, DefinitionTarget.EnvironmentVariable(i, nameof(EnvironmentVariableAttribute.Name)), "Environment variable", name));
            }

            names.Clear();
            for (var i = 0; i < d.Metadata.Count; i++)
            {
                var name = d.Metadata[i].Name;
                if (name.Trim().Length == 0) found.Add(new(DiagnosticCatalogue.MetadataMustBeValid, DefinitionTarget.Metadata(i, nameof(MetadataAttribute.Name)), name, "it is empty"));
                else if (name.StartsWith(ReservedMetadataPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new(DiagnosticCatalogue.MetadataMustBeValid, DefinitionTarget.Metadata(i, nameof(MetadataAttribute.Name)), name, $"names starting with '{ReservedMetadataPrefix}' are ClusterlessHpc's own"));
                }
                else if (!names.Add(name)) found.Add(new(DiagnosticCatalogue.NamesMustBeUnique, DefinitionTarget.Metadata(i, nameof(MetadataAttribute.Name)), "Metadata", name));
            }
        }

        /// <summary>Metadata ClusterlessHpc writes on the pools it creates.</summary>
        public const string ReservedMetadataPrefix = "clusterlesshpc-";

        /// <summary>The start task variables ClusterlessHpc sets itself (its script's delivery): no definition may name one.</summary>
        public const string ReservedVariablePrefix = "CHPC_";

        private static string? EnvironmentVariableNameProblem(string name)
        {
            if (name.Length == 0) return "it is empty";
            if (!TextChecks.IsIdentifier(name)) return "use letters, digits and '_', not starting with a digit";
            if (name.StartsWith("AZ_BATCH_", StringComparison.Ordinal)) return "Batch sets the AZ_BATCH_ variables itself";
            if (name.StartsWith(ReservedVariablePrefix, StringComparison.Ordinal)) return $"the {ReservedVariablePrefix} variables are ClusterlessHpc's own";
            if (name.StartsWith("LD_", StringComparison.Ordinal) || ShellStartupVariables.Contains(name))
            {
                return "bash or the program loader reads it when the start task starts, so it would run code before the script";
            }
            return null;
        }

        // Read by bash (or the loader) at start-up: a value here runs before any line of the script.
        private static readonly HashSet<string> ShellStartupVariables = new(StringComparer.Ordinal)
        {
            "BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS", "PS4", "PROMPT_COMMAND", "IFS", "PATH", "BASH_XTRACEFD", "GLOBIGNORE", "CDPATH",
        };

        private static bool StartsWithSeries(string name, string series) =>
            name.Length > series.Length && name.StartsWith(series, StringComparison.OrdinalIgnoreCase) && char.IsDigit(name[series.Length]);
    }
}
