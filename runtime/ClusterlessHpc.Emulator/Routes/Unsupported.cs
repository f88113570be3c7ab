using System.Text.Json;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// The job and task features the emulator does not run, refused by name rather than silently ignored: job manager,
    /// preparation and release tasks, auto pools, task dependencies, job networks, exit options, multi-instance (MPI)
    /// tasks, output files, containers, exit conditions, application packages and authentication tokens. Every other
    /// property of the add, patch and update bodies is stored and echoed (docs/jobs-and-tasks.md lists them).
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
            Refuse(body, "networkConfiguration", "jobs in a virtual network");
            // Without exit conditions (refused below) the default exit options still apply: a failed task would terminate
            // the job. The emulator runs no exit options, so a job that asks for them is refused rather than run differently.
            if (body.TryGetProperty("onTaskFailure", out var onFailure) && onFailure.ValueKind == JsonValueKind.String &&
                string.Equals(onFailure.GetString(), ClusterlessHpc.Simulation.JobSpecValues.PerformExitOptionsJobAction, System.StringComparison.OrdinalIgnoreCase))
            {
                throw BatchErrors.InvalidPropertyValue("onTaskFailure", "The emulator does not run exit options (performexitoptionsjobaction); use noaction.");
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
            // A task that names them expects their files, or a token, in its environment; without them it runs differently.
            Refuse(task, "applicationPackageReferences", "application packages");
            Refuse(task, "authenticationTokenSettings", "authentication tokens");
        }

        private static void Refuse(JsonElement body, string property, string feature, string prefix = "")
        {
            // An empty list asks for nothing.
            if (body.TryGetProperty(property, out var value) && value.ValueKind is not JsonValueKind.Null &&
                !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0))
            {
                throw BatchErrors.InvalidPropertyValue(prefix + property, $"The emulator does not run {feature}.");
            }
        }
    }
}
