extern alias generator;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>Compiles pool classes with the pool generator, as a project that references ClusterlessHpc builds them.</summary>
internal static class PoolCompiler
{
    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <summary>Compiles and emits to <paramref name="path"/>; fails the test with the compiler's errors when it does not build.</summary>
    public static void EmitTo(string path, params string[] sources)
    {
        var compilation = Generate(Path.GetFileNameWithoutExtension(path), sources);
        using var file = File.Create(path);
        var result = compilation.Emit(file);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    /// <summary>Compiles and loads the assembly; its pool registry lists the generated definitions.</summary>
    public static Assembly Load(params string[] sources)
    {
        var compilation = Generate("ImportedPools" + Guid.NewGuid().ToString("N"), sources);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    private static Compilation Generate(string assemblyName, string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"Pool{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return output;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BatchPoolAttribute).Assembly.Location))
            .ToImmutableArray();
    }
}
