using System;
using System.Diagnostics;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The activity of one client call, named <c>BatchClient.Method</c> and tagged <c>az.namespace: Microsoft.Batch</c>
    /// as Azure SDK clients name theirs. Azure.Core keeps its own scope type internal, so the client has this one.
    /// </summary>
    internal struct DiagnosticScope : IDisposable
    {
        private Activity? _activity;

        internal DiagnosticScope(Activity? activity) => _activity = activity;

        public readonly bool IsEnabled => _activity is not null;

        /// <summary>Marks the call failed (see <see cref="MarkFailed"/>).</summary>
        public readonly void Failed(Exception exception) => MarkFailed(_activity, exception);

        /// <summary>
        /// Marks an activity failed, the one way ClusterlessHpc's client and provisioning spans do: status Error with the
        /// exception's message, and <c>error.type</c> the Batch error code when there is one, else the exception's type,
        /// as Azure SDK clients tag theirs.
        /// </summary>
        internal static void MarkFailed(Activity? activity, Exception exception)
        {
            if (activity is null) return;
            var type = exception is Azure.RequestFailedException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().FullName;
            activity.SetTag("error.type", type);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        }

        public void Dispose()
        {
            _activity?.Dispose();
            _activity = null;
        }
    }

    /// <summary>Creates the <see cref="DiagnosticScope"/> of each call, unless the options turned tracing off.</summary>
    internal sealed class BatchDiagnostics
    {
        /// <summary>The <see cref="ActivitySource"/> name to listen to: the client's namespace and type.</summary>
        public const string SourceName = "ClusterlessHpc.Batch.BatchClient";

        private static readonly ActivitySource Source = new(SourceName);

        private readonly bool _enabled;

        public BatchDiagnostics(bool enabled) => _enabled = enabled;

        /// <param name="operation">The client method without <c>Async</c>; the scope is <c>BatchClient.{operation}</c>.</param>
        public DiagnosticScope CreateScope(string operation)
        {
            // Nothing to build when nobody listens, which is the common case.
            if (!_enabled || !Source.HasListeners()) return default;
            var activity = Source.StartActivity("BatchClient." + operation, ActivityKind.Internal);
            activity?.SetTag("az.namespace", "Microsoft.Batch");
            return new DiagnosticScope(activity);
        }
    }
}
