using ClusterlessHpc.Rules;
using static ClusterlessHpc.Declarations.AttributeArgument;
using A = ClusterlessHpc.SimulationExpectationAttribute;
using D = ClusterlessHpc.Rules.SimulationExpectationDeclaration;
using E = ClusterlessHpc.SimulationExpectation;

namespace ClusterlessHpc.Declarations
{
    /// <summary>
    /// <c>[SimulationExpectation]</c>, each argument described once, as <see cref="PoolAttributes"/> describes the pool's.
    /// It is not a part of the pool: its arguments set a <see cref="SimulationExpectationDeclaration"/> (the values as
    /// written, which <see cref="SimulationExpectationRules"/> checks) and read back from the <see cref="SimulationExpectation"/>
    /// a valid declaration becomes. The order is the order the emitted expectation writes them in.
    /// </summary>
    internal static class ExpectationAttribute
    {
        public static readonly AttributeArgument Workload =
            Constructor<E, string>(0, nameof(A.Workload), nameof(E.Workload), e => e.Workload);

        /// <summary>Read back by the expectation's constructor, which always takes it: never written as a named argument.</summary>
        public static readonly AttributeArgument Name = Checked<D, string, E, string>(nameof(A.Name), nameof(E.Name), null, (d, v) => { d.Name = v; return d; });

        public static readonly AttributeArgument MaxMakespan =
            Checked<D, string, E, System.TimeSpan?>(nameof(A.MaxMakespan), nameof(E.MaxMakespan), e => e.MaxMakespan, (d, v) => { d.MaxMakespan = v; return d; });

        public static readonly AttributeArgument MaxCostUsd =
            Checked<D, double, E, decimal?>(nameof(A.MaxCostUsd), nameof(E.MaxCostUsd), e => e.MaxCostUsd, (d, v) => { d.MaxCostUsd = v; return d; });

        public static readonly AttributeArgument PricePerNodeHour =
            Checked<D, double, E, decimal?>(nameof(A.PricePerNodeHour), nameof(E.PricePerNodeHour), e => e.PricePerNodeHour, (d, v) => { d.PricePerNodeHour = v; return d; });

        public static readonly AttributeArgument SpotPricePerNodeHour =
            Checked<D, double, E, decimal?>(nameof(A.SpotPricePerNodeHour), nameof(E.SpotPricePerNodeHour), e => e.SpotPricePerNodeHour, (d, v) => { d.SpotPricePerNodeHour = v; return d; });

        public static readonly AttributeArgument Duration =
            Checked<D, string, E, System.TimeSpan>(nameof(A.Duration), nameof(E.Duration), e => e.Duration, (d, v) => { d.Duration = v; return d; });

        public static readonly AttributeArgument TaskDuration =
            Checked<D, string, E, System.TimeSpan>(nameof(A.TaskDuration), nameof(E.TaskDuration), e => e.TaskDuration, (d, v) => { d.TaskDuration = v; return d; });

        public static readonly AttributeDescription Description = AttributeDescription.OfDeclaration(
            nameof(SimulationExpectationAttribute), Diagnostics.DefinitionTarget.SimulationExpectationTarget,
            v => new D((string)v[0]!),
            Workload, Name, MaxMakespan, MaxCostUsd, PricePerNodeHour, SpotPricePerNodeHour, Duration, TaskDuration);
    }
}
