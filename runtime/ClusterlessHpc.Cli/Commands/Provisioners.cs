using System;
using System.Linq;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>The provisioner the commands share, configured as an application's would be, and its progress shown as pool rows.</summary>
    internal static class Provisioners
    {
        /// <summary>A provisioner made as an application's host makes it (<see cref="PoolProvisionerFactory"/>), with the command's options.</summary>
        /// <exception cref="CliException">The delivery or storage configuration cannot work (exit 1).</exception>
        public static PoolProvisioner Create(
            BatchClient client, CliSettings settings, TimeSpan timeout, DriftPolicy drift = DriftPolicy.Fail, ExistingNodes existingNodes = ExistingNodes.Leave,
            string? source = null)
        {
            return Made(() => new PoolProvisionerFactory(settings.Options(), settings.Get).Create(client, options =>
            {
                options.Timeout = timeout;
                options.Source = source;
                options.DriftPolicy = drift;
                options.ExistingNodesOnStartTaskChange = existingNodes;
            }));
        }

        /// <summary>A job runner made as an application's host makes it (the same delivery, storage and clock as the provisioners).</summary>
        /// <exception cref="CliException">The delivery or storage configuration cannot work (exit 1).</exception>
        public static PoolJobRunner CreateJobRunner(BatchClient client, CliSettings settings) =>
            Made(() => new PoolProvisionerFactory(settings.Options(), settings.Get).CreateJobRunner(client));

        /// <summary>What the factory makes; a delivery or storage configuration that cannot work is the user's input (exit 1).</summary>
        private static T Made<T>(Func<T> make)
        {
            try
            {
                return make();
            }
            catch (ScriptDeliveryException e)
            {
                throw new CliException(ExitCodes.InvalidInput, e.Message, e);
            }
        }

        /// <summary>A missing secret setting, with where the user gives it.</summary>
        public static string Describe(MissingSetting missing) =>
            $"{missing} Set it (environment variable {missing.SettingKey.Replace(":", "__", StringComparison.Ordinal)}, or appsettings.json); apply refuses the pool until then.";

        /// <summary>A drifted pool in chpc's words: each difference, then the options of apply that deal with it.</summary>
        public static string Describe(PoolPlan drift) =>
            "already exists but differs from its definition:" + string.Concat(drift.Differences.Select(d => "\n  " + d)) +
            (drift.CanUpdateInPlace
                ? "\nApply with --drift update to change it in place" +
                  (drift.ChangesStartTask ? " (existing nodes get the new start task only when rebooted or reimaged: add --existing-nodes reboot or reimage)" : "") +
                  ", or with --drift recreate to replace it."
                : $"\nThese properties need a new pool: apply with --drift recreate, or delete it (chpc delete {drift.PoolId}).");

        /// <summary>Turns the provisioner's reports into rows of the live table (or plain lines).</summary>
        public static IProgress<ProvisioningProgress> Show(IProgress<PoolProgress> progress, string target, Action<PoolProgress>? seen = null) =>
            new SynchronousProgress(p =>
            {
                var row = new PoolProgress(p.PoolId, Status(p), p.NodesByState.ToDictionary(n => n.Key.ToString(), n => n.Value), target, p.Message);
                seen?.Invoke(row);
                progress.Report(row);
            });

        private static string Status(ProvisioningProgress progress) => progress.Stage switch
        {
            ProvisioningStage.Validating => "validating",
            ProvisioningStage.Creating => "creating",
            ProvisioningStage.AlreadyExists => "exists",
            ProvisioningStage.Updating => "updating",
            ProvisioningStage.Deleting => "deleting",
            ProvisioningStage.Ready => "ready",
            ProvisioningStage.Stalled => "stalled",
            _ => progress.AllocationState?.ToString() ?? "waiting",
        };

        /// <summary>Reports on the caller's thread, so progress lines keep their order (Progress&lt;T&gt; posts to the thread pool).</summary>
        private sealed class SynchronousProgress(Action<ProvisioningProgress> report) : IProgress<ProvisioningProgress>
        {
            public void Report(ProvisioningProgress value) => report(value);
        }
    }
}
