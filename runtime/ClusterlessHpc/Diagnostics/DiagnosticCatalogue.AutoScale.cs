namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// The autoscale formula rules (CHPC1000–1999), one per kind of problem, so that each can be suppressed and looked up
    /// alone. Their messages are written here; AutoScale/Language/DiagnosticBag is the only code that reports them, with
    /// one method per kind. 1001–1016 are the original rules; 1017–1034 are the syntax problems split from 1001 (which
    /// keeps the missing ';' between statements), 1035–1040 the type problems split from 1007 (which keeps the operators),
    /// and 1041 the reads split from 1010 (which keeps the values assigned to $NodeDeallocationOption).
    /// 1042–1047 are lints: warnings (and one note) on valid formulas that are likely wrong.
    /// </summary>
    internal static partial class DiagnosticCatalogue
    {
        public static readonly PoolRule FormulaSyntaxMustBeValid = new(
            "CHPC1001", nameof(FormulaSyntaxMustBeValid), "Autoscale formula statements must be separated by ';'",
            "Expected ';' before {0}: the statement before it is complete, and a line break does not end a statement",
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
            "CHPC1007", nameof(FormulaTypesMustMatch), "Autoscale formula operators must get the types they take",
            "Type error in '{0}': '{1}' cannot be applied to {2}{3}",
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
            "'{0}' is not a deallocation keyword: $NodeDeallocationOption takes one of the bare words requeue, terminate, taskcompletion or retaineddata{1}",
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

        // Split from CHPC1001: one rule per kind of syntax problem, so each can be looked up and suppressed alone.

        public static readonly PoolRule FormulaCommentMustBeLineComment = new(
            "CHPC1017", nameof(FormulaCommentMustBeLineComment), "Autoscale formula comments must be '//' line comments",
            "Block comment '{0}' is not supported: the formula language has only '//' comments, which run to the end of the line",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaCharacterMustBeValid = new(
            "CHPC1018", nameof(FormulaCharacterMustBeValid), "Autoscale formula must use only the characters of the language",
            "Unexpected character '{0}': outside a string or a '//' comment, a formula has only names, numbers, '$' and the operators of its grammar",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMustNotContainEscapes = new(
            "CHPC1019", nameof(FormulaMustNotContainEscapes), "Autoscale formula must not contain escape sequences",
            "'{0}' is not allowed: a formula has no escape sequences, and '\\' means nothing outside a string (was the formula copied from a program's source?)",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMustNotContainPlaceholders = new(
            "CHPC1020", nameof(FormulaMustNotContainPlaceholders), "Autoscale formula must not contain placeholders",
            "'{0}' is not allowed: a formula has no braces (was a placeholder left in the formula instead of its value?)",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaLogicalOperatorMustBeDoubled = new(
            "CHPC1021", nameof(FormulaLogicalOperatorMustBeDoubled), "Autoscale formula logical operators are '&&' and '||'",
            "'{0}' is not an operator: the logical {1} is '{0}{0}'",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaStringMustUseDoubleQuotes = new(
            "CHPC1022", nameof(FormulaStringMustUseDoubleQuotes), "Autoscale formula strings must use double quotes",
            "{0} is not a string: strings use double quotes, as in \"{1}\"",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaStringMustBeClosed = new(
            "CHPC1023", nameof(FormulaStringMustBeClosed), "Autoscale formula strings must be closed on their line",
            "The string {0} has no closing '\"' on its line",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaNumberMustBeValid = new(
            "CHPC1024", nameof(FormulaNumberMustBeValid), "Autoscale formula numbers must be digits with an optional fraction",
            "'{0}' is not a number: write digits with an optional fraction, such as 25 or 0.25",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaVariableNameMustFollowDollar = new(
            "CHPC1025", nameof(FormulaVariableNameMustFollowDollar), "Autoscale formula '$' must start a variable name",
            "'{0}' is not a variable name: after '$' comes a name that starts with a letter or '_', as in $ActiveTasks",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaStatementMustNotBeEmpty = new(
            "CHPC1026", nameof(FormulaStatementMustNotBeEmpty), "Autoscale formula must not have empty statements",
            "Empty statement: this ';' has no statement before it; remove it",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMustHaveStatements = new(
            "CHPC1027", nameof(FormulaMustHaveStatements), "Autoscale formula must have a statement",
            "The autoscale formula has no statements: it is empty or holds only comments",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaAssignmentMustNotBeChained = new(
            "CHPC1028", nameof(FormulaAssignmentMustNotBeChained), "Autoscale formula assignments must not be chained",
            "'=' cannot follow the assignment '{0}': an assignment is a statement, not a value, so 'a = b = c' is not allowed; assign each variable in its own statement",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaAssignmentTargetMustBeName = new(
            "CHPC1029", nameof(FormulaAssignmentTargetMustBeName), "Autoscale formula can only assign a variable",
            "Only a variable name can stand before '=', not '{0}'",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMemberNameMustFollowDot = new(
            "CHPC1030", nameof(FormulaMemberNameMustFollowDot), "Autoscale formula '.' must be followed by a member or method name",
            "Expected a member or method name after '.', found {0}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaParenthesisMustBeClosed = new(
            "CHPC1031", nameof(FormulaParenthesisMustBeClosed), "Autoscale formula parentheses must be closed",
            "Expected ')' to close '{0}', found {1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaConditionalMustHaveColon = new(
            "CHPC1032", nameof(FormulaConditionalMustHaveColon), "Autoscale formula conditional '?' must have its ':'",
            "Expected ':' in the conditional '{0}', found {1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaValueMustBePresent = new(
            "CHPC1033", nameof(FormulaValueMustBePresent), "Autoscale formula expression is missing a value",
            "Expected a value, found {0}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMustNotNestTooDeeply = new(
            "CHPC1034", nameof(FormulaMustNotNestTooDeeply), "Autoscale formula expressions must not nest more than 128 levels",
            "The expression is nested more than {1} levels deep at '{0}'; split it into several statements",
            RuleSeverity.Error, AutoScale);

        // Split from CHPC1007, which keeps the operators: one rule per place a value of the wrong type can stand.

        public static readonly PoolRule FormulaArgumentTypeMustMatch = new(
            "CHPC1035", nameof(FormulaArgumentTypeMustMatch), "Autoscale formula arguments must have the types the call takes",
            "Argument {0} of '{1}' must be {2}, but '{3}' is {4}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaTargetMustBeDouble = new(
            "CHPC1036", nameof(FormulaTargetMustBeDouble), "Autoscale formula targets must be assigned a double",
            "'{0}' takes a double, but '{1}' is {2}{3}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaConditionMustBeDouble = new(
            "CHPC1037", nameof(FormulaConditionMustBeDouble), "Autoscale formula condition of '?:' must be a double",
            "The condition '{0}' of '?:' must be a double (nonzero is true), but it is {1}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaBranchesMustHaveSameType = new(
            "CHPC1038", nameof(FormulaBranchesMustHaveSameType), "Autoscale formula branches of '?:' must have the same type",
            "The branches of '{0}' must have the same type, but they are {1} and {2}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaMemberNeedsTimestamp = new(
            "CHPC1039", nameof(FormulaMemberNeedsTimestamp), "Autoscale formula timestamp members need a timestamp",
            "'.{0}' needs a timestamp, but '{1}' is {2}",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule FormulaStopHasNoValue = new(
            "CHPC1040", nameof(FormulaStopHasNoValue), "Autoscale formula stop() has no value",
            "'{0}' has no value, so it cannot be {1}: stop() ends the evaluation and stands only as a statement of its own",
            RuleSeverity.Error, AutoScale);

        // Split from CHPC1010, which keeps the values assigned to $NodeDeallocationOption.

        public static readonly PoolRule FormulaDeallocationNameHasNoValue = new(
            "CHPC1041", nameof(FormulaDeallocationNameHasNoValue), "$NodeDeallocationOption and its keywords have no value to read",
            "'{0}' has no value to read: $NodeDeallocationOption can only be assigned, and its keywords requeue, terminate, taskcompletion and retaineddata stand only after '$NodeDeallocationOption ='",
            RuleSeverity.Error, AutoScale);

        // Lints: valid formulas that are likely wrong. Never errors, so every formula the service accepts stays accepted.

        public static readonly PoolRule FormulaConditionShouldNotBeConstant = new(
            "CHPC1042", nameof(FormulaConditionShouldNotBeConstant), "Autoscale formula condition should not be constant",
            "The condition '{0}' is always {1} once its constants are folded, so '?:' always gives its {2} branch",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule FormulaShouldNotReadUnsetTarget = new(
            "CHPC1043", nameof(FormulaShouldNotReadUnsetTarget), "Autoscale formula should not read the target it never sets",
            "'{0}' is read, but the formula sets only {1}: '{0}' is the pool's current {2} target, which this formula never changes (0 on a pool without such nodes); did you mean {1}?",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule FormulaTargetShouldBeWholeNumber = new(
            "CHPC1044", nameof(FormulaTargetShouldBeWholeNumber), "Autoscale formula target should be a whole number, not negative",
            "'{0}' may be set to {1} by '{2}': {3}",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule FormulaSampleReadShouldHaveFallback = new(
            "CHPC1045", nameof(FormulaSampleReadShouldHaveFallback), "Autoscale sample read should have a fallback for no samples",
            "'{0}' may return no samples (a pool has none until its first samples arrive), and {1}() of no values fails the evaluation; {2}",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule FormulaSampleWindowShouldReachPastLastMinute = new(
            "CHPC1046", nameof(FormulaSampleWindowShouldReachPastLastMinute), "Autoscale sample window should reach back more than a minute",
            "'{0}' looks back only {1} seconds: samples reach a formula about a minute late, so a window within the last 60 seconds may hold none; look back further, as in {2}(TimeInterval_Minute * 5)",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule FormulaShouldUseCurrentName = new(
            "CHPC1047", nameof(FormulaShouldUseCurrentName), "Autoscale formula uses a legacy variable name",
            "'{0}' is the original name of '{1}': the service still accepts it, but the documentation now uses '{1}'",
            RuleSeverity.Info, AutoScale);

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
            FormulaCommentMustBeLineComment,
            FormulaCharacterMustBeValid,
            FormulaMustNotContainEscapes,
            FormulaMustNotContainPlaceholders,
            FormulaLogicalOperatorMustBeDoubled,
            FormulaStringMustUseDoubleQuotes,
            FormulaStringMustBeClosed,
            FormulaNumberMustBeValid,
            FormulaVariableNameMustFollowDollar,
            FormulaStatementMustNotBeEmpty,
            FormulaMustHaveStatements,
            FormulaAssignmentMustNotBeChained,
            FormulaAssignmentTargetMustBeName,
            FormulaMemberNameMustFollowDot,
            FormulaParenthesisMustBeClosed,
            FormulaConditionalMustHaveColon,
            FormulaValueMustBePresent,
            FormulaMustNotNestTooDeeply,
            FormulaArgumentTypeMustMatch,
            FormulaTargetMustBeDouble,
            FormulaConditionMustBeDouble,
            FormulaBranchesMustHaveSameType,
            FormulaMemberNeedsTimestamp,
            FormulaStopHasNoValue,
            FormulaDeallocationNameHasNoValue,
            FormulaConditionShouldNotBeConstant,
            FormulaShouldNotReadUnsetTarget,
            FormulaTargetShouldBeWholeNumber,
            FormulaSampleReadShouldHaveFallback,
            FormulaSampleWindowShouldReachPastLastMinute,
            FormulaShouldUseCurrentName,
        };
    }
}
