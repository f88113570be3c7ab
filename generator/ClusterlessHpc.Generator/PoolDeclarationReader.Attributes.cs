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
        private static PoolDefinition Apply(AttributeDescription description, AttributeArguments a, PoolDefinition pool)
        {
            // Target names only matter where the analyzer records locations: the generator reads without building them.
            var index = a.Recording ? description.NextIndex(pool) : 0;
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
            return description.Attach(pool, declared);
        }

        /// <summary>
        /// One <c>[SimulationExpectation]</c>: not a part of the pool, so not among the pool's attribute descriptions, but read
        /// the same way, each argument recorded under <c>SimulationExpectation[i].Argument</c>.
        /// </summary>
        private static Rules.SimulationExpectationDeclaration ReadExpectation(AttributeArguments a, int index)
        {
            string? Target(string property) => a.Recording ? DefinitionTarget.SimulationExpectation(index, property) : null;
            string? Text(string property) => a.TryNamed(property, Target(property), out var c) ? c.Value as string : null;
            double? Number(string property) => a.TryNamed(property, Target(property), out var c) && c.Value is double d ? d : null;

            a.RecordAttribute(Target(DefinitionTarget.WholeAttribute));
            var workload = a.Constructor(0, "workload", Target(nameof(SimulationExpectationAttribute.Workload)))?.Value as string ?? "";
            return new Rules.SimulationExpectationDeclaration(workload)
            {
                Name = Text(nameof(SimulationExpectationAttribute.Name)),
                MaxMakespan = Text(nameof(SimulationExpectationAttribute.MaxMakespan)),
                MaxCostUsd = Number(nameof(SimulationExpectationAttribute.MaxCostUsd)),
                PricePerNodeHour = Number(nameof(SimulationExpectationAttribute.PricePerNodeHour)),
                SpotPricePerNodeHour = Number(nameof(SimulationExpectationAttribute.SpotPricePerNodeHour)),
                Duration = Text(nameof(SimulationExpectationAttribute.Duration)),
                TaskDuration = Text(nameof(SimulationExpectationAttribute.TaskDuration)),
            };
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
