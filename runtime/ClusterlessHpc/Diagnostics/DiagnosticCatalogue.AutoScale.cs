namespace ClusterlessHpc.Diagnostics
{
    /// <summary>The autoscale formula rules (CHPC1000–1999), produced by the formula binder (AutoScale/Language).</summary>
    public static partial class DiagnosticCatalogue
    {

        public static readonly PoolRule FormulaSyntaxMustBeValid = new(
            "CHPC1001", nameof(FormulaSyntaxMustBeValid), "Autoscale formula syntax must be valid",
            "Syntax error in the autoscale formula: {0}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaVariableMustExist = new(
            "CHPC1002", nameof(FormulaVariableMustExist), "Autoscale formula variable must exist",
            "Unknown variable '{0}': it is not a system variable and the formula never assigns it{1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaFunctionMustExist = new(
            "CHPC1003", nameof(FormulaFunctionMustExist), "Autoscale formula function must exist",
            "Unknown function '{0}'{1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMethodMustExist = new(
            "CHPC1004", nameof(FormulaMethodMustExist), "Autoscale formula method must exist",
            "Unknown method '{0}' on '{1}': the sample methods are GetSample, GetSamplePeriod, Count, HistoryBeginTime and GetSamplePercent{2}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMemberMustExist = new(
            "CHPC1005", nameof(FormulaMemberMustExist), "Autoscale formula member must exist",
            "Unknown member '{0}' in '{1}': a timestamp has year, month, day, weekday, hour, minute and second{2}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaVariableMustBeAssignedBeforeUse = new(
            "CHPC1006", nameof(FormulaVariableMustBeAssignedBeforeUse), "Autoscale formula variable must be assigned before it is read",
            "Variable '{0}' is read before it is assigned{1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaTypesMustMatch = new(
            "CHPC1007", nameof(FormulaTypesMustMatch), "Autoscale formula types must match",
            "Type error in '{0}': {1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaArgumentCountMustMatch = new(
            "CHPC1008", nameof(FormulaArgumentCountMustMatch), "Autoscale formula call must have the right number of arguments",
            "'{0}' takes {1}, but {2} given in '{3}'",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaReadOnlyMustNotBeAssigned = new(
            "CHPC1009", nameof(FormulaReadOnlyMustNotBeAssigned), "Autoscale formula must not assign a read-only name",
            "Cannot assign '{0}': {1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaNodeDeallocationOptionMustBeValid = new(
            "CHPC1010", nameof(FormulaNodeDeallocationOptionMustBeValid), "$NodeDeallocationOption must be a deallocation keyword",
            "{0}: $NodeDeallocationOption takes one of the bare words requeue, terminate, taskcompletion or retaineddata{1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaSampleMethodNeedsSamples = new(
            "CHPC1011", nameof(FormulaSampleMethodNeedsSamples), "Autoscale sample methods need a variable with samples",
            "'{0}' has no samples, so '{1}' cannot be called on it: {2}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaTimeStringMustBeValid = new(
            "CHPC1012", nameof(FormulaTimeStringMustBeValid), "Autoscale time() string must be a W3C-DTF or RFC 1123 time",
            "time({0}) cannot be parsed: {1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMustNotBeTooLong = new(
            "CHPC1013", nameof(FormulaMustNotBeTooLong), "Autoscale formula must not exceed 8192 characters",
            "The autoscale formula has {0} characters; Batch accepts at most 8192",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMustNotHaveTooManyStatements = new(
            "CHPC1014", nameof(FormulaMustNotHaveTooManyStatements), "Autoscale formula must not exceed 100 statements",
            "The autoscale formula has {0} statements; Batch accepts at most 100 (the 101st starts with '{1}')",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaShouldAssignTarget = new(
            "CHPC1015", nameof(FormulaShouldAssignTarget), "Autoscale formula should assign a target",
            "The autoscale formula assigns neither $TargetDedicatedNodes nor $TargetLowPriorityNodes, so it never changes the pool size{0}",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule FormulaMustNotHaveTooManyProblems = new(
            "CHPC1016", nameof(FormulaMustNotHaveTooManyProblems), "Autoscale formula has too many problems to report",
            "The autoscale formula has {0} problems; the first {1} are reported and the rest start here",
            RuleSeverity.Error, AutoScale);

        private static PoolRule[] AutoScaleRules() => new[]
        {
            FormulaSyntaxMustBeValid,
            FormulaVariableMustExist,
            FormulaFunctionMustExist,
            FormulaMethodMustExist,
            FormulaMemberMustExist,
            FormulaVariableMustBeAssignedBeforeUse,
            FormulaTypesMustMatch,
            FormulaArgumentCountMustMatch,
            FormulaReadOnlyMustNotBeAssigned,
            FormulaNodeDeallocationOptionMustBeValid,
            FormulaSampleMethodNeedsSamples,
            FormulaTimeStringMustBeValid,
            FormulaMustNotBeTooLong,
            FormulaMustNotHaveTooManyStatements,
            FormulaShouldAssignTarget,
            FormulaMustNotHaveTooManyProblems,
        };
    }
}
