using System.Collections.Generic;
using System.Globalization;
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
                var named = new List<string>();
                if (e.MaxMakespan is { } makespan) named.Add($"MaxMakespan = {Span(makespan)}");
                if (e.MaxCostUsd is { } cost) named.Add($"MaxCostUsd = {Money(cost)}");
                if (e.PricePerNodeHour is { } price) named.Add($"PricePerNodeHour = {Money(price)}");
                if (e.SpotPricePerNodeHour is { } spot) named.Add($"SpotPricePerNodeHour = {Money(spot)}");
                if (e.Duration != SimulationExpectation.DefaultDuration) named.Add($"Duration = {Span(e.Duration)}");
                if (e.TaskDuration != SimulationExpectation.DefaultTaskDuration) named.Add($"TaskDuration = {Span(e.TaskDuration)}");
                w.Line($"new {Type}({DefinitionEmitter.Literal(e.Name)}, {DefinitionEmitter.Literal(e.Workload)}) {{ {string.Join(", ", named)} }},");
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

        private static string Span(System.TimeSpan value) =>
            $"global::System.TimeSpan.FromTicks({value.Ticks.ToString(CultureInfo.InvariantCulture)}L)";

        private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";
    }
}
