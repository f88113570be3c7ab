using System;
using System.Collections;
using System.Collections.Generic;

namespace ClusterlessHpc
{
    /// <summary>
    /// A definition's list, compared by its items. Definitions keep their lists in fields of this type (their
    /// <c>init</c> accessors copy into one), so the compiler-written record equality compares lists by value and a new
    /// property can never be left out of a hand-written <c>Equals</c>. It also compiles for netstandard2.0 (no
    /// <c>HashCode</c> there).
    /// </summary>
    internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
    {
        public static readonly ValueList<T> Empty = new(Array.Empty<T>());

        private readonly T[] _items;

        private ValueList(T[] items) => _items = items;

        /// <summary>A copy of <paramref name="items"/> (none for null), so a caller's later changes to its list change nothing here.</summary>
        public static ValueList<T> Of(IEnumerable<T>? items)
        {
            if (items is ValueList<T> list) return list;
            var array = items is null ? Array.Empty<T>() : new List<T>(items).ToArray();
            return array.Length == 0 ? Empty : new ValueList<T>(array);
        }

        public int Count => _items.Length;

        public T this[int index] => _items[index];

        public bool Equals(ValueList<T>? other)
        {
            if (other is null) return false;
            if (ReferenceEquals(this, other)) return true;
            if (_items.Length != other._items.Length) return false;
            var comparer = EqualityComparer<T>.Default;
            for (var i = 0; i < _items.Length; i++)
            {
                if (!comparer.Equals(_items[i], other._items[i])) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

        public override int GetHashCode()
        {
            var comparer = EqualityComparer<T>.Default;
            var hash = 17;
            foreach (var item in _items) hash = unchecked(hash * 31 + (item is null ? 0 : comparer.GetHashCode(item)));
            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        public override string ToString() => "[" + string.Join(", ", _items) + "]";
    }
}
