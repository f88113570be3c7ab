using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a pool is ready: allocation <c>steady</c> and every node <c>idle</c> (or already <c>running</c> tasks).
    /// It fails, with a <see cref="RequestFailedException"/> whose <see cref="RequestFailedException.ErrorCode"/> says
    /// why, when the resize reports an error (<c>AllocationFailed</c>, <c>ResizeStopped</c>, ...), when a node's start
    /// task fails (the failure info's code, with <c>NodeId</c> and <c>ExitCode</c> in <c>Data</c>), when a node is
    /// <c>unusable</c>, or when the pool is being deleted. Each poll reads the pool and lists its nodes.
    /// </summary>
    public class BatchPoolReadyOperation : Operation<BatchPool>
    {
        private static readonly string[] NodeSelect = ["id", "state", "startTaskInfo", "errors"];

        private readonly BatchClient _client;
        private readonly string _poolId;
        private Response? _rawResponse;
        private BatchPool? _value;
        private RequestFailedException? _failure;

        /// <summary>Waits for an existing pool, for example one another process created or resized.</summary>
        public BatchPoolReadyOperation(BatchClient client, string poolId)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            ArgumentException.ThrowIfNullOrEmpty(poolId);
            _poolId = poolId;
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolReadyOperation()
        {
            _client = null!;
            _poolId = null!;
        }

        /// <summary>The pool id.</summary>
        public override string Id => _poolId;

        /// <summary>The ready pool; throws while the operation runs, and the failure when it failed.</summary>
        public override BatchPool Value =>
            _failure is not null ? throw _failure
            : _value ?? throw new InvalidOperationException($"Pool '{_poolId}' is not ready yet; wait for the operation to complete.");

        public override bool HasValue => _value is not null;

        public override bool HasCompleted => _value is not null || _failure is not null;

        /// <summary>The nodes seen at the last poll, for progress reports.</summary>
        public IReadOnlyList<BatchNode> Nodes { get; private set; } = [];

        public override Response GetRawResponse() =>
            _rawResponse ?? throw new InvalidOperationException("The operation has not polled the service yet.");

        public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
            UpdateStatusAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
        {
            if (HasCompleted) return GetRawResponse();

            var poolResponse = await _client.GetPoolAsync(_poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var pool = poolResponse.Value;
            _rawResponse = poolResponse.GetRawResponse();
            if (pool.State == BatchPoolState.Deleting)
            {
                return Fail("PoolBeingDeleted", $"Pool '{_poolId}' is being deleted.", []);
            }
            if (pool.AllocationState != AllocationState.Steady) return _rawResponse;
            if (pool.ResizeErrors is { Count: > 0 } errors)
            {
                var error = errors[0];
                return Fail(error.Code ?? "ResizeError", $"Pool '{_poolId}' did not reach its target: {error.Message}",
                    (error.Values ?? []).Select(v => (v.Name ?? "", v.Value ?? "")));
            }

            var nodes = new List<BatchNode>();
            await foreach (var node in _client.GetNodesAsync(_poolId, select: NodeSelect, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                nodes.Add(node);
            }
            Nodes = nodes;
            if (nodes.FirstOrDefault(n => n.State == BatchNodeState.StartTaskFailed) is { } failed)
            {
                var info = failed.StartTaskInfo;
                return Fail(info?.FailureInfo?.Code ?? "StartTaskFailed",
                    $"The start task of node '{failed.Id}' in pool '{_poolId}' failed with exit code {info?.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {info?.FailureInfo?.Message}",
                    [("NodeId", failed.Id ?? ""), ("ExitCode", info?.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
            }
            if (nodes.FirstOrDefault(n => n.State == BatchNodeState.Unusable) is { } unusable)
            {
                return Fail("NodeStateUnusable", $"Node '{unusable.Id}' in pool '{_poolId}' is unusable.", [("NodeId", unusable.Id ?? "")]);
            }

            var expected = (pool.CurrentDedicatedNodes ?? 0) + (pool.CurrentLowPriorityNodes ?? 0);
            if (nodes.Count == expected && nodes.All(n => n.State == BatchNodeState.Idle || n.State == BatchNodeState.Running))
            {
                _value = pool;
            }
            return _rawResponse;
        }

        private Response Fail(string code, string message, IEnumerable<(string Key, string Value)> details)
        {
            var failure = new RequestFailedException(_rawResponse!.Status, message, code, innerException: null);
            foreach (var (key, value) in details) failure.Data[key] = value;
            _failure = failure;
            return _rawResponse;
        }
    }
}
