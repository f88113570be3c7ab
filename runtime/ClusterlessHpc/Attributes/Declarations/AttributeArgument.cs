using System;

namespace ClusterlessHpc.Declarations
{
    /// <summary>
    /// One argument of a ClusterlessHpc attribute: its name (a <c>nameof</c> of the attribute's property), the definition
    /// property it sets, and how it sets and reads back that property. The generator's reader, the diagnostics' target
    /// names, the emitted definition and the imported class all work from this one description.
    /// </summary>
    internal sealed class AttributeArgument
    {
        private readonly Func<object, object?> _get;
        private readonly Func<object, object, object>? _set;

        private AttributeArgument(string name, int position, string property, Type valueType, Func<object, object?> get, Func<object, object, object>? set)
        {
            Name = name;
            Position = position;
            Property = property;
            ValueType = valueType;
            _get = get;
            _set = set;
        }

        /// <summary>The attribute's property, which is also the last part of the argument's diagnostic target.</summary>
        public string Name { get; }

        /// <summary>The constructor parameter's position, or -1 for a named argument (a settable property).</summary>
        public int Position { get; }

        public bool IsConstructorArgument => Position >= 0;

        /// <summary>The constructor parameter's name: the property's, starting lower-case (a test holds every attribute to it).</summary>
        public string Parameter => char.ToLowerInvariant(Name[0]) + Name.Substring(1);

        /// <summary>The property of the definition object the argument sets.</summary>
        public string Property { get; }

        /// <summary><c>string</c>, <c>int</c>, <c>bool</c>, an enum, or a list of strings (<see cref="IsStringList"/>).</summary>
        public Type ValueType { get; }

        public bool IsStringList => ValueType == typeof(System.Collections.Generic.IReadOnlyList<string>);

        /// <summary>The value the definition object holds (null when it holds none).</summary>
        public object? Get(object owner) => _get(owner);

        /// <summary>A copy of <paramref name="owner"/> holding <paramref name="value"/>, which has <see cref="ValueType"/> (a string list as a string array).</summary>
        public object Set(object owner, object value) =>
            (_set ?? throw new InvalidOperationException($"{Name} is set by its definition's constructor."))(owner, value);

        /// <summary>An argument the definition's constructor takes (<paramref name="set"/> only when the attribute sets an existing object).</summary>
        public static AttributeArgument Constructor<TOwner, TValue>(int position, string name, string property, Func<TOwner, TValue> get, Func<TOwner, TValue, TOwner>? set = null)
            where TOwner : class =>
            new(name, position, property, ValueTypeOf<TValue>(), owner => get((TOwner)owner),
                set is null ? null : (owner, value) => set((TOwner)owner, (TValue)value));

        /// <summary>A named argument: a settable property of the attribute that sets a property of the definition.</summary>
        public static AttributeArgument Named<TOwner, TValue>(string name, string property, Func<TOwner, TValue> get, Func<TOwner, TValue, TOwner> set)
            where TOwner : class =>
            new(name, -1, property, ValueTypeOf<TValue>(), owner => get((TOwner)owner), (owner, value) => set((TOwner)owner, (TValue)value));

        /// <summary>A named argument whose attribute property and definition property share their name.</summary>
        public static AttributeArgument Named<TOwner, TValue>(string name, Func<TOwner, TValue> get, Func<TOwner, TValue, TOwner> set)
            where TOwner : class =>
            Named(name, name, get, set);

        /// <summary>
        /// A named argument whose value as written is checked before it becomes a value of what the declaration declares
        /// (an expectation's <c>"90s"</c> becomes a <see cref="TimeSpan"/>): it sets <typeparamref name="TDeclaration"/>,
        /// and reads back from <typeparamref name="TResult"/>; <paramref name="get"/> is null where the result's
        /// constructor holds the value, so it is never written as a named argument.
        /// </summary>
        public static AttributeArgument Checked<TDeclaration, TValue, TResult, TResultValue>(
            string name, string property, Func<TResult, TResultValue>? get, Func<TDeclaration, TValue, TDeclaration> set)
            where TDeclaration : class
            where TResult : class =>
            new(name, -1, property, ValueTypeOf<TValue>(), get is null ? static _ => null : owner => get((TResult)owner),
                (owner, value) => set((TDeclaration)owner, (TValue)value));

        private static Type ValueTypeOf<TValue>() => Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
    }
}
