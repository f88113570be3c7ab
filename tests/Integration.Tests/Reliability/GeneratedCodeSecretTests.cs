extern alias generator;
using System.Collections.Immutable;
using ClusterlessHpc.Provisioning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// A pool whose credentials are settings (<c>PasswordSetting</c>, <c>AccountKeySetting</c>, <c>SasKeySetting</c>): the generated
/// code names the settings and nothing else; the values, read when the pool is created, reach only the request's credential fields.
/// </summary>
public sealed class GeneratedCodeSecretTests
{
    private const string Source = """
        using ClusterlessHpc;

        namespace Canary;

        [BatchPool("generated-secrets", NodeCount = 1)]
        [Container("canary.azurecr.io/redwood:1.0")]
        [ContainerRegistry("canary.azurecr.io", UserName = "puller", PasswordSetting = "Secrets:RegistryPassword")]
        [AzureFilesMount("canaryfiles", "share", "files", AccountKeySetting = "Secrets:FilesKey")]
        [BlobfuseMount("canaryblobs", "data", "data", SasKeySetting = "Secrets:DataSas")]
        [EnvironmentVariable("PLAIN_SETTING", "visible")]
        public partial class SecretivePool;
        """;

    [Fact]
    public async Task Generated_code_names_the_settings_and_never_holds_their_values()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Canary", [CSharpSyntaxTree.ParseText(Source, parse)], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = await output.WithAnalyzers([new PoolAnalyzer()]).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        var generated = output.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToList();
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(stream.ToArray());
        var pool = assembly.GetType("Canary.SecretivePool")!;
        var definition = (PoolDefinition)pool.GetProperty("Definition")!.GetValue(null)!;
        var script = (string)pool.GetField("StartupScript")!.GetValue(null)!;
        var request = PoolRequestBuilder.Build(definition, key => SecretWorld.Settings.GetValueOrDefault(key));

        Assert.Empty(generatorDiagnostics);
        Assert.DoesNotContain(analyzerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(generated, g => g.Contains("Secrets:RegistryPassword", StringComparison.Ordinal) && g.Contains("Secrets:DataSas", StringComparison.Ordinal));
        Assert.Equal(SecretCanaries.RegistryPassword, request.VirtualMachineConfiguration!.ContainerConfiguration!.ContainerRegistries![0].Password);
        var texts = generated.Select(g => ("generated source", (string?)g)).ToList();
        texts.Add(("StartupScript", script));
        texts.Add(("Definition", definition.ToString()));
        texts.Add(("start task", string.Join(" ", request.StartTask!.EnvironmentSettings!.Select(e => e.Name + "=" + e.Value)) + " " + request.StartTask.CommandLine));
        Assert.Empty(new SecretCanaries().Leaks(texts));
    }

    private static ImmutableArray<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BatchPoolAttribute).Assembly.Location))
            .ToImmutableArray();
}
