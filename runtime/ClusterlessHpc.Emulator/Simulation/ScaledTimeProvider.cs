using System;

namespace ClusterlessHpc.Emulator.Simulation
{
    /// <summary>A clock that runs <c>scale</c> times faster than another from the moment it is made.</summary>
    internal sealed class ScaledTimeProvider : TimeProvider
    {
        private readonly TimeProvider _inner;
        private readonly double _scale;
        private readonly DateTimeOffset _start;

        public ScaledTimeProvider(TimeProvider inner, double scale)
        {
            _inner = inner;
            _scale = scale;
            _start = inner.GetUtcNow();
        }

        public override DateTimeOffset GetUtcNow() => _start + (_inner.GetUtcNow() - _start) * _scale;
    }
}
