using System;

namespace ClusterlessHpc.Generator.Pipeline
{
    /// <summary>
    /// A 128-bit hash of a sequence of texts: what the pipeline keeps of a file's declarations instead of the text, so
    /// comparing two runs costs two numbers and holds no syntax. Two independent 64-bit lanes (FNV-1a, and a
    /// multiply-rotate lane), each finished by a full avalanche, make an accidental match of different declarations as
    /// unlikely as a 128-bit one; it is computed on every keystroke, so it must not cost what a cryptographic hash does.
    /// </summary>
    internal readonly struct Digest : IEquatable<Digest>
    {
        private readonly ulong _first;
        private readonly ulong _second;

        private Digest(ulong first, ulong second)
        {
            _first = first;
            _second = second;
        }

        public bool Equals(Digest other) => _first == other._first && _second == other._second;

        public override bool Equals(object? obj) => obj is Digest other && Equals(other);

        public override int GetHashCode() => unchecked((int)_first ^ (int)(_first >> 32));

        public override string ToString() => _first.ToString("x16") + _second.ToString("x16");

        /// <summary>Feeds texts, each ended by a separator, into one digest without building the whole text.</summary>
        internal struct Builder
        {
            private ulong _first;
            private ulong _second;
            private bool _started;

            public void Add(string text)
            {
                Start();
                foreach (var c in text) Mix(c);
                // A separator no text holds, so ("ab", "c") and ("a", "bc") differ.
                Mix(0xFFFF);
            }

            public void Add(Digest digest)
            {
                Start();
                Mix64(digest._first);
                Mix64(digest._second);
                Mix(0xFFFF);
            }

            public Digest Finish()
            {
                Start();
                return new Digest(Avalanche(_first), Avalanche(_second ^ 0x9E3779B97F4A7C15UL));
            }

            private void Start()
            {
                if (_started) return;
                _first = 14695981039346656037UL;
                _second = 0x27D4EB2F165667C5UL;
                _started = true;
            }

            private void Mix(uint c)
            {
                unchecked
                {
                    _first = (_first ^ c) * 1099511628211UL;
                    _second = RotateLeft(_second + c * 0xC2B2AE3D27D4EB4FUL, 31) * 0x9E3779B97F4A7C15UL;
                }
            }

            private void Mix64(ulong value)
            {
                for (var shift = 0; shift < 64; shift += 16) Mix((uint)((value >> shift) & 0xFFFF));
            }

            private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));

            // SplitMix64's finalizer: every input bit reaches every output bit.
            private static ulong Avalanche(ulong z)
            {
                unchecked
                {
                    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                    return z ^ (z >> 31);
                }
            }
        }
    }
}
