using System.Linq;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>A start task as the service returns it: as sent, with its defaults filled in.</summary>
    internal static class StartTaskEcho
    {
        public static BatchStartTask? Of(BatchStartTask? sent) => sent is null ? null : new BatchStartTask
        {
            CommandLine = sent.CommandLine,
            ContainerSettings = sent.ContainerSettings,
            ResourceFiles = sent.ResourceFiles?.ToList(),
            EnvironmentSettings = sent.EnvironmentSettings?.Select(e => new EnvironmentSetting { Name = e.Name, Value = e.Value }).ToList(),
            UserIdentity = sent.UserIdentity ?? new UserIdentity
            {
                AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Pool, ElevationLevel = ElevationLevel.NonAdmin },
            },
            MaxTaskRetryCount = sent.MaxTaskRetryCount ?? 0,
            WaitForSuccess = sent.WaitForSuccess ?? true,
        };
    }
}
