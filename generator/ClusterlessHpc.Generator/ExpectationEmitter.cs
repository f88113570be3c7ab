using System.Collections.Generic;
using System.Globalization;
using ClusterlessHpc.Declarations;
using ClusterlessHpc.Generator.Model;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// Writes a pool class's <c>SimulationExpectations</c> and the code that registers them with the runtime when the
    /// assembly loads (<c>ClusterlessHpc.SimulationExpectations.Register</c>), so the build's check finds them.
    /// </summary>
    internal static class ExpectationEmitter
    {
        public const string RegistrationHintName = "ClusterlessHpc.SimulationExpectations.g.cs";
        public const string PropertyName = "SimulationExpectations";

        private const string Type = "global::ClusterlessHpc.SimulationExpectation";

        public static void EmitProperty(IndentedWriter w, EquatableArray<SimulationExpectation> expectations, string generatedCode)
        {
            w.Line("/// <summary>The pool's [SimulationExpectation]s: what its formula should achieve on each workload. Not part of <see cref=\"Definition\"/>.</summary>");
            w.Line(generatedCode);
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Type}> {PropertyName} {{ get; }} = new {Type}[]");
            w.Open();
            foreach (var e in expectations)
            {
                w.Line($"new {Type}({DefinitionEmitter.Literal(e.Name)}, {DefinitionEmitter.Literal(e.Workload)}) {{ {string.Join(", ", Named(e))} }},");
            }
            w.Close("};");
        }

        public static string EmitRegistration(EquatableArray<string> poolTypes)
        {
            var w = ModuleInitializerWriter.Open("SimulationExpectationRegistration",
                "The simulation expectations of this assembly's pools, registered when it loads so the build's check finds them.");
            foreach (var type in poolTypes)
            {
                w.Line($"global::ClusterlessHpc.SimulationExpectations.Register(static () => {type}.Definition, static () => {type}.{PropertyName});");
            }
            return ModuleInitializerWriter.Close(w);
        }

        // What an expectation holds with no named argument given: only what differs from it is written.
        private static readonly SimulationExpectation Unbounded = new("", "");

        /// <summary><c>Property = value</c> for each named argument of the attribute whose value the expectation changed, in the description's order.</summary>
        private static IEnumerable<string> Named(SimulationExpectation e)
        {
            foreach (var argument in ExpectationAttribute.Description.NamedArguments)
            {
                if (argument.Get(e) is { } value && !Equals(value, argument.Get(Unbounded))) yield return $"{argument.Property} = {Value(value)}";
            }
        }

        private static string Value(object value) => value switch
        {
            System.TimeSpan span => Span(span),
            decimal money => Money(money),
            _ => throw new System.ArgumentException($"An expectation cannot hold a {value.GetType().Name}.", nameof(value)),
        };

        private static string Span(System.TimeSpan value) =>
            $"global::System.TimeSpan.FromTicks({value.Ticks.ToString(CultureInfo.InvariantCulture)}L)";

        private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";
    }
}
