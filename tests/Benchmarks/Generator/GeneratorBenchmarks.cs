extern alias generator;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// ClusterlessHpc's generator and analyzer over 500 pool declarations (3 packages and a 5-statement formula each),
/// beside the System.Text.Json source generator over 500 serializable types of 10 properties, in the same run.
/// Both start from a fresh copy of their compilation, so no semantic model is reused between runs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MedianComparisonConfig))]
public class GeneratorBenchmarks
{
    public const int Declarations = 500;

    private CSharpCompilation _pools = null!;

    internal CSharpCompilation Pools => _pools;
    private CSharpCompilation _json = null!;
    private ISourceGenerator _jsonGenerator = null!;
    private CSharpParseOptions _parseOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _pools = Compile("Pools", PoolSources(), RuntimeReferences.WithPools);
        _json = Compile("Json", JsonSources(), RuntimeReferences.System);
        _jsonGenerator = LoadJsonGenerator();
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json generator, 500 types")]
    public int SystemTextJsonGenerator()
    {
        var driver = CSharpGeneratorDriver.Create([_jsonGenerator], parseOptions: _parseOptions);
        return driver.RunGenerators(_json.Clone()).GetRunResult().GeneratedTrees.Length;
    }

    [Benchmark(Description = "ClusterlessHpc generator + analyzer, 500 pools")]
    public int PoolGeneratorAndAnalyzer()
    {
        var compilation = _pools.Clone();
        var driver = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: _parseOptions);
        var generated = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;
        var diagnostics = compilation.WithAnalyzers([new PoolAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return generated + diagnostics.Length;
    }

    /// <summary>Checks the set-up once: every pool generated, no diagnostic; the JSON context generated.</summary>
    public void Verify()
    {
        Setup();
        var pools = PoolGeneratorAndAnalyzer();
        if (pools != Declarations + 1) throw new InvalidOperationException($"expected {Declarations + 1} generated files and no diagnostics, got {pools}");
        if (SystemTextJsonGenerator() == 0) throw new InvalidOperationException("the System.Text.Json generator generated nothing");
    }

    private CSharpCompilation Compile(string name, IEnumerable<string> sources, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(name, sources.Select(s => CSharpSyntaxTree.ParseText(s, _parseOptions)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static IEnumerable<string> PoolSources() => Enumerable.Range(0, Declarations).Select(BenchmarkPools.Source);

    private static IEnumerable<string> JsonSources()
    {
        var context = new StringBuilder("using System.Text.Json.Serialization;\nnamespace Bench;\n");
        for (var i = 0; i < Declarations; i++)
        {
            yield return $$"""
                using System;
                using System.Collections.Generic;
                namespace Bench;
                public class Model{{i}}
                {
                    public int Id { get; set; }
                    public long Count { get; set; }
                    public double Ratio { get; set; }
                    public decimal Price { get; set; }
                    public string Name { get; set; } = "";
                    public string? Description { get; set; }
                    public DateTime Created { get; set; }
                    public DateTimeOffset Updated { get; set; }
                    public bool Enabled { get; set; }
                    public List<string> Tags { get; set; } = new();
                }
                """;
            context.Append($"[JsonSerializable(typeof(Model{i}))]\n");
        }
        context.Append("public partial class BenchContext : JsonSerializerContext { }\n");
        yield return context.ToString();
    }

    /// <summary>The System.Text.Json generator the SDK's reference pack ships for this runtime.</summary>
    private static ISourceGenerator LoadJsonGenerator()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var version = Path.GetFileName(runtime.TrimEnd(Path.DirectorySeparatorChar));
        var pack = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var folder = Directory.Exists(Path.Combine(pack, version)) ? Path.Combine(pack, version)
            : Directory.GetDirectories(pack).OrderBy(d => d, StringComparer.Ordinal).Last();
        var path = Path.Combine(folder, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var reference = new AnalyzerFileReference(path, new AnalyzerLoader());
        return reference.GetGenerators(LanguageNames.CSharp).Single();
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
