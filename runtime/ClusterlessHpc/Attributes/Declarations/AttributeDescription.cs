using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Declarations
{
    /// <summary>
    /// One ClusterlessHpc attribute: its arguments and where in a <see cref="PoolDefinition"/> what it declares goes. An
    /// attribute either sets properties of the pool itself (<c>[BatchPool]</c>), makes the object one property holds
    /// (<c>[Julia]</c>), or adds an item to a list property (<c>[JuliaPackage]</c>).
    /// </summary>
    internal sealed class AttributeDescription
    {
        private static readonly PoolDefinition Defaults = new();

        private readonly Func<object?[], object>? _create;
        private readonly Func<PoolDefinition, IReadOnlyList<object>> _held;
        private readonly Func<PoolDefinition, object, PoolDefinition>? _attach;

        private AttributeDescription(
            string attributeName, string target, string? property, Type? definitionType, Type? elementType, bool required,
            Func<object?[], object>? create, Func<PoolDefinition, IReadOnlyList<object>>? held, Func<PoolDefinition, object, PoolDefinition>? attach,
            AttributeArgument[] arguments)
        {
            AttributeName = attributeName;
            Target = target;
            Property = property;
            DefinitionType = definitionType;
            ElementType = elementType;
            Required = required;
            _create = create;
            _attach = attach;
            Arguments = arguments;
            // Read for every attribute of every pool the generator reads and writes: sorted once here, not per call.
            ConstructorArguments = arguments.Where(a => a.IsConstructorArgument).OrderBy(a => a.Position).ToArray();
            NamedArguments = arguments.Where(a => !a.IsConstructorArgument).ToArray();
            _held = held ?? (pool => Required || Arguments.Any(a => !Same(a.Get(pool), a.Get(Defaults))) ? new object[] { pool } : Array.Empty<object>());
        }

        /// <summary>The attribute class's name, such as <c>JuliaAttribute</c>.</summary>
        public string AttributeName { get; }

        /// <summary>The name C# source uses: <c>Julia</c> for <c>[Julia(...)]</c>.</summary>
        public string ShortName => AttributeName.Substring(0, AttributeName.Length - "Attribute".Length);

        /// <summary>The first part of its diagnostic targets (both image attributes are <c>Image</c>, every mount is a <c>Mount</c>).</summary>
        public string Target { get; }

        /// <summary>The pool property it fills; null when its arguments set the pool's own properties.</summary>
        public string? Property { get; }

        /// <summary>The type of the object it makes; null when it sets the pool's own properties.</summary>
        public Type? DefinitionType { get; }

        /// <summary>The element type of the list property it adds to; null unless <see cref="IsRepeatable"/>.</summary>
        public Type? ElementType { get; }

        /// <summary>Whether it may be written more than once; its targets then carry the item's index in the list.</summary>
        public bool IsRepeatable => ElementType is not null;

        /// <summary>Whether every pool has it (<c>[BatchPool]</c>).</summary>
        public bool Required { get; }

        public IReadOnlyList<AttributeArgument> Arguments { get; }

        /// <summary>The constructor's arguments, by position.</summary>
        public IReadOnlyList<AttributeArgument> ConstructorArguments { get; }

        public IReadOnlyList<AttributeArgument> NamedArguments { get; }

        /// <summary>The diagnostic target of an argument (or of <c>Attribute</c>, the whole attribute) of the item at <paramref name="index"/>.</summary>
        public string TargetOf(int index, string name) => IsRepeatable ? DefinitionTarget.Of(Target, index, name) : DefinitionTarget.Of(Target, name);

        /// <summary>The index the next declaration of this attribute gets in <paramref name="pool"/>.</summary>
        public int NextIndex(PoolDefinition pool) => IsRepeatable ? _held(pool).Count : 0;

        /// <summary>The object the constructor arguments make (for an attribute that sets the pool's own properties, the pool holding them).</summary>
        public object Create(PoolDefinition pool, object?[] constructorValues)
        {
            if (_create is not null) return _create(constructorValues);
            object result = pool;
            foreach (var argument in ConstructorArguments)
            {
                if (constructorValues[argument.Position] is { } value) result = argument.Set(result, value);
            }
            return result;
        }

        /// <summary>The pool with <paramref name="declared"/> (from <see cref="Create"/> and the named arguments) in its place.</summary>
        public PoolDefinition Attach(PoolDefinition pool, object declared) => _attach is null ? (PoolDefinition)declared : _attach(pool, declared);

        /// <summary>What the property holds, of any type (a list's items in order); for an attribute that sets the pool's own properties, the pool when it is declared.</summary>
        public IReadOnlyList<object> Held(PoolDefinition pool) => _held(pool);

        /// <summary>Whether this attribute is the one that declares <paramref name="item"/> (one of <see cref="Held"/>).</summary>
        public bool Declares(object item) => DefinitionType is null || DefinitionType.IsInstanceOfType(item);

        /// <summary>The named arguments whose values differ from what the attribute makes without them, so only those need writing.</summary>
        public IEnumerable<(AttributeArgument Argument, object Value)> WrittenNamedArguments(object declared)
        {
            var baseline = _create is null ? Defaults : _create(ConstructorArguments.Select(a => a.Get(declared)).ToArray());
            foreach (var argument in NamedArguments)
            {
                var value = argument.Get(declared);
                if (value is not null && !Same(value, argument.Get(baseline))) yield return (argument, value);
            }
        }

        private static bool Same(object? left, object? right) =>
            left is IReadOnlyList<string> l && right is IReadOnlyList<string> r ? l.SequenceEqual(r) : Equals(left, right);

        /// <summary>An attribute whose arguments set properties of the pool itself.</summary>
        public static AttributeDescription OfPool(string attributeName, string target, bool required, params AttributeArgument[] arguments) =>
            new(attributeName, target, null, null, null, required, null, null, null, arguments);

        /// <summary>An attribute that makes the object of one pool property.</summary>
        public static AttributeDescription OfObject<TDefinition, TProperty>(
            string attributeName, string target, string property, Func<PoolDefinition, TProperty?> get, Func<PoolDefinition, TProperty, PoolDefinition> set,
            Func<object?[], TDefinition> create, params AttributeArgument[] arguments)
            where TDefinition : class, TProperty
            where TProperty : class =>
            new(attributeName, target, property, typeof(TDefinition), null, false, create,
                pool => get(pool) is { } value ? new object[] { value } : Array.Empty<object>(),
                (pool, declared) => set(pool, (TProperty)declared), arguments);

        /// <summary>
        /// A repeatable attribute that declares something beside the pool, not a part of it (<c>[SimulationExpectation]</c>):
        /// read as the pool's attributes are, into a <typeparamref name="TDeclaration"/> the pool never holds.
        /// </summary>
        public static AttributeDescription OfDeclaration<TDeclaration>(
            string attributeName, string target, Func<object?[], TDeclaration> create, params AttributeArgument[] arguments)
            where TDeclaration : class =>
            new(attributeName, target, null, typeof(TDeclaration), typeof(TDeclaration), false, create,
                _ => Array.Empty<object>(),
                (_, _) => throw new InvalidOperationException($"A {typeof(TDeclaration).Name} is not a part of the pool."), arguments);

        /// <summary>A repeatable attribute that adds an item to a pool's list property.</summary>
        public static AttributeDescription OfItem<TDefinition, TElement>(
            string attributeName, string target, string property, Func<PoolDefinition, IReadOnlyList<TElement>> get,
            Func<PoolDefinition, IReadOnlyList<TElement>, PoolDefinition> set, Func<object?[], TDefinition> create, params AttributeArgument[] arguments)
            where TDefinition : class, TElement
            where TElement : class =>
            new(attributeName, target, property, typeof(TDefinition), typeof(TElement), false, create,
                // The list itself, through IReadOnlyList's covariance: read for every repeatable attribute of every pool.
                pool => (IReadOnlyList<object>)get(pool),
                (pool, declared) => set(pool, get(pool).Concat(new[] { (TElement)declared }).ToArray()), arguments);
    }
}
