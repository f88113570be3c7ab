using System.Linq;

namespace ClusterlessHpc.Simulation
{
    /// <summary>Saving and restoring the account: the pools themselves are the saved shape (<see cref="ModelState"/>).</summary>
    public sealed partial class PoolModel
    {
        /// <summary>The account as it is now, serialized under the lock so no change can tear it.</summary>
        public byte[] Save()
        {
            lock (_gate)
            {
                return new ModelState
                {
                    AccountName = Settings.AccountName,
                    LastETag = _lastETag,
                    NodeNumbers = _nodeNumbers,
                    Addresses = _addresses,
                    Pools = _pools.Values.ToList(),
                }.ToUtf8Bytes();
            }
        }

        /// <summary>Restores a saved account; running start tasks start again (their processes did not survive).</summary>
        public void Restore(ModelState state)
        {
            lock (_gate)
            {
                var now = Now;
                _lastETag = state.LastETag;
                _nodeNumbers = state.NodeNumbers;
                _addresses = state.Addresses;
                foreach (var pool in state.Pools)
                {
                    _pools[pool.Id] = pool;
                    foreach (var node in pool.Nodes)
                    {
                        node.AttachFiles(Runner.CreateFiles(pool.Id, node.Id, pool.IsWindows, node.FilesCreated ?? node.AllocationTime));
                        _lifecycle.Resume(pool, node, now);
                    }
                }
            }
        }
    }
}
