using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>The <c>ClusterlessHpc</c> activity source: one span per provisioning operation, tagged with the pool id.</summary>
    internal static class ProvisioningTelemetry
    {
        public const string SourceName = "ClusterlessHpc";

        public static ActivitySource Source { get; } = new(SourceName, typeof(ProvisioningTelemetry).Assembly.GetName().Version?.ToString());

        internal static Activity? Start(string operation, string poolId)
        {
            var activity = Source.StartActivity("ClusterlessHpc." + operation);
            activity?.SetTag("clusterlesshpc.pool.id", poolId);
            return activity;
        }

        internal static void Fail(Activity? activity, Exception error) => Batch.DiagnosticScope.MarkFailed(activity, error);

        /// <summary>
        /// Runs <paramref name="body"/> within the operation's span and marks the span failed with whatever the body
        /// throws, so that no operation's span ends looking successful after the call failed.
        /// </summary>
        internal static async Task<T> RunAsync<T>(string operation, string poolId, Func<Task<T>> body)
        {
            using var activity = Start(operation, poolId);
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Fail(activity, e);
                throw;
            }
        }

        /// <inheritdoc cref="RunAsync{T}(string, string, Func{Task{T}})"/>
        internal static Task RunAsync(string operation, string poolId, Func<Task> body) =>
            RunAsync(operation, poolId, async () =>
            {
                await body().ConfigureAwait(false);
                return true;
            });
    }
}
