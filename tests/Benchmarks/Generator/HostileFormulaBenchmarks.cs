extern alias generator;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// The generator and analyzer on one pool whose formula is a 15,000-character constant of stray characters (one
/// syntax error each: the slowest input the pool-source fuzzer found), beside the same pool with a valid formula.
/// Goal: under 100 ms.
/// </summary>
[MemoryDiagnoser]
public class HostileFormulaBenchmarks
{
    private const string Valid = "$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));";

    private CSharpCompilation _valid = null!;
    private CSharpCompilation _hostile = null!;
    private CSharpParseOptions _parseOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _valid = Compile(Valid);
        _hostile = Compile(new string('^', 15_000));
    }

    [Benchmark(Baseline = true, Description = "generator + analyzer, valid formula constant")]
    public int ValidFormula() => Run(_valid).Total;

    [Benchmark(Description = "generator + analyzer, 15,000 stray characters in the constant")]
    public int HostileFormula() => Run(_hostile).Total;

    /// <summary>Checks the set-up once: the valid pool generates and reports nothing; the hostile one is capped.</summary>
    public void Verify()
    {
        Setup();
        var valid = Run(_valid);
        if (valid.Diagnostics.Length != 0) throw new InvalidOperationException("the valid pool reports " + valid.Diagnostics[0]);
        // 100 unexpected characters (CHPC1018), the summary, the length error and the no-target warning; no pool generated.
        var hostile = Run(_hostile);
        var ids = string.Join(",", hostile.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        if (hostile.Diagnostics.Length != 103 || ids != "CHPC1013,CHPC1015,CHPC1016,CHPC1018" || hostile.Generated >= valid.Generated)
        {
            throw new InvalidOperationException($"the hostile pool: {hostile.Diagnostics.Length} diagnostics ({ids}), {hostile.Generated} files generated");
        }
    }

    private (int Generated, ImmutableArray<Diagnostic> Diagnostics, int Total) Run(CSharpCompilation original)
    {
        var compilation = original.Clone();
        var driver = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: _parseOptions);
        var generated = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;
        var diagnostics = compilation.WithAnalyzers([new PoolAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (generated, diagnostics, generated + diagnostics.Length);
    }

    private CSharpCompilation Compile(string formula)
    {
        var source = "using ClusterlessHpc;\nnamespace Bench;\n" +
                     $"public static class Formulas {{ public const string Scale = \"{formula}\"; }}\n" +
                     "[BatchPool(\"sequoia\")]\n[AutoScale(Formulas.Scale)]\npublic partial class Sequoia;\n";
        return CSharpCompilation.Create("Hostile", [CSharpSyntaxTree.ParseText(source, _parseOptions)], RuntimeReferences.WithPools,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
