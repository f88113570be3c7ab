using System.Text;
using System.Text.RegularExpressions;
using ClusterlessHpc.Reliability.Injection;
using ClusterlessHpc.Tests.AutoScale;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// Mutated pool declarations: seeds that use every attribute, changed by seeded edits a person (or a bad merge) makes:
/// string and number arguments replaced by hostile, huge, empty, Unicode or fuzzed-formula values, characters and tokens
/// deleted, inserted or duplicated, attribute lines repeated or dropped, named arguments swapped, the class's kind changed,
/// constants, concatenations, interpolated and raw strings in place of literals.
/// </summary>
public sealed partial class PoolSourceFuzzer
{
    private static readonly string[] Seeds =
    [
        """
        using ClusterlessHpc;
        namespace Fuzz;
        [BatchPool("redwood", VmSize = "Standard_E8s_v3", NodeCount = 2, LowPriorityNodeCount = 1, TaskSlotsPerNode = 4, InterNodeCommunication = true, ResizeTimeoutMinutes = 20)]
        [Julia("1.10.5", Mirror = "https://mirror.example.org/julia", PkgServer = "https://pkg.example.org", Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        [JuliaPackage("IterativeSolvers")]
        [JuliaPackage("JSON", Version = "0.21")]
        [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
        [JuliaPackage("Example", Url = "https://github.com/JuliaLang/Example.jl", Rev = "v0.5.3")]
        [StartupStep("apt-get install -y libfftw3-dev")]
        [StartupStep("echo done", AfterPackages = true)]
        [EnvironmentVariable("OMP_NUM_THREADS", "4")]
        [Metadata("team", "imaging")]
        [StartTask(MaxRetryCount = 2, WaitForSuccess = true)]
        [Network(SubnetId = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/n", PublicIPAddresses = PublicIPAddressProvisioning.NoPublicIPAddresses)]
        [NfsMount("10.0.0.4:/export", "nfs", MountOptions = "-o vers=4")]
        public partial class RedwoodPool;
        """,
        """"
        using ClusterlessHpc;
        namespace Fuzz;
        [BatchPool("cypress", VmSize = "Standard_E4s_v3")]
        [Julia("1.5.2")]
        [JuliaPackage("Distributions")]
        [AutoScale("""
            startingNumberOfVMs = 1;
            maxNumberofVMs = 10;
            pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(30 * TimeInterval_Second);
            pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(30 * TimeInterval_Second));
            $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
            $NodeDeallocationOption = taskcompletion;
            """, EvaluationIntervalMinutes = 5)]
        public partial class CypressPool;
        """",
        """
        using ClusterlessHpc;
        namespace Fuzz;
        public static class Formulas { public const string Scale = "$TargetDedicatedNodes = max(0, $PendingTasks.GetSample(1)) ;"; }
        [BatchPool("sequoia", NodeCount = 3)]
        [Container("myregistry.azurecr.io/redwood:v1.0", "ubuntu:24.04")]
        [ContainerRegistry("myregistry.azurecr.io", UserName = "puller", PasswordSetting = "Registry:Password")]
        [AzureFilesMount("filesaccount", "share", "files", AccountKeySetting = "Storage:FilesKey")]
        [BlobfuseMount("blobaccount", "data", "data", SasKeySetting = "Storage:DataSas")]
        [AutoScale(Formulas.Scale)]
        public partial class SequoiaPool;
        """,
        """
        using ClusterlessHpc;
        namespace Fuzz;
        [BatchPool("custom", VmSize = "Standard_D4ps_v5", NodeCount = 1)]
        [CustomImage("/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/gal/images/img/versions/1.0.0", NodeAgentSku = "batch.node.ubuntu 22.04", JuliaDepotPath = "/opt/julia/depot")]
        [Julia("1.10.5")]
        [JuliaPackage("FFTW")]
        public partial class CustomPool;
        [BatchPool("marketplace")]
        [MarketplaceImage("canonical", "ubuntu-24_04-lts", "server", Version = "latest", NodeAgentSku = "batch.node.ubuntu 24.04")]
        public partial class MarketplacePool;
        """,
    ];

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "\"", "\"\"\"", ",", "=", "@", "$\"", "{", "}", ";", "\\", "//", "/*", "*/", "#if X", "\n", "partial", "static", "<T>",
        "nameof(RedwoodPool)", "null", "default", "new[] { \"a\" }", "1 +", "\"a\" + \"b\"", "'x'", "0x7FFFFFFF", "-", "..", "?", "!",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1", "2147483647", "-2147483648", "100000", "int.MaxValue", "1.5", "true", "(int)3.9", "0x10"];

    private readonly Random _random;
    private readonly FormulaFuzzer _formulas;

    public PoolSourceFuzzer(int seed, IReadOnlyList<string> formulaCorpus)
    {
        _random = new Random(seed);
        _formulas = new FormulaFuzzer(seed, formulaCorpus);
    }

    public string Next()
    {
        var source = Seeds[_random.Next(Seeds.Length)];
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++) source = Mutate(source);
        return source;
    }

    private string Mutate(string source) => _random.Next(10) switch
    {
        0 or 1 or 2 => ReplaceMatch(source, StringLiteral(), _ => Quote(Value())),
        3 => ReplaceMatch(source, NumberLiteral(), _ => Numbers[_random.Next(Numbers.Length)]),
        4 => Splice(source, Fragments[_random.Next(Fragments.Length)]),
        5 => Delete(source),
        6 => RepeatOrDropLine(source),
        7 => ReplaceMatch(source, NamedArgument(), _ => new[] { "VmSize", "NodeCount", "Mirror", "Version", "Url", "Develop", "Rev", "Unknown", "EvaluationIntervalMinutes" }[_random.Next(9)] + " ="),
        8 => ReplaceMatch(source, ClassKind(), _ => new[] { "public partial struct", "public partial record", "public static partial class", "internal partial class", "public class", "public partial interface", "partial class" }[_random.Next(7)]),
        _ => ReplaceMatch(source, StringLiteral(), m => Rewrap(m.Value)),
    };

    /// <summary>A value for a string argument.</summary>
    private string Value() => _random.Next(9) switch
    {
        0 => HostileCorpus.Payloads[_random.Next(HostileCorpus.Payloads.Length)],
        1 => new string((char)_random.Next(32, 127), _random.Next(1, 20_000)),
        2 => "",
        3 => " ",
        4 => _formulas.Next(),
        5 => string.Concat(Enumerable.Range(0, _random.Next(1, 30)).Select(_ => (char)_random.Next(0, 0x10000))),
        6 => "\uD800",
        7 => "redwood" + new string('x', _random.Next(0, 80)),
        _ => "\u202Eevil\u200B" + _random.Next(),
    };

    /// <summary>A C# string literal holding <paramref name="value"/> exactly (escaped), as regular or verbatim text.</summary>
    private string Quote(string value)
    {
        if (_random.Next(3) == 0) return "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    /// <summary>The same literal in another form: concatenated, interpolated, parenthesised, or as a constant.</summary>
    private string Rewrap(string literal) => _random.Next(4) switch
    {
        0 => literal + " + \"\"",
        1 => "$" + literal.TrimStart('@'),
        2 => "(" + literal + ")",
        _ => "\"\" + " + literal,
    };

    private string ReplaceMatch(string source, Regex pattern, Func<Match, string> replacement)
    {
        var matches = pattern.Matches(source);
        if (matches.Count == 0) return source;
        var match = matches[_random.Next(matches.Count)];
        return source[..match.Index] + replacement(match) + source[(match.Index + match.Length)..];
    }

    private string Splice(string source, string fragment)
    {
        var at = _random.Next(source.Length + 1);
        return source[..at] + fragment + source[at..];
    }

    private string Delete(string source)
    {
        if (source.Length == 0) return source;
        var at = _random.Next(source.Length);
        var length = Math.Min(source.Length - at, 1 + _random.Next(_random.Next(2) == 0 ? 3 : 40));
        return source.Remove(at, length);
    }

    private string RepeatOrDropLine(string source)
    {
        var lines = source.Split('\n').ToList();
        var index = _random.Next(lines.Count);
        if (_random.Next(2) == 0) lines.Insert(index, lines[index]);
        else lines.RemoveAt(index);
        return string.Join('\n', lines);
    }

    [GeneratedRegex("@?\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("(?<=[=(,] ?)-?[0-9]+\\b")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex("\\b[A-Z][A-Za-z]+ =")]
    private static partial Regex NamedArgument();

    [GeneratedRegex("public partial class")]
    private static partial Regex ClassKind();
}
