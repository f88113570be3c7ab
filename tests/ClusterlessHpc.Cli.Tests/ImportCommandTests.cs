using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Cli.Tests;

public class ImportCommandTests
{
    private const string Parameters = """
        {
          "_POOL_ID": "HastePool",
          "_POOL_COUNT": "3",
          "_POOL_NODE_COUNT": "4",
          "_POOL_VM_SIZE": "Standard_E4s_v3",
          "_INTER_NODE_CONNECTION": "1",
          "_CONTAINER": "myregistry.azurecr.io/haste:1.2",
          "_BLOB_CONTAINER": "haste"
        }
        """;

    private const string Credentials = """
        [
          { "_BATCH_ACCOUNT_URL": "https://hastebatch.westeurope.batch.azure.com", "_AD_TENANT": "t", "_AD_BATCH_CLIENT_ID": "c", "_AD_SECRET_BATCH": "client-secret-one" },
          { "_BATCH_ACCOUNT_URL": "https://hastebatch2.eastus.batch.azure.com", "_AD_TENANT": "t", "_AD_BATCH_CLIENT_ID": "c", "_AD_SECRET_BATCH": "client-secret-two" }
        ]
        """;

    [Fact]
    public async Task The_generated_classes_compile_with_the_generator_into_the_imported_definitions()
    {
        using var files = new TempFiles();
        var parameters = files.Write("parameters.json", Parameters);
        var credentials = files.Write("credentials.json", Credentials);
        var output = files.PathOf("Pools");

        var result = await new CliEnvironment().RunAsync("import", parameters, "--credentials", credentials, "--namespace", "Haste.Pools", "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["HastePool1.cs", "HastePool2.cs", "HastePool3.cs"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Contains($"wrote {Path.Combine(output, "HastePool1.cs")} (pool 'HastePool_1')\n", result.Stdout);
        Assert.Contains("  ClusterlessHpc:Batch:Accounts:hastebatch2:Endpoint = https://hastebatch2.eastus.batch.azure.com\n", result.Stdout);
        // The retired default image was replaced, and the import says so.
        Assert.Contains("parameters.json: warning: ", result.Stderr);
        Assert.DoesNotContain("client-secret", result.Stdout + result.Stderr + string.Concat(Directory.GetFiles(output).Select(File.ReadAllText)));

        var assembly = PoolCompiler.Load(Directory.GetFiles(output).Select(File.ReadAllText).ToArray());
        var generated = PoolRegistry.FromAssembly(assembly).OrderBy(p => p.Id).ToList();
        var expected = LegacyImport.Load(parameters, credentials).Definitions;
        Assert.Equal(expected, generated);
        Assert.Equal(["hastebatch", "hastebatch2", "hastebatch"], generated.Select(p => p.Account));
        Assert.All(generated, p => Assert.True(p.InterNodeCommunication));
    }

    [Fact]
    public void Every_attribute_and_awkward_strings_round_trip_through_the_generator()
    {
        var definition = new PoolDefinition
        {
            Id = "odd-pool_1",
            VmSize = "Standard_D4s_v5",
            NodeCount = 2,
            LowPriorityNodeCount = 3,
            TaskSlotsPerNode = 4,
            ResizeTimeoutMinutes = 20,
            Account = "other",
            Image = new MarketplaceImageDefinition("canonical", "ubuntu-24_04-lts", "server") { Version = "24.04.202501010", NodeAgentSku = "batch.node.ubuntu 24.04" },
            Julia = new JuliaDefinition("1.10.5") { Mirror = "https://mirror.example.org/julia", PkgServer = "https://pkg.example.org", Sha256 = new string('a', 64) },
            JuliaPackages =
            [
                new JuliaPackageDefinition("IterativeSolvers") { Version = "0.9.2" },
                new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Rev = "v0.8.0" },
                new JuliaPackageDefinition("SegyIO") { Url = "https://github.com/slimgroup/SegyIO.jl", Develop = true },
            ],
            StartupSteps =
            [
                new StartupStepDefinition("echo \"quoted\" 'single' \\backslash\\ $HOME\n\tprintf '%s\\n' \"tab\" # ünïcödé ✓ 😀 \u2028"),
                new StartupStepDefinition("touch \"$AZ_BATCH_NODE_SHARED_DIR/done\"") { AfterPackages = true },
            ],
            EnvironmentVariables = [new NameValueDefinition("GREETING", "say \"hi\"\r\nand {braces} \\ end")],
            Metadata = [new NameValueDefinition("team", "hpc \"α\"")],
            StartTaskRetryCount = 2,
            WaitForStartTask = false,
            Network = new NetworkDefinition
            {
                SubnetId = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/batch",
                PublicIPAddresses = PublicIPAddressProvisioning.NoPublicIPAddresses,
            },
            Mounts =
            [
                new NfsMountDefinition("10.0.0.4:/exports/data", "data") { MountOptions = "-o vers=4,minorversion=1" },
                new AzureFilesMountDefinition("hpcfiles", "share", "files") { AccountKeySetting = "Storage:FilesKey" },
                new BlobfuseMountDefinition("hpcblobs", "inputs", "inputs") { SasKeySetting = "Storage:InputsSas", MountOptions = "-o ro" },
            ],
        };
        var autoscaled = definition with
        {
            Id = "autoscaled",
            NodeCount = null,
            LowPriorityNodeCount = null,
            ResizeTimeoutMinutes = null,
            Image = new CustomImageDefinition("/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/g/images/julia/versions/1.0.0")
            {
                NodeAgentSku = "batch.node.ubuntu 22.04", JuliaDepotPath = "/opt/julia/depot",
            },
            Julia = new JuliaDefinition("1.10.5"),
            JuliaPackages = [],
            AutoScale = new AutoScaleDefinition("// \"comment\"\n$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));\r\n$NodeDeallocationOption = taskcompletion;")
            {
                EvaluationIntervalMinutes = 5,
            },
            ContainerImages = ["myregistry.azurecr.io/app:1", "docker.io/library/ubuntu:24.04"],
            ContainerRegistries = [new ContainerRegistryDefinition("myregistry.azurecr.io") { UserName = "puller", PasswordSetting = "Registry:Password" }],
            Network = null,
            Mounts = [],
        };
        Assert.DoesNotContain(Rules.PoolValidator.Validate(definition), d => d.IsError);
        Assert.DoesNotContain(Rules.PoolValidator.Validate(autoscaled), d => d.IsError);

        var sources = new[] { definition, autoscaled }.Select(d => PoolClassWriter.Write(d, "Round.Trip", PoolClassWriter.ClassName(d.Id), "test.json")).ToArray();
        var generated = PoolRegistry.FromAssembly(PoolCompiler.Load(sources)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

        Assert.Equal([autoscaled, definition], generated);
        Assert.Contains("[StartTask(MaxRetryCount = 2, WaitForSuccess = false)]", sources[0]);
        Assert.Contains("public partial class OddPool1;", sources[0]);
    }

    [Theory]
    [InlineData("BatchPool_1", "BatchPool1")]
    [InlineData("my-pool", "MyPool")]
    [InlineData("7up", "Pool7up")]
    [InlineData("redwood", "Redwood")]
    public void Class_names_come_from_pool_ids(string id, string name) => Assert.Equal(name, PoolClassWriter.ClassName(id));

    [Fact]
    public async Task Invalid_pools_are_written_with_their_diagnostics_and_exit_1()
    {
        using var files = new TempFiles();
        var parameters = files.Write("parameters.json", """{ "_POOL_ID": "bad", "_POOL_VM_SIZE": "E8s_v3" }""");
        var result = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", parameters);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("parameters.json: error CHPC0005: ", result.Stderr);
        Assert.True(File.Exists(files.PathOf("Bad1.cs")));

        var again = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", parameters);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Bad1.cs exists; --force overwrites it.", again.Stderr);
        Assert.Equal(1, (await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", parameters, "--force")).ExitCode);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "p.json", "--namespace", "1Pools")]
    [InlineData("import", "p.json", "--namespace", "My.class")]
    public async Task Bad_command_lines_exit_3(params string[] args) => Assert.Equal(3, (await new CliEnvironment().RunAsync(args)).ExitCode);

    [Fact]
    public async Task A_parameters_file_with_an_error_exits_1_naming_the_key()
    {
        using var files = new TempFiles();
        var parameters = files.Write("parameters.json", """{ "_POOL_COUNT": "-2" }""");
        var result = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", parameters);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: " + parameters, result.Stderr);
        Assert.Contains("_POOL_COUNT", result.Stderr);
        Assert.Empty(Directory.GetFiles(files.Folder, "*.cs"));
    }

    [Theory]
    [InlineData("P2.cs", "is a folder; the class of pool 'p_2' would be written there")]
    [InlineData("P2.cs.import.tmp", "cannot write to")]
    public async Task Pools_are_imported_all_or_none_and_an_existing_file_is_kept_when_one_cannot_be_written(string blocked, string error)
    {
        using var files = new TempFiles();
        var parameters = files.Write("parameters.json", """{ "_POOL_ID": "p", "_NODE_COUNT_PER_POOL": "1", "_POOL_COUNT": "3" }""");
        var output = Path.Combine(files.Folder, "out");
        Directory.CreateDirectory(Path.Combine(output, blocked));
        File.WriteAllText(Path.Combine(output, "P3.cs"), "// the user's own file");

        var result = await new CliEnvironment { WorkingDirectory = files.Folder }.RunAsync("import", parameters, "--output", output, "--force");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(error, result.Stderr);
        Assert.DoesNotContain("wrote", result.Stdout);
        Assert.False(File.Exists(Path.Combine(output, "P1.cs")));
        Assert.Equal("// the user's own file", File.ReadAllText(Path.Combine(output, "P3.cs")));
        Assert.Empty(Directory.GetFiles(output, "*.import.tmp"));
    }
}
