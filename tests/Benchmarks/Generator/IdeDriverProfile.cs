extern alias generator;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PoolEmitter = generator::ClusterlessHpc.Generator.PoolEmitter;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// <c>profile-ide-driver [pools] [edits]</c>: the driver's rerun after one keystroke (as <c>ide-edit</c> times it) taken
/// apart, each part on its own copy of the edited compilation, made from the one before the edit as the IDE makes it,
/// the parts in turn within each edit so the machine's load falls on all alike:
/// the pool generator's rerun; a generator that only finds the same syntax (every file's root and every class with
/// attributes, through the same syntax providers) and does nothing with it, which is what the driver's syntax walk and
/// tables cost any generator; binding the edited class's attributes in the new compilation, which any generator that
/// reads attributes pays; the pool's own work once bound (reading and validating it, writing its file); and adding the
/// generated files to the compilation the analyzers see, which the IDE's workspace does.
/// </summary>
internal static class IdeDriverProfile
{
    public static int Run(string[] args, TextWriter output)
    {
        var pools = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var input = (Compilation)CSharpCompilation.Create("Pools",
            Enumerable.Range(0, pools).Select(i => CSharpSyntaxTree.ParseText(BenchmarkPools.Source(i), parse, path: $"Pool{i}.cs")),
            RuntimeReferences.WithPools,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Implementation);
        GeneratorDriver pool = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse, driverOptions: options).RunGenerators(input);
        GeneratorDriver syntaxOnly = CSharpGeneratorDriver.Create([new SyntaxOnlyGenerator().AsSourceGenerator()], parseOptions: parse, driverOptions: options).RunGenerators(input);
        var generated = pool.GetRunResult().GeneratedTrees;

        var names = new[]
        {
            "pool generator's rerun",
            "  a generator finding the same syntax, doing nothing",
            "  binding the edited class's attributes, alone",
            "  the pool's own work once bound: read, validate",
            "  the pool's own work: write its file",
            "adding the generated files to the compilation",
        };
        var wall = names.Select(_ => new List<double>()).ToArray();
        var cpu = names.Select(_ => new List<double>()).ToArray();
        var allocated = names.Select(_ => new List<double>()).ToArray();
        var warmup = Math.Max(20, edits / 10);
        for (var e = 0; e < warmup + edits; e++)
        {
            var document = e * 7 % pools;
            var tree = input.SyntaxTrees.ElementAt(document);
            var text = tree.ToString();
            var position = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;
            var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 1), text[position] == '9' ? "8" : "9")));
            var before = input;
            input = before.ReplaceSyntaxTree(tree, edited);
            INamedTypeSymbol? bound = null;
            generator::ClusterlessHpc.Generator.Model.PoolModel? model = null;
            var parts = new Action[]
            {
                () => pool = pool.RunGenerators(input),
                () => syntaxOnly = syntaxOnly.RunGenerators(before.ReplaceSyntaxTree(tree, edited)),
                () =>
                {
                    var copy = before.ReplaceSyntaxTree(tree, edited);
                    var declaration = edited.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
                    bound = (INamedTypeSymbol)copy.GetSemanticModel(edited).GetDeclaredSymbol(declaration)!;
                    _ = bound.GetAttributes();
                },
                () => model = PoolGenerator.CreateModel(bound!, CancellationToken.None).Model,
                () => _ = PoolEmitter.EmitPoolClass(model!),
                () => _ = input.AddSyntaxTrees(generated),
            };
            // The binding, the reading and the writing go in that order, at the start or the end; the rest take turns going first.
            var shift = e % 3;
            var order = new[] { 0, 1, 5 }.Skip(shift).Concat(new[] { 0, 1, 5 }.Take(shift)).ToList();
            order.InsertRange(e % 2 == 0 ? 0 : order.Count, [2, 3, 4]);
            foreach (var p in order)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu0 = ProcessCpu.Now();
                var clock = Stopwatch.StartNew();
                parts[p]();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var cpuElapsed = (ProcessCpu.Now() - cpu0).TotalMilliseconds;
                var kilobytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0;
                if (e < warmup) continue;
                wall[p].Add(elapsed);
                cpu[p].Add(cpuElapsed);
                allocated[p].Add(kilobytes);
            }
        }

        if (args.Contains("steps")) WriteSteps(input, parse, output);
        output.WriteLine($"{pools} pools, {edits} edits after {warmup} warm-up edits; one character of one formula each; each part on its own copy of the edited compilation");
        foreach (var (label, values) in new[] { ("wall time:", wall), ("process CPU time (all threads):", cpu) })
        {
            output.WriteLine(label);
            for (var p = 0; p < names.Length; p++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {names[p],-56} median {Stats.Median(values[p]),6:F2} ms  error {Stats.Error(values[p]),5:F2} ms  min {values[p].Min(),6:F2} ms  allocated {Stats.Median(allocated[p]),6:F0} KB"));
            }
        }
        return 0;
    }

    // With "steps": one more keystroke through a driver that tracks its steps, each named step's time and outputs by reason
    // (tracking costs time of its own, so these are for telling the steps apart, not for the totals above).
    private static void WriteSteps(Compilation input, CSharpParseOptions parse, TextWriter output)
    {
        var tracked = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Implementation, trackIncrementalGeneratorSteps: true)).RunGenerators(input);
        for (var round = 0; round < 30; round++)
        {
            var tree = input.SyntaxTrees.ElementAt(round * 7 % input.SyntaxTrees.Count());
            var text = tree.ToString();
            var position = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;
            input = input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 1), text[position] == '9' ? "8" : "9"))));
            tracked = tracked.RunGenerators(input);
        }
        var result = tracked.GetRunResult().Results.Single();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"last tracked run: {tracked.GetTimingInfo().ElapsedTime.TotalMilliseconds:F2} ms in all"));
        foreach (var (name, steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
        {
            var reasons = steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} {g.Count()}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-24} {steps.Length,4} steps {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),7:F3} ms  outputs: {string.Join(", ", reasons)}"));
        }
    }

    /// <summary>The pool generator's syntax providers and nothing after them: what finding the syntax costs any generator.</summary>
    private sealed class SyntaxOnlyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var roots = context.SyntaxProvider.CreateSyntaxProvider(static (node, _) => node is CompilationUnitSyntax, static (ctx, _) => ctx.Node).Collect();
            var classes = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { AttributeLists.Count: > 0 } or RecordDeclarationSyntax { AttributeLists.Count: > 0 },
                static (ctx, _) => ctx.Node);
            context.RegisterSourceOutput(classes.Combine(roots), static (_, _) => { });
        }
    }
}
