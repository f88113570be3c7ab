extern alias generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>Runs <see cref="PoolAnalyzer"/> over markup source against the net10.0 reference assemblies and the runtime.</summary>
internal static class AnalyzerTest
{
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"), Path.Combine("ref", "net10.0"));

    public static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => Create(markup, expected).RunAsync();

    public static CSharpAnalyzerTest<PoolAnalyzer, DefaultVerifier> Create(string markup, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<PoolAnalyzer, DefaultVerifier>
        {
            TestCode = markup,
            ReferenceAssemblies = Net10,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(BatchPoolAttribute).Assembly.Location));
        // Every project has the samples' Julia environments, as the package's build props add julia/*.toml.
        foreach (var (path, text) in RuleSamples.Files) test.TestState.AdditionalFiles.Add((path, text));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.projectdir = {JuliaManifests.ProjectDir}/\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, id.StartsWith("CHPC0", StringComparison.Ordinal) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
}
