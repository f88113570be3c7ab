namespace ClusterlessHpc.Testing;

/// <summary>
/// For each autoscale formula rule (CHPC1xxx), a formula that breaks it, with the exact text it must be reported at
/// marked <c>{|...|}</c> (<c>{||}</c> for the end of the formula). Apart from CHPC1016, which needs 100 other problems
/// to exist, each sample breaks its rule and nothing else. The runtime's and the analyzer's tests both read this table.
/// </summary>
internal static class FormulaRuleSamples
{
    private const string Target = "$TargetDedicatedNodes = 1;";

    public static IReadOnlyDictionary<string, string> ById { get; } = new Dictionary<string, string>
    {
        ["CHPC1001"] = "$a = 1\n{|$TargetDedicatedNodes|} = $a;",
        ["CHPC1002"] = "$TargetDedicatedNodes = {|$PendingTaskSlots|};",
        ["CHPC1003"] = "$TargetDedicatedNodes = {|Max|}(1, 2);",
        ["CHPC1004"] = "$TargetDedicatedNodes = max($ActiveTasks.{|getSample|}(1));",
        ["CHPC1005"] = "$TargetDedicatedNodes = time().{|Weekday|};",
        ["CHPC1006"] = "$TargetDedicatedNodes = {|n|};\nn = 2;",
        ["CHPC1007"] = "$TargetDedicatedNodes = {|time() + 5|};",
        ["CHPC1008"] = "$TargetDedicatedNodes = {|rand(1)|};",
        ["CHPC1009"] = "{|$CPUPercent|} = 5; " + Target,
        ["CHPC1010"] = Target + " $NodeDeallocationOption = {|retaindata|};",
        ["CHPC1011"] = "v = 1; $TargetDedicatedNodes = max({|v|}.GetSample(1));",
        ["CHPC1012"] = "$TargetDedicatedNodes = time({|\"2023-04-14T13:26:49\"|}).hour;",
        ["CHPC1013"] = Target + new string(' ', 8192 - Target.Length) + "{|//|}",
        ["CHPC1014"] = string.Concat(Enumerable.Range(0, 99).Select(i => $"a{i} = {i}; ")) + Target + " {|extra = 1|}",
        ["CHPC1015"] = "{|cap = 10|};",
        ["CHPC1016"] = Target + "\n" + new string('#', 100) + "{|#|}#####",
        ["CHPC1017"] = "{|/* at most ten */|} $TargetDedicatedNodes = 10;",
        ["CHPC1018"] = "$TargetDedicatedNodes = 10 {|%|} 3;",
        ["CHPC1019"] = "t = time({|\\|}\"2014-10-06T10:20:00Z\\\"); " + Target,
        ["CHPC1020"] = "$TargetDedicatedNodes = {|{maxNodes}|};",
        ["CHPC1021"] = "$TargetDedicatedNodes = 1 {|&|} 1;",
        ["CHPC1022"] = "t = time({|'Mon, 06 Oct 2014 10:20:00 GMT'|}); " + Target,
        ["CHPC1023"] = Target + "\nt = time({|\"2014-10-06);|}",
        ["CHPC1024"] = "$TargetDedicatedNodes = {|1e3|};",
        ["CHPC1025"] = "{|$1|} = 1; " + Target,
        ["CHPC1026"] = Target + "{|;|}",
        ["CHPC1027"] = "// no statement yet{||}",
        ["CHPC1028"] = "$a = $b {|=|} 1; " + Target,
        ["CHPC1029"] = "(x) {|=|} 1; " + Target,
        ["CHPC1030"] = "$TargetDedicatedNodes = time().{|;|}",
        ["CHPC1031"] = "$TargetDedicatedNodes = max(1, 2{||}",
        ["CHPC1032"] = "$TargetDedicatedNodes = 1 > 0 ? 2 {|;|}",
        ["CHPC1033"] = "$TargetDedicatedNodes = 1 +{|;|}",
        ["CHPC1034"] = "$TargetDedicatedNodes = " + new string('(', 128) + "{|1|}" + new string(')', 128) + ";",
        ["CHPC1035"] = "$TargetDedicatedNodes = max(1, {|time()|});",
        ["CHPC1036"] = "{|$TargetDedicatedNodes = $CPUPercent.GetSample(5)|};",
        ["CHPC1037"] = "$TargetDedicatedNodes = {|time()|} ? 1 : 2;",
        ["CHPC1038"] = "$TargetDedicatedNodes = {|1 > 0 ? 5 : $CPUPercent.GetSample(1)|};",
        ["CHPC1039"] = "$TargetDedicatedNodes = {|$CPUPercent.hour|};",
        ["CHPC1040"] = "x = {|stop()|}; " + Target,
        ["CHPC1041"] = "$TargetDedicatedNodes = {|$NodeDeallocationOption|};",
        ["CHPC1042"] = "maxNodes = 0; $TargetDedicatedNodes = {|maxNodes > 0|} ? maxNodes : 0;",
        ["CHPC1043"] = "$TargetLowPriorityNodes = {|$TargetDedicatedNodes|} + 1;",
        ["CHPC1044"] = "$TargetDedicatedNodes = {|$PendingTasks / $TaskSlotsPerNode|};",
        ["CHPC1045"] = "$TargetDedicatedNodes = min(10, max({|$PendingTasks.GetSample(1)|}));",
        ["CHPC1046"] = "$TargetDedicatedNodes = max(0, {|$ActiveTasks.GetSample(30 * TimeInterval_Second)|});",
        ["CHPC1047"] = "{|$TargetDedicated|} = 1;",
    };

    public static TheoryData<string> Ids => new(ById.Keys);

    /// <summary>The sample's formula without its marks, and where the marked text is in it.</summary>
    public static (string Formula, int Start, int Length) Parse(string id)
    {
        var marked = ById[id];
        var open = marked.IndexOf("{|", StringComparison.Ordinal);
        var close = marked.IndexOf("|}", open + 2, StringComparison.Ordinal);
        var formula = marked[..open] + marked[(open + 2)..close] + marked[(close + 2)..];
        return (formula, open, close - open - 2);
    }
}
