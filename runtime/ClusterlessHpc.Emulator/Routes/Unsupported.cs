using System.Text.Json;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// The job and task features the emulator does not run, refused by name rather than silently ignored: job manager,
    /// preparation and release tasks, auto pools, task dependencies, multi-instance (MPI) tasks, output files, containers
    /// and exit conditions.
    /// </summary>
    internal static class Unsupported
    {
        public static void RefuseJobFeatures(JsonElement body)
        {
            Refuse(body, "jobManagerTask", "job manager tasks");
            Refuse(body, "jobPreparationTask", "job preparation tasks");
            Refuse(body, "jobReleaseTask", "job release tasks");
            if (body.TryGetProperty("poolInfo", out var pool) && pool.ValueKind == JsonValueKind.Object) Refuse(pool, "autoPoolSpecification", "auto pools", "poolInfo.");
            if (body.TryGetProperty("usesTaskDependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.True)
            {
                throw BatchErrors.InvalidPropertyValue("usesTaskDependencies", "The emulator does not run task dependencies.");
            }
        }

        public static void RefuseTaskFeatures(JsonElement task)
        {
            Refuse(task, "multiInstanceSettings", "multi-instance (MPI) tasks");
            Refuse(task, "dependsOn", "task dependencies");
            Refuse(task, "outputFiles", "output files");
            Refuse(task, "containerSettings", "tasks in containers");
            // Exit options would change what a task's end does to its job; ignoring them would run a different job.
            Refuse(task, "exitConditions", "exit conditions");
        }

        private static void Refuse(JsonElement body, string property, string feature, string prefix = "")
        {
            if (body.TryGetProperty(property, out var value) && value.ValueKind is not JsonValueKind.Null)
            {
                throw BatchErrors.InvalidPropertyValue(prefix + property, $"The emulator does not run {feature}.");
            }
        }
    }
}
