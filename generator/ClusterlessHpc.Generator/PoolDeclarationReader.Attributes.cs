using System;
using System.Linq;
using ClusterlessHpc.Declarations;
using ClusterlessHpc.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ClusterlessHpc.Generator
{
    /// <summary>Reads one attribute by its description: every argument it has, each recorded under its target.</summary>
    internal sealed partial class PoolDeclarationReader
    {
        private static PoolDefinition Apply(AttributeDescription description, AttributeArguments a, PoolDefinition pool) =>
            // Target names only matter where the analyzer records locations: the generator reads without building them.
            description.Attach(pool, Declare(description, a, a.Recording ? description.NextIndex(pool) : 0, pool));

        /// <summary>
        /// One <c>[SimulationExpectation]</c>: not a part of the pool, but described and read as the pool's attributes are,
        /// each argument recorded under <c>SimulationExpectation[i].Argument</c>.
        /// </summary>
        private static Rules.SimulationExpectationDeclaration ReadExpectation(AttributeArguments a, int index, PoolDefinition pool) =>
            (Rules.SimulationExpectationDeclaration)Declare(ExpectationAttribute.Description, a, index, pool);

        /// <summary>What the attribute declares, the item at <paramref name="index"/> of a repeatable one.</summary>
        private static object Declare(AttributeDescription description, AttributeArguments a, int index, PoolDefinition pool)
        {
            a.RecordAttribute(a.Recording ? description.TargetOf(index, DefinitionTarget.WholeAttribute) : null);
            var constructorValues = new object?[description.ConstructorArguments.Count];
            foreach (var argument in description.ConstructorArguments)
            {
                var target = a.Recording ? description.TargetOf(index, argument.Name) : null;
                constructorValues[argument.Position] = argument.IsStringList
                    ? a.Strings(argument.Position, argument.Parameter, target)
                    : a.Constructor(argument.Position, argument.Parameter, target) is { } value ? ValueOf(value, argument.ValueType) ?? "" : "";
            }
            var declared = description.Create(pool, constructorValues);
            foreach (var argument in description.NamedArguments)
            {
                if (a.TryNamed(argument.Name, a.Recording ? description.TargetOf(index, argument.Name) : null, out var constant) &&
                    ValueOf(constant, argument.ValueType) is { } value)
                {
                    declared = argument.Set(declared, value);
                }
            }
            return declared;
        }

        /// <summary>The constant as the argument's value type; null when it is not one (the compiler reports that).</summary>
        private static object? ValueOf(TypedConstant constant, Type type)
        {
            if (constant.Kind == TypedConstantKind.Array)
            {
                return type == typeof(System.Collections.Generic.IReadOnlyList<string>) && !constant.IsNull
                    ? constant.Values.Select(v => v.Value as string ?? "").ToArray()
                    : null;
            }
            if (constant.Kind == TypedConstantKind.Enum) return type.IsEnum && constant.Value is int number ? Enum.ToObject(type, number) : null;
            return constant.Value is { } value && value.GetType() == type ? value : null;
        }
    }
}
