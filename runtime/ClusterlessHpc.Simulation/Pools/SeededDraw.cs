namespace ClusterlessHpc.Simulation
{
    /// <summary>Uniform numbers that depend only on their inputs (SplitMix64), so seeded draws do not depend on the order they are made in.</summary>
    internal static class SeededDraw
    {
        /// <summary>A number in [0, 1) for the seed and the two keys.</summary>
        public static double Uniform(int seed, long key, long index)
        {
            var x = Mix((ulong)(uint)seed);
            x = Mix(x ^ (ulong)key);
            x = Mix(x ^ (ulong)index);
            return (x >> 11) * (1.0 / (1UL << 53));
        }

        private static ulong Mix(ulong z)
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
