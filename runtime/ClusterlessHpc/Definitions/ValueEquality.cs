using System;
using System.Collections.Generic;

namespace ClusterlessHpc
{
    /// <summary>Value equality for the definition types, which also compile for netstandard2.0 (no HashCode there).</summary>
    internal static class ValueEquality
    {
        public static bool SequenceEqual<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
            where T : IEquatable<T>
        {
            if (ReferenceEquals(left, right)) return true;
            if (left.Count != right.Count) return false;
            for (var i = 0; i < left.Count; i++)
            {
                if (!left[i].Equals(right[i])) return false;
            }
            return true;
        }

        public static int SequenceHash<T>(IReadOnlyList<T> items)
        {
            var hash = 17;
            foreach (var item in items) hash = hash * 31 + (item?.GetHashCode() ?? 0);
            return hash;
        }

        public static int Combine(params int[] hashes)
        {
            var hash = 17;
            foreach (var h in hashes) hash = hash * 31 + h;
            return hash;
        }
    }
}
