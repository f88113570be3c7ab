extern alias generator;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// <c>profile-generator [iterations] [stage|sizes]</c>: the generator benchmark taken apart, each stage's median and
/// minimum wall and CPU time in one process (the CPU time suffers less from a busy machine): the System.Text.Json
/// generator, the pool generator alone, the compiler's own diagnostics of the pool compilation, the pool analyzer,
/// an analyzer that does nothing with the same registration (what the analyzer driver costs by itself), and the
/// runtime's validator and renderers over the same 500 definitions.
/// </summary>
internal static class GeneratorProfile
{
    public static int Run(string[] args, TextWriter output)
    {
        var iterations = args.Length > 1 ? int.Parse(args[1]) : 15;
        var b = new GeneratorBenchmarks();
        b.Setup();
        var pools = b.Pools;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var defs = Enumerable.Range(0, 500).Select(i => new PoolDefinition
        {
            Id = $"pool-{i}", VmSize = "Standard_E8s_v3", Julia = new JuliaDefinition("1.10.5"),
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers"), new JuliaPackageDefinition("JSON") { Version = "0.21" },
                new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Develop = true }],
            AutoScale = new AutoScaleDefinition($"startingNumberOfVMs = 1;\nmaxNumberofVMs = {10 + i % 7};\npendingTaskSamplePercent = $PendingTasks.GetSamplePercent(30 * TimeInterval_Second);\npendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(30 * TimeInterval_Second));\n$TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);") { EvaluationIntervalMinutes = 5 },
        }).ToList();
        if (args.Length > 2 && args[2] == "sizes")
        {
            var pr = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse).RunGenerators(pools.Clone()).GetRunResult();
            output.WriteLine($"pool generated: {pr.GeneratedTrees.Length} files, {pr.GeneratedTrees.Sum(t => t.Length)} chars");
            output.WriteLine(pr.GeneratedTrees[0].ToString());
            return 0;
        }
        var only = args.Length > 2 ? args[2] : "";
        // The generator's own steps, by reflection (they are internal to it), over the models of the same 500 pools.
        var generatorAssembly = typeof(PoolGenerator).Assembly;
        var run = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(pools.Clone()).GetRunResult().Results.Single();
        var models = run.TrackedSteps["PoolModels"].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        var emitPoolClass = generatorAssembly.GetType("ClusterlessHpc.Generator.PoolEmitter")!.GetMethod("EmitPoolClass")!;
        var emitDefinition = generatorAssembly.GetType("ClusterlessHpc.Generator.DefinitionEmitter")!.GetMethod("Emit")!;
        var writerType = generatorAssembly.GetType("ClusterlessHpc.Generator.IndentedWriter")!;
        var definitionOf = models[0].GetType().GetProperty("Definition")!;
        // Symbols of one compilation, bound once in the warm-up: the stage times the reader alone.
        var readerType = generatorAssembly.GetType("ClusterlessHpc.Generator.PoolDeclarationReader")!;
        var read = readerType.GetMethod("Read")!;
        var readWithLocations = readerType.GetMethod("ReadWithLocations")!;
        var bound = pools.Clone();
        var symbols = Enumerable.Range(0, GeneratorBenchmarks.Declarations).Select(i => bound.GetTypeByMetadataName($"Bench.Pool{i}")!).ToList();
        var stages = new (string, Func<int>)[]
        {
            ("stj generator", b.SystemTextJsonGenerator),
            ("pool generator", () => CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse).RunGenerators(pools.Clone()).GetRunResult().GeneratedTrees.Length),
            ("bind attributes only (any generator's floor)", () => BindAttributes(pools.Clone())),
            ("compiler GetDiagnostics", () => pools.Clone().GetDiagnostics().Length),
            ("compiler GetDeclarationDiagnostics", () => pools.Clone().GetDeclarationDiagnostics().Length),
            ("pool analyzer", () => pools.Clone().WithAnalyzers([new PoolAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length),
            ("no-op symbol analyzer", () => pools.Clone().WithAnalyzers([new NoOpAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length),
            ("generator + analyzer", b.PoolGeneratorAndAnalyzer),
            ("500x validate", () => { var n = 0; foreach (var d in defs) n += ClusterlessHpc.Rules.PoolValidator.Validate(d).Count(); return n; }),
            ("500x render script", () => { var n = 0; foreach (var d in defs) n += ClusterlessHpc.Scripts.StartupScriptRenderer.Render(d).Length; return n; }),
            ("500x read attributes", () => { foreach (var t in symbols) read.Invoke(null, [t, CancellationToken.None]); return 0; }),
            ("500x read attributes with locations", () => { foreach (var t in symbols) readWithLocations.Invoke(null, [t, CancellationToken.None]); return 0; }),
            ("500x emit pool class", () => models.Sum(m => ((string)emitPoolClass.Invoke(null, [m])!).Length)),
            ("500x emit definition", () => { foreach (var m in models) emitDefinition.Invoke(null, [Activator.CreateInstance(writerType, [1024]), definitionOf.GetValue(m), "x = ", ";"]); return 0; }),
            ("500x render dockerfile", () => { var n = 0; foreach (var d in defs) n += ClusterlessHpc.Scripts.DockerfileRenderer.CanRender(d) ? ClusterlessHpc.Scripts.DockerfileRenderer.Render(d).Length : 0; return n; }),
        };
        foreach (var (name, action) in stages)
        {
            if (only.Length > 0 && !name.Contains(only)) continue;
            for (var i = 0; i < 10; i++) action();
            var times = new List<double>();
            var cpu = new List<double>();
            var allocated = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var c0 = ProcessCpu.Now();
                var a0 = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                action();
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add((ProcessCpu.Now() - c0).TotalMilliseconds);
                allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - a0) / 1e6);
            }
            times.Sort();
            cpu.Sort();
            allocated.Sort();
            output.WriteLine($"{name,-40} median {times[times.Count / 2],8:F1} ms  min {times[0],8:F1} ms   cpu median {cpu[cpu.Count / 2],8:F1} ms min {cpu[0],8:F1}   allocated {allocated[allocated.Count / 2],7:F1} MB");
        }
        return 0;
    }

    /// <summary>What binding every class's attributes costs Roslyn, with nothing read from them: the part of the generator no generator that reads attributes avoids.</summary>
    private static int BindAttributes(Compilation compilation)
    {
        var count = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            {
                count += model.GetDeclaredSymbol(declaration)!.GetAttributes().Length;
            }
        }
        return count;
    }
}
