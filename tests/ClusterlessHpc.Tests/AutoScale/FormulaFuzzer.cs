using System.Text;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// Makes formula-like inputs from a seed: random streams of the language's tokens (and of what it lacks), and
/// mutations of real formulas. Shared by the fuzz test and the benchmark soak, so both exercise the same inputs.
/// </summary>
internal sealed class FormulaFuzzer
{
    private static readonly string[] Words =
    {
        "$TargetDedicatedNodes", "$TargetLowPriorityNodes", "$NodeDeallocationOption", "$TargetDedicated", "$CPUPercent",
        "$ActiveTasks", "$PendingTasks", "$RunningTasks", "$CurrentDedicatedNodes", "$CurrentDedicated", "$TaskSlotsPerNode",
        "$PreemptedNodeCount", "$x", "$y", "x", "y", "total", "$", "TimeInterval_Minute", "TimeInterval_Second", "TimeInterval_Year",
        "requeue", "taskcompletion", "retaindata", "avg", "max", "min", "sum", "len", "val", "percentile", "time", "rand", "stop",
        "lg", "round", "ceil", "GetSample", "GetSamplePercent", "Count", "HistoryBeginTime", "GetSamplePeriod", "hour", "weekday",
        "0", "1", "2.5", "70", "600.0", "1e3", ".5", "5.", "99999999999999999999999", "\"Mon, 06 Oct 2014 10:20:00 GMT\"",
        "\"2023-04-14T13:26:49.123456Z\"", "\"2023-04-14T13:26:49.123456789Z\"", "\"\"", "\"x", "'q'",
        "+", "-", "*", "/", "!", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "&", "|", "?", ":", "=", "(", ")", ",", ".", ";",
        "{", "}", "[", "]", "%", "\\", "#", "//c\n", "/*", "*/", " ", "\n", "\r\n", "\t", "\u00a0", "\ud83d", "\0",
    };

    private readonly Random _random;
    private readonly IReadOnlyList<string> _seeds;

    public FormulaFuzzer(int seed, IReadOnlyList<string> seeds)
    {
        _random = new Random(seed);
        _seeds = seeds;
    }

    public string Next() => _random.Next(2) == 0 ? TokenStream() : Mutation();

    public string TokenStream()
    {
        var builder = new StringBuilder();
        var count = _random.Next(1, 80);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Words[_random.Next(Words.Length)]);
            if (_random.Next(3) == 0) builder.Append(' ');
        }
        return builder.ToString();
    }

    public string Mutation()
    {
        var text = new StringBuilder(_seeds[_random.Next(_seeds.Count)]);
        var edits = _random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = text.Length == 0 ? 0 : _random.Next(text.Length);
            var length = text.Length == 0 ? 0 : _random.Next(Math.Min(12, text.Length - at) + 1);
            switch (_random.Next(6))
            {
                case 0:
                    text.Remove(at, length);
                    break;
                case 1:
                    text.Insert(at, Words[_random.Next(Words.Length)]);
                    break;
                case 2:
                    text.Insert(at, text.ToString(at, length));
                    break;
                case 3:
                    if (text.Length > 0) text[at] = (char)_random.Next(0, 0x3000);
                    break;
                case 4:
                    text.Insert(at, new string('(', _random.Next(1, 300)));
                    break;
                default:
                    if (length > 1)
                    {
                        var first = text[at];
                        text[at] = text[at + length - 1];
                        text[at + length - 1] = first;
                    }
                    break;
            }
        }
        return text.ToString();
    }
}
