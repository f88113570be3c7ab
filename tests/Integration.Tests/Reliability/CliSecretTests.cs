extern alias generator;
using System.Collections.Immutable;
using ClusterlessHpc.Provisioning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// chpc, run as a user runs it (its own process, the account key on the command line, the pools' secrets and the storage
/// connection string in environment variables), through plan, apply, status, nodes, logs, a drift, a missing setting, a
/// wrong key and delete, with <c>--json</c> and without: no canary on standard output or standard error.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliSecretTests : IClassFixture<SecretWorld>
{
    private static readonly string Chpc = Path.Combine(RepositoryRoot.Path, "runtime", "ClusterlessHpc.Cli", "bin", BuildConfiguration.Name, "net10.0", "ClusterlessHpc.Cli.dll");

    private readonly SecretWorld _world;

    public CliSecretTests(SecretWorld world) => _world = world;

    [Fact]
    public async Task Every_command_with_and_without_json_shows_no_secret()
    {
        var folder = Directory.CreateTempSubdirectory("chpc-cli-secrets-").FullName;
        try
        {
            var assembly = Path.Combine(folder, "CanaryPools.dll");
            Compile(assembly, "cli-secret", "cli-drift", "cli-missing");
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = folder,
                ["Secrets__RegistryPassword"] = SecretCanaries.RegistryPassword,
                ["Secrets__FilesKey"] = SecretCanaries.StorageAccountKey,
                ["Secrets__DataSas"] = SecretCanaries.Sas,
                ["ClusterlessHpc__Delivery"] = "Blob",
                ["ClusterlessHpc__Storage__ConnectionString"] = _world.StorageConnectionString,
                ["ClusterlessHpc__Storage__Container"] = "cli" + Guid.NewGuid().ToString("N"),
                ["ClusterlessHpc__Batch__Endpoint"] = "",
                ["ClusterlessHpc__Batch__AccountName"] = "",
                ["ClusterlessHpc__Batch__AccountKey"] = "",
            };
            string[] Account(string key) => ["--endpoint", _world.Emulator.Endpoint.ToString(), "--account", "canarybatch", "--key", key];
            // A pool with the drift pool's id but another size, made before chpc sees it.
            await _world.Client().CreatePoolAsync(PoolRequestBuilder.Build(SecretWorld.SecretPool("cli-drift") with { VmSize = "Standard_E4s_v3" },
                key => SecretWorld.Settings.GetValueOrDefault(key)), TestContext.Current.CancellationToken);

            var runs = new List<(string Command, (int ExitCode, string Stdout, string Stderr) Result)>();
            void Run(string[] arguments, IDictionary<string, string>? variables = null)
            {
                var result = ProcessRunner.Run("dotnet", [Chpc, .. arguments], environment: variables ?? environment, timeout: TimeSpan.FromMinutes(2), workingDirectory: folder);
                runs.Add((string.Join(' ', arguments.Select(a => a == SecretCanaries.BatchAccountKey || a == SecretCanaries.WrongAccountKey ? "KEY" : a)), result));
            }
            string[] Pool(string id) => ["--assembly", assembly, "--pool", id];

            foreach (var json in new[] { true, false })
            {
                string[] Json(params string[] arguments) => json ? [.. arguments, "--json"] : arguments;
                Run(Json(["plan", .. Pool("cli-secret"), .. Account(SecretCanaries.BatchAccountKey)]));
                Run(Json(["apply", .. Pool("cli-secret"), .. Account(SecretCanaries.BatchAccountKey)]));
                Run(Json(["status", "cli-secret", .. Account(SecretCanaries.BatchAccountKey)]));
                Run(Json(["nodes", "cli-secret", .. Account(SecretCanaries.BatchAccountKey)]));
                Run(Json(["plan", .. Pool("cli-drift"), .. Account(SecretCanaries.BatchAccountKey)]));
                Run(Json(["apply", .. Pool("cli-drift"), .. Account(SecretCanaries.BatchAccountKey)]));
                Run(Json(["status", .. Account(SecretCanaries.WrongAccountKey)]));
            }
            var withoutSas = new Dictionary<string, string>(environment) { ["Secrets__DataSas"] = "" };
            Run(["apply", .. Pool("cli-missing"), .. Account(SecretCanaries.BatchAccountKey), "--json"], withoutSas);
            var node = await FirstNodeAsync("cli-secret");
            Run(["logs", "cli-secret", node, .. Account(SecretCanaries.BatchAccountKey), "--json"]);
            Run(["delete", "cli-secret", .. Account(SecretCanaries.BatchAccountKey), "--json"]);
            foreach (var signature in await _world.SignaturesAsync("cli-drift")) _world.Canaries.Add(signature);
            var texts = runs.SelectMany(r => new[] { ($"{r.Command} stdout", (string?)r.Result.Stdout), ($"{r.Command} stderr", r.Result.Stderr) }).ToList();

            Assert.Equal(0, runs.Single(r => r.Command.StartsWith("apply --assembly " + assembly + " --pool cli-secret", StringComparison.Ordinal) && r.Command.EndsWith("--json", StringComparison.Ordinal)).Result.ExitCode);
            Assert.Contains(runs, r => r.Command.StartsWith("apply --assembly " + assembly + " --pool cli-drift", StringComparison.Ordinal) && r.Result.ExitCode == 2 && r.Result.Stdout.Contains("vmSize", StringComparison.Ordinal));
            Assert.Contains(runs, r => r.Command.StartsWith("status --endpoint", StringComparison.Ordinal) && r.Result.Stderr.Contains("AuthenticationFailed", StringComparison.Ordinal));
            Assert.Contains(runs, r => r.Command.StartsWith("apply --assembly " + assembly + " --pool cli-missing", StringComparison.Ordinal) && (r.Result.Stdout + r.Result.Stderr).Contains("Secrets:DataSas", StringComparison.Ordinal));
            Assert.Empty(_world.Canaries.Leaks(texts));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> FirstNodeAsync(string poolId)
    {
        await foreach (var node in _world.Client().GetNodesAsync(poolId, TestContext.Current.CancellationToken)) return node.Id!;
        throw new InvalidOperationException("no nodes");
    }

    /// <summary>Builds an assembly declaring the secret pool under each id, as a user's project would.</summary>
    private static void Compile(string path, params string[] ids)
    {
        var source = "using ClusterlessHpc;\nnamespace CanaryPools;\n" + string.Concat(ids.Select((id, i) => $$"""
            [BatchPool("{{id}}", NodeCount = 1)]
            [Container("canary.azurecr.io/redwood:1.0")]
            [ContainerRegistry("canary.azurecr.io", UserName = "puller", PasswordSetting = "Secrets:RegistryPassword")]
            [AzureFilesMount("canaryfiles", "share", "files", AccountKeySetting = "Secrets:FilesKey")]
            [BlobfuseMount("canaryblobs", "data", "data", SasKeySetting = "Secrets:DataSas")]
            [EnvironmentVariable("PLAIN_SETTING", "visible")]
            public partial class Pool{{i}};

            """));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BatchPoolAttribute).Assembly.Location))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create("CanaryPools", [CSharpSyntaxTree.ParseText(source, parse)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var emitted = output.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
