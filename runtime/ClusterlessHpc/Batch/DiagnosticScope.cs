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

        public readonly void AddAttribute(string name, string? value)
        {
            if (value is not null) _activity?.SetTag(name, value);
        }

        /// <summary>Marks the call failed: status Error and <c>error.type</c> (the Batch error code when there is one).</summary>
        public readonly void Failed(Exception exception)
        {
            if (_activity is null) return;
            var type = exception is Azure.RequestFailedException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().FullName;
            _activity.SetTag("error.type", type);
            _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
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
