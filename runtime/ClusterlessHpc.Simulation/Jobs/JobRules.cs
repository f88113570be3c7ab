using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The service's rules for a job or task the model is given: ids, ranges and the enumerations' values. Each refusal
    /// names the property and says what is wrong; the model checks before it holds anything.
    /// </summary>
    internal static class JobRules
    {
        public static void CheckJob(JobSpec spec)
        {
            CheckId(spec.Id, "id", ServiceLimits.IsValidJobId(spec.Id), ServiceLimits.MaxJobIdLength);
            if (string.IsNullOrWhiteSpace(spec.PoolInfo?.PoolId)) throw ModelErrors.MissingRequiredProperty("poolInfo.poolId");
            CheckCommon(spec.Priority, spec.MaxParallelTasks, spec.OnAllTasksComplete, spec.Constraints);
            if (spec.OnTaskFailure is { } failure && !IsOneOf(failure, JobSpecValues.NoAction, JobSpecValues.PerformExitOptionsJobAction))
            {
                throw ModelErrors.InvalidPropertyValue("onTaskFailure", $"'{failure}' is not noaction or performexitoptionsjobaction.");
            }
            CheckEnvironment(spec.CommonEnvironmentSettings, "commonEnvironmentSettings");
        }

        public static void CheckCommon(int? priority, int? maxParallelTasks, string? onAllTasksComplete, JobConstraintsSpec? constraints)
        {
            if (priority is < -1000 or > 1000) throw ModelErrors.InvalidPropertyValue("priority", $"{priority} is not between -1000 and 1000.");
            if (maxParallelTasks is 0 or < -1) throw ModelErrors.InvalidPropertyValue("maxParallelTasks", $"{maxParallelTasks} is neither -1 nor greater than 0.");
            if (onAllTasksComplete is { } complete && !IsOneOf(complete, JobSpecValues.NoAction, JobSpecValues.TerminateJob))
            {
                throw ModelErrors.InvalidPropertyValue("onAllTasksComplete", $"'{complete}' is not noaction or terminatejob.");
            }
            if (constraints?.MaxTaskRetryCount is < -1) throw ModelErrors.InvalidPropertyValue("constraints.maxTaskRetryCount", "maxTaskRetryCount must be -1 or more.");
            if (constraints?.MaxWallClockTime is { } wall && wall <= TimeSpan.Zero) throw ModelErrors.InvalidPropertyValue("constraints.maxWallClockTime", "maxWallClockTime must be positive.");
        }

        /// <summary>A task as add and add-collection check it, the simulated run settings included.</summary>
        public static void CheckTask(TaskSpec spec)
        {
            CheckId(spec.Id, "id", ServiceLimits.IsValidTaskId(spec.Id), ServiceLimits.MaxTaskIdLength);
            if (string.IsNullOrWhiteSpace(spec.CommandLine)) throw ModelErrors.MissingRequiredProperty("commandLine");
            if (spec.RequiredSlots is < 1) throw ModelErrors.InvalidPropertyValue("requiredSlots", "requiredSlots must be at least 1.");
            if (spec.AffinityInfo is { } affinity && string.IsNullOrEmpty(affinity.AffinityId)) throw ModelErrors.MissingRequiredProperty("affinityInfo.affinityId");
            var constraints = spec.Constraints;
            if (constraints?.MaxTaskRetryCount is < -1) throw ModelErrors.InvalidPropertyValue("constraints.maxTaskRetryCount", "maxTaskRetryCount must be -1 or more.");
            if (constraints?.MaxWallClockTime is { } wall && wall <= TimeSpan.Zero) throw ModelErrors.InvalidPropertyValue("constraints.maxWallClockTime", "maxWallClockTime must be positive.");
            if (constraints?.RetentionTime is { } retention && retention < TimeSpan.Zero) throw ModelErrors.InvalidPropertyValue("constraints.retentionTime", "retentionTime must not be negative.");
            CheckEnvironment(spec.EnvironmentSettings, "environmentSettings");
            foreach (var file in spec.ResourceFiles ?? []) ResourceFileRules.Check(file);
        }

        /// <summary>Names, and the simulated run's settings when they are set (a bad one is refused when added, not when it runs).</summary>
        private static void CheckEnvironment(IEnumerable<ClusterlessHpc.Batch.Models.EnvironmentSetting>? settings, string property)
        {
            foreach (var setting in settings ?? [])
            {
                if (string.IsNullOrEmpty(setting.Name)) throw ModelErrors.InvalidPropertyValue(property, "Every environment setting needs a name.");
                if (setting.Name == SimulatedTaskRun.DurationVariable) SimulatedTaskRun.Plan(setting.Value ?? "", null);
                if (setting.Name == SimulatedTaskRun.ExitCodeVariable) SimulatedTaskRun.Plan(null, setting.Value ?? "");
            }
        }

        /// <summary>Refuses a missing id, then one that <paramref name="isValid"/> says breaks the service's id rule (<see cref="ServiceLimits"/>).</summary>
        private static void CheckId(string? id, string property, bool isValid, int maxLength)
        {
            if (string.IsNullOrEmpty(id)) throw ModelErrors.MissingRequiredProperty(property);
            if (!isValid)
            {
                throw ModelErrors.InvalidPropertyValue(property,
                    $"'{id}' is not an id: up to {maxLength} letters, digits, hyphens and underscores.");
            }
        }

        private static bool IsOneOf(string value, params string[] allowed) =>
            allowed.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
    }
}
