using ClusterlessHpc.Reliability.Injection;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- injection [verbose]</c>: every hostile value in every attribute that
/// reaches a node's start task, refused by a rule or run on an executed node; prints a line per attribute (and per value
/// with <c>verbose</c>) and exits 1 when a payload ran.
/// </summary>
public static class InjectionMode
{
    public static int Run(string[] args, TextWriter output)
    {
        var cases = InjectionRun.RunAsync(log: output).GetAwaiter().GetResult();
        foreach (var target in cases.GroupBy(c => c.Target))
        {
            var refused = target.Where(c => c.RefusedBy is not null).ToList();
            var accepted = target.Where(c => c.RefusedBy is null && c.RefusedElsewhere is null).ToList();
            var rules = string.Join(", ", refused.Select(c => c.RefusedBy).Distinct().Order(StringComparer.Ordinal));
            output.WriteLine($"{target.Key.Name}: {refused.Count} refused ({(rules.Length == 0 ? "-" : rules)}), {accepted.Count} accepted and run, " +
                             $"{target.Count(c => !c.Safe)} unsafe");
            foreach (var item in target.Where(c => !c.Safe || args.Contains("verbose"))) output.WriteLine("  " + item);
        }
        var unsafeCount = cases.Count(c => !c.Safe);
        output.WriteLine($"{cases.Count} values ({HostileCorpus.Payloads.Length} payloads in {HostileCorpus.Targets.Count} places): " +
                         $"{cases.Count(c => c.RefusedBy is not null)} refused by a rule at the value, {cases.Count(c => c.Outcome is not null)} accepted and run, " +
                         $"{unsafeCount} unsafe");
        return unsafeCount == 0 ? 0 : 1;
    }
}
