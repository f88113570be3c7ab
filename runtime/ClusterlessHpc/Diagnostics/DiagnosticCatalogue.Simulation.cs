namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// CHPC1048–1059: <c>[SimulationExpectation]</c>. The analyzer reports 1048–1055 at the argument; 1056–1058 come from the
    /// build's check (<c>&lt;ClusterlessHpcCheckExpectations&gt;</c>), which runs the simulation in a process of its own
    /// after the build and reports at the attribute, as a warning or an error as the project asks (the severity here is
    /// the one it has under <c>warn</c>).
    /// </summary>
    internal static partial class DiagnosticCatalogue
    {
        private const string Simulation = "ClusterlessHpc.Simulation";

        public static readonly PoolRule SimulationWorkloadMustBeValid = new(
            "CHPC1048", nameof(SimulationWorkloadMustBeValid), "A simulation workload must be a valid generator or file",
            "Workload '{0}' is not valid: {1}",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationWorkloadFileMustBeFound = new(
            "CHPC1049", nameof(SimulationWorkloadFileMustBeFound), "A simulation workload file must be one of the project's files",
            "Workload file '{0}' is not among the project's additional files: the path is relative to the project's folder, and the package adds workloads/*.csv and workloads/*.json; for another folder add <AdditionalFiles Include=\"...\" /> (a generator is written 'burst:N', 'steady:R' or 'diurnal:P')",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationDurationMustBeValid = new(
            "CHPC1050", nameof(SimulationDurationMustBeValid), "A simulation expectation's duration must be valid",
            "{0} '{1}' is not a duration {2}: write it as " + Rules.DurationSyntax.Examples,
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationAmountMustBePositive = new(
            "CHPC1051", nameof(SimulationAmountMustBePositive), "A simulation expectation's cost and prices must be more than 0",
            "{0} is {1}; it must be an amount of US dollars more than 0",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationCostBoundNeedsPrice = new(
            "CHPC1052", nameof(SimulationCostBoundNeedsPrice), "A simulation cost bound needs a price",
            "Expectation '{0}' bounds the cost but gives no price, so no cost can be worked out: set PricePerNodeHour (and SpotPricePerNodeHour for low-priority nodes) to the VM size's US dollars per node-hour",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationExpectationNeedsBound = new(
            "CHPC1053", nameof(SimulationExpectationNeedsBound), "A simulation expectation needs a bound",
            "Expectation '{0}' bounds neither the makespan nor the cost, so it can never fail: set MaxMakespan, MaxCostUsd or both",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationExpectationNeedsAutoScale = new(
            "CHPC1054", nameof(SimulationExpectationNeedsAutoScale), "A simulation expectation needs an autoscale pool",
            "Pool '{0}' has no [AutoScale] formula, and a simulation expectation checks what a formula does with a workload: add [AutoScale] or remove the expectation",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationExpectationNamesMustBeUnique = new(
            "CHPC1055", nameof(SimulationExpectationNamesMustBeUnique), "Simulation expectation names must be unique in a pool",
            "Expectation '{0}' is declared more than once on pool '{1}'; give each its own Name so messages say which one failed",
            RuleSeverity.Error, Simulation);

        public static readonly PoolRule SimulationExpectationExceeded = new(
            "CHPC1056", nameof(SimulationExpectationExceeded), "The simulated makespan or cost exceeds the expectation",
            "Pool '{0}', expectation '{1}': {2}",
            RuleSeverity.Warning, Simulation);

        public static readonly PoolRule SimulationExpectationNotChecked = new(
            "CHPC1057", nameof(SimulationExpectationNotChecked), "A simulation expectation could not be checked",
            "Pool '{0}', expectation '{1}' could not be checked: {2}",
            RuleSeverity.Warning, Simulation);

        public static readonly PoolRule SimulationExpectationsCheckFailed = new(
            "CHPC1058", nameof(SimulationExpectationsCheckFailed), "The build's simulation expectations check could not run",
            "The simulation expectations of {0} could not be checked: {1}",
            RuleSeverity.Warning, Simulation);

        private static PoolRule[] SimulationRules() => new[]
        {
            SimulationWorkloadMustBeValid,
            SimulationWorkloadFileMustBeFound,
            SimulationDurationMustBeValid,
            SimulationAmountMustBePositive,
            SimulationCostBoundNeedsPrice,
            SimulationExpectationNeedsBound,
            SimulationExpectationNeedsAutoScale,
            SimulationExpectationNamesMustBeUnique,
            SimulationExpectationExceeded,
            SimulationExpectationNotChecked,
            SimulationExpectationsCheckFailed,
        };
    }
}
