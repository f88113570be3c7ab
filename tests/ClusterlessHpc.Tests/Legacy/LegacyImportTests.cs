using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Images;
using ClusterlessHpc.Legacy;
using ClusterlessHpc.Rules;
using static ClusterlessHpc.Tests.Legacy.LegacySamples;

namespace ClusterlessHpc.Tests.Legacy;

public class LegacyImportTests
{
    private static readonly MarketplaceImageInfo Current = ImageCatalogue.DefaultLinux;

    [Fact]
    public void The_defaults_make_one_pool_batchpool_1_on_the_current_image_with_a_warning()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("{}"), LegacyCredentials.Parse(Entry()));

        var pool = Assert.Single(result.Pools);
        var definition = pool.Definition;
        Assert.Equal("BatchPool_1", definition.Id);
        Assert.Equal(1, pool.Index);
        Assert.Equal("Standard_E2s_v3", definition.VmSize);
        Assert.Equal(1, definition.NodeCount);
        Assert.False(definition.InterNodeCommunication);
        Assert.Empty(definition.ContainerImages);
        Assert.Null(definition.AutoScale);
        Assert.Null(definition.Julia);
        Assert.Empty(definition.JuliaPackages);
        Assert.Equal("redwoodbatch", definition.Account);
        Assert.Same(result.Credentials!.Accounts[0], pool.Account);

        var image = Assert.IsType<MarketplaceImageDefinition>(definition.Image);
        Assert.Equal((Current.Publisher, Current.Offer, Current.Sku, Current.NodeAgentSkuId), (image.Publisher, image.Offer, image.Sku, image.NodeAgentSku));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(LegacyParameterKeys.NodeOsSku, warning.Key);
        Assert.Equal("parameters.json", warning.SourceName);
        Assert.Contains("Canonical/UbuntuServer/18.04", warning.Message);
        Assert.Contains("default", warning.Message);
        Assert.Contains("retired", warning.Message);
        Assert.Contains($"{Current.Publisher}/{Current.Offer}/{Current.Sku}", warning.Message);

        Assert.Empty(result.Diagnostics);
        Assert.False(result.HasErrors);
    }

    [Theory]
    [InlineData("Canonical", "UbuntuServer", "18.04-LTS", "node agent 'batch.node.ubuntu 18.04' was retired by Batch on")]
    [InlineData("canonical", "0001-com-ubuntu-server-focal", "20_04", "node agent 'batch.node.ubuntu 20.04' was retired by Batch on")]
    [InlineData("Canonical", "0001-com-ubuntu-server-focal", "20_04-lts-gen2", "node agent 'batch.node.ubuntu 20.04' was retired by Batch on 2025-04-23, and with it the image canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2")]
    [InlineData("Canonical", "UbuntuServer", "16.04-LTS", "node agent 'batch.node.ubuntu 16.04' was retired by Batch on 2021-05-21")]
    [InlineData("Canonical", "0001-com-ubuntu-server-bionic", "18_04-lts-gen2", "it is Ubuntu 18.04, whose node agent Batch has retired")]
    public void A_retired_ubuntu_asked_for_by_the_file_becomes_the_current_image(string publisher, string offer, string sku, string why)
    {
        var parameters = LegacyParameters.Parse($$"""
            { "_NODE_OS_PUBLISHER": "{{publisher}}", "_NODE_OS_OFFER": "{{offer}}", "_NODE_OS_SKU": "{{sku}}" }
            """);

        var result = LegacyImport.CreatePools(parameters);

        var image = Assert.IsType<MarketplaceImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal((Current.Offer, Current.NodeAgentSkuId), (image.Offer, image.NodeAgentSku));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains($"ask for {publisher}/{offer}/{sku}", warning.Message);
        Assert.Contains(why, warning.Message);
        Assert.Contains(Current.NodeAgentSkuId, warning.Message);
        Assert.Empty(result.Diagnostics);
    }

    // The package's container examples: its Ubuntu 20.04 container image, with _CONTAINER.
    [Fact]
    public void A_retired_container_image_becomes_the_current_container_capable_image_with_a_warning_naming_both()
    {
        var parameters = LegacyParameters.Parse("""
            {
              "_NODE_OS_PUBLISHER": "microsoft-azure-batch", "_NODE_OS_OFFER": "ubuntu-server-container", "_NODE_OS_SKU": "20-04-lts",
              "_CONTAINER": "philippwitte/azureclusterlesshpc:v1.0"
            }
            """);

        var result = LegacyImport.CreatePools(parameters);

        var image = Assert.IsType<MarketplaceImageDefinition>(result.Pools[0].Definition.Image);
        var container = ImageCatalogue.DefaultContainerLinux;
        Assert.Equal((container.Publisher, container.Offer, container.Sku, container.NodeAgentSkuId), (image.Publisher, image.Offer, image.Sku, image.NodeAgentSku));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(LegacyParameterKeys.NodeOsSku, warning.Key);
        Assert.Contains("ask for microsoft-azure-batch/ubuntu-server-container/20-04-lts", warning.Message);
        Assert.Contains("retired by Batch on 2025-04-23", warning.Message);
        Assert.Contains("container-capable", warning.Message);
        Assert.Contains("microsoft-dsvm/ubuntu-hpc/2404 with node agent 'batch.node.ubuntu 24.04'", warning.Message);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("microsoft-dsvm", "ubuntu-hpc", "2004", "microsoft-dsvm", "ubuntu-hpc", "2404")]
    [InlineData("OpenLogic", "CentOS", "7", "almalinux", "almalinux-x86_64", "9-gen2")]
    [InlineData("microsoft-azure-batch", "ubuntu-server-container", "16", "microsoft-dsvm", "ubuntu-hpc", "2404")]
    public void Retired_images_of_any_publisher_become_their_current_equivalent(string publisher, string offer, string sku, string newPublisher, string newOffer, string newSku)
    {
        var parameters = LegacyParameters.Parse($$"""
            { "_NODE_OS_PUBLISHER": "{{publisher}}", "_NODE_OS_OFFER": "{{offer}}", "_NODE_OS_SKU": "{{sku}}" }
            """);

        var result = LegacyImport.CreatePools(parameters);

        var image = Assert.IsType<MarketplaceImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal((newPublisher, newOffer, newSku), (image.Publisher, image.Offer, image.Sku));
        Assert.Contains($"{newPublisher}/{newOffer}/{newSku}", Assert.Single(result.Warnings).Message);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_retired_default_on_an_arm_size_becomes_the_current_arm_image()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_VM_SIZE": "Standard_D4ps_v5" }"""));

        var image = Assert.IsType<MarketplaceImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal(ImageCatalogue.DefaultLinuxArm64.Sku, image.Sku);
        Assert.Contains(ImageCatalogue.DefaultLinuxArm64.Sku, Assert.Single(result.Warnings).Message);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_current_marketplace_choice_is_kept_with_its_agent_left_to_the_catalogue()
    {
        var parameters = LegacyParameters.Parse("""
            { "_NODE_OS_PUBLISHER": "microsoft-dsvm", "_NODE_OS_OFFER": "ubuntu-hpc", "_NODE_OS_SKU": "2204" }
            """);

        var result = LegacyImport.CreatePools(parameters);

        var definition = result.Pools[0].Definition;
        Assert.Equal(new MarketplaceImageDefinition("microsoft-dsvm", "ubuntu-hpc", "2204"), definition.Image);
        Assert.Equal("batch.node.ubuntu 22.04", ImageRules.EffectiveNodeAgent(definition));
        Assert.Empty(result.Warnings);
        // Still supported, so kept; its agent's announced retirement is the one thing the validator says.
        Assert.Equal("CHPC0044", Assert.Single(result.Diagnostics).Rule.Id);
    }

    [Fact]
    public void A_sku_prefix_picks_the_image_the_package_would_have_picked()
    {
        var parameters = LegacyParameters.Parse("""
            { "_NODE_OS_PUBLISHER": "Canonical", "_NODE_OS_OFFER": "0001-com-ubuntu-server-jammy", "_NODE_OS_SKU": "22_04" }
            """);

        var result = LegacyImport.CreatePools(parameters);

        var image = Assert.IsType<MarketplaceImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal(("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts"), (image.Publisher, image.Offer, image.Sku));
        Assert.Null(image.NodeAgentSku);
        Assert.Empty(result.Warnings);
        Assert.Equal("CHPC0044", Assert.Single(result.Diagnostics).Rule.Id);
    }

    [Fact]
    public void An_image_the_catalogue_does_not_know_is_kept_and_the_validator_says_what_it_lacks()
    {
        var parameters = LegacyParameters.Parse("""
            { "_NODE_OS_PUBLISHER": "contoso", "_NODE_OS_OFFER": "hpc-linux", "_NODE_OS_SKU": "7" }
            """);

        var result = LegacyImport.CreatePools(parameters);

        Assert.Equal(new MarketplaceImageDefinition("contoso", "hpc-linux", "7"), result.Pools[0].Definition.Image);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticCatalogue.NodeAgentSkuRequired, diagnostic.Rule);
        Assert.Equal((LegacyParameterKeys.NodeOsSku, "parameters.json"), (diagnostic.Key, diagnostic.SourceName));
    }

    [Fact]
    public void Every_pool_setting_of_the_file_reaches_every_pool()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse(FullParameters), LegacyCredentials.Parse(Entry()));

        Assert.Equal(["redwood_1", "redwood_2", "redwood_3"], result.Pools.Select(p => p.Definition.Id));
        Assert.Equal([1, 2, 3], result.Pools.Select(p => p.Index));
        Assert.All(result.Definitions, definition =>
        {
            Assert.Equal("Standard_E8s_v3", definition.VmSize);
            Assert.Equal(4, definition.NodeCount);
            Assert.True(definition.InterNodeCommunication);
            Assert.Equal(["username/redwood:v1.0"], definition.ContainerImages);
        });
        // The retired default gives way to the catalogue's container-capable image, as the pool has a container.
        var image = Assert.IsType<MarketplaceImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal(ImageCatalogue.DefaultContainerLinux.Offer, image.Offer);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("redwood-job", result.Job.JobId);
        Assert.Equal(2, result.Job.NodesPerTask);
        Assert.Contains(result.Warnings, w => w.Key == LegacyParameterKeys.JuliaDepotPath && w.Message.Contains("custom image"));
    }

    [Theory]
    [InlineData(1, new[] { 1, 1, 1, 1, 1 })]
    [InlineData(2, new[] { 1, 2, 1, 2, 1 })]
    [InlineData(3, new[] { 1, 2, 3, 1, 2 })]
    public void Five_pools_go_round_robin_over_the_accounts(int accounts, int[] expected)
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_COUNT": "5" }"""), LegacyCredentials.Parse(Credentials(accounts)));

        Assert.Equal(["BatchPool_1", "BatchPool_2", "BatchPool_3", "BatchPool_4", "BatchPool_5"], result.Pools.Select(p => p.Definition.Id));
        Assert.Equal(expected.Select(i => $"account{i}"), result.Pools.Select(p => p.Definition.Account));
        Assert.Equal(expected, result.Pools.Select(p => p.Account!.Entry));
    }

    [Fact]
    public void Without_credentials_the_pools_use_the_default_account()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_COUNT": "2" }"""));

        Assert.All(result.Pools, p => Assert.Null(p.Definition.Account));
        Assert.All(result.Pools, p => Assert.Null(p.Account));
        Assert.Null(result.Credentials);
    }

    [Fact]
    public void A_custom_image_takes_the_depot_path_and_the_agent_of_the_current_image()
    {
        const string imageId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/julia/versions/1.0.0";
        var parameters = LegacyParameters.Parse("""{ "_JULIA_DEPOT_PATH": "/opt/julia/depot" }""");

        var result = LegacyImport.CreatePools(parameters, options: new LegacyPoolOptions { ImageResourceId = imageId });

        var image = Assert.IsType<CustomImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal(imageId, image.ImageId);
        Assert.Equal("/opt/julia/depot", image.JuliaDepotPath);
        Assert.Equal(Current.NodeAgentSkuId, image.NodeAgentSku);
        Assert.True(result.Pools[0].Definition.HasCustomImage);
        Assert.Equal(
            [LegacyParameterKeys.NodeOsSku, LegacyParameterKeys.NodeOsSku],
            result.Warnings.Select(w => w.Key));
        Assert.Contains(LegacyPoolOptions.NodeAgentSkuKey, result.Warnings[1].Message);
    }

    [Fact]
    public void A_custom_image_with_a_node_agent_and_no_depot_path_warns_about_the_depot_only()
    {
        var options = new LegacyPoolOptions { ImageResourceId = "/SharedGalleries/g/images/i", NodeAgentSku = "batch.node.el 9" };

        var result = LegacyImport.CreatePools(LegacyParameters.Parse("{}"), options: options);

        var image = Assert.IsType<CustomImageDefinition>(result.Pools[0].Definition.Image);
        Assert.Equal("batch.node.el 9", image.NodeAgentSku);
        Assert.Equal("/mnt/batch/tasks/startup/wd/.julia", image.JuliaDepotPath);
        Assert.Equal([LegacyParameterKeys.NodeOsSku, LegacyParameterKeys.JuliaDepotPath], result.Warnings.Select(w => w.Key));
    }

    [Fact]
    public void An_empty_image_id_is_an_error_naming_the_argument()
    {
        Throws(() => LegacyImport.CreatePools(LegacyParameters.Defaults, options: new LegacyPoolOptions { ImageResourceId = " " }),
            LegacyPoolOptions.ImageResourceIdKey, LegacyPoolOptions.SourceName);
    }

    [Fact]
    public void Autoscale_arguments_become_the_autoscale_definition_and_drop_the_node_count()
    {
        const string formula = "$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));";
        var options = new LegacyPoolOptions { EnableAutoScale = true, AutoScaleFormula = formula, AutoScaleEvaluationIntervalMinutes = 5 };

        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_NODE_COUNT": "3" }"""), options: options);

        var definition = result.Pools[0].Definition;
        Assert.Equal(new AutoScaleDefinition(formula) { EvaluationIntervalMinutes = 5 }, definition.AutoScale);
        Assert.Null(definition.NodeCount);
        Assert.Contains(result.Warnings, w => w.Key == LegacyParameterKeys.PoolNodeCount && w.Message.Contains("autoscale"));
    }

    [Fact]
    public void Autoscale_without_an_interval_uses_the_services_default()
    {
        var options = new LegacyPoolOptions { EnableAutoScale = true, AutoScaleFormula = "$TargetDedicatedNodes = 1;" };

        var definition = LegacyImport.CreatePools(LegacyParameters.Defaults, options: options).Pools[0].Definition;

        Assert.Equal(AutoScaleDefinition.DefaultEvaluationIntervalMinutes, definition.AutoScale!.EvaluationIntervalMinutes);
    }

    [Fact]
    public void Autoscale_without_a_formula_is_an_error_naming_the_argument()
    {
        Throws(() => LegacyImport.CreatePools(LegacyParameters.Defaults, options: new LegacyPoolOptions { EnableAutoScale = true }),
            LegacyPoolOptions.AutoScaleFormulaKey, LegacyPoolOptions.SourceName);
    }

    [Fact]
    public void A_formula_without_enable_auto_scale_is_ignored_with_a_warning()
    {
        var options = new LegacyPoolOptions { AutoScaleFormula = "$TargetDedicatedNodes = 1;" };

        var result = LegacyImport.CreatePools(LegacyParameters.Defaults, options: options);

        Assert.Null(result.Pools[0].Definition.AutoScale);
        Assert.Equal(1, result.Pools[0].Definition.NodeCount);
        var warning = Assert.Single(result.Warnings, w => w.SourceName == LegacyPoolOptions.SourceName);
        Assert.Equal(LegacyPoolOptions.AutoScaleFormulaKey, warning.Key);
    }

    [Fact]
    public void Julia_and_packages_come_only_from_the_caller()
    {
        var options = new LegacyPoolOptions
        {
            Julia = new JuliaDefinition("1.10.5"),
            JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")],
        };

        var definition = LegacyImport.CreatePools(LegacyParameters.Defaults, options: options).Pools[0].Definition;

        Assert.Equal(new JuliaDefinition("1.10.5"), definition.Julia);
        Assert.Equal([new JuliaPackageDefinition("IterativeSolvers")], definition.JuliaPackages);
    }

    [Fact]
    public void Tasks_larger_than_a_pool_are_a_warning()
    {
        var parameters = LegacyParameters.Parse("""{ "_INTER_NODE_CONNECTION": "1", "_NUM_NODES_PER_TASK": "4", "_NODE_COUNT_PER_POOL": "2" }""");

        var result = LegacyImport.CreatePools(parameters);

        Assert.Contains(result.Warnings, w => w.Key == LegacyParameterKeys.NumNodesPerTask && w.Message.Contains("never start"));
    }

    [Fact]
    public void A_bad_pool_id_is_the_validators_diagnostic_with_the_legacy_key_and_file()
    {
        var parameters = LegacyParameters.Parse("""{ "_POOL_ID": "bad id", "_POOL_COUNT": "2" }""", "jobs/parameters.json");

        var result = LegacyImport.CreatePools(parameters);

        Assert.True(result.HasErrors);
        Assert.Equal(2, result.Diagnostics.Count);
        var diagnostic = result.Diagnostics[0];
        var expected = Assert.Single(PoolValidator.Validate(result.Pools[0].Definition));
        Assert.Same(DiagnosticCatalogue.PoolIdMustBeValid, diagnostic.Rule);
        Assert.Equal(expected.Message, diagnostic.Message);
        Assert.Equal(DefinitionTarget.PoolId, diagnostic.Target);
        Assert.Equal(LegacyParameterKeys.PoolId, diagnostic.Key);
        Assert.Equal("jobs/parameters.json", diagnostic.SourceName);
        Assert.Equal("bad id_1", diagnostic.PoolId);
        Assert.Equal($"jobs/parameters.json: error CHPC0002: {expected.Message} [_POOL_ID]", diagnostic.ToString());
        Assert.True(result.Pools[1].HasErrors);
    }

    [Fact]
    public void Diagnostics_of_caller_arguments_name_the_argument()
    {
        var options = new LegacyPoolOptions { Julia = new JuliaDefinition("1.10"), JuliaPackages = [new JuliaPackageDefinition("Bad-Name")] };

        var result = LegacyImport.CreatePools(LegacyParameters.Defaults, options: options);

        Assert.Equal(
            [(DiagnosticCatalogue.JuliaVersionMustBeValid, LegacyPoolOptions.JuliaKey), (DiagnosticCatalogue.JuliaPackageNameMustBeValid, LegacyPoolOptions.JuliaPackagesKey)],
            result.Diagnostics.Select(d => (d.Rule, d.Key!)));
        Assert.All(result.Diagnostics, d => Assert.Equal(LegacyPoolOptions.SourceName, d.SourceName));
    }

    [Fact]
    public void An_invalid_vm_size_is_the_validators_diagnostic_on_pool_vm_size()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_VM_SIZE": "E8s_v3" }"""));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticCatalogue.VmSizeMustBeValid, diagnostic.Rule);
        Assert.Equal(DefinitionTarget.VmSize, diagnostic.Target);
        Assert.Equal(Assert.Single(PoolValidator.Validate(result.Pools[0].Definition)).Message, diagnostic.Message);
        Assert.Equal((LegacyParameterKeys.PoolVmSize, "parameters.json"), (diagnostic.Key, diagnostic.SourceName));
        Assert.StartsWith("parameters.json: error CHPC0005: VM size 'E8s_v3' is invalid", diagnostic.ToString());
        Assert.EndsWith("[_POOL_VM_SIZE]", diagnostic.ToString());
    }

    [Fact]
    public void A_pool_without_nodes_is_the_validators_warning_on_the_node_count_key_the_file_used()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_NODE_COUNT": "0" }"""));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticCatalogue.PoolShouldHaveNodes, diagnostic.Rule);
        Assert.False(diagnostic.IsError);
        Assert.False(result.HasErrors);
        Assert.Equal(LegacyParameterKeys.PoolNodeCount, diagnostic.Key);
    }

    [Fact]
    public void Diagnostics_of_autoscale_and_custom_image_arguments_name_the_argument()
    {
        var options = new LegacyPoolOptions
        {
            EnableAutoScale = true,
            AutoScaleFormula = "$TargetDedicatedNodes = 1;",
            AutoScaleEvaluationIntervalMinutes = 2,
            ImageResourceId = "my-image",
            NodeAgentSku = "batch.node.ubuntu 24.04",
        };

        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_JULIA_DEPOT_PATH": "/opt/julia" }"""), options: options);

        Assert.Equal(
            [(DiagnosticCatalogue.EvaluationIntervalMustBeInRange, LegacyPoolOptions.AutoScaleEvaluationIntervalKey), (DiagnosticCatalogue.CustomImageIdMustBeValid, LegacyPoolOptions.ImageResourceIdKey)],
            result.Diagnostics.Select(d => (d.Rule, d.Key!)));
        Assert.All(result.Diagnostics, d => Assert.Equal(LegacyPoolOptions.SourceName, d.SourceName));
    }

    [Fact]
    public void A_relative_depot_path_is_the_validators_diagnostic_on_julia_depot_path()
    {
        var options = new LegacyPoolOptions { ImageResourceId = "/SharedGalleries/g/images/i" };

        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_JULIA_DEPOT_PATH": "julia/depot" }"""), options: options);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticCatalogue.JuliaDepotPathMustBeAbsolute, diagnostic.Rule);
        Assert.Equal(LegacyParameterKeys.JuliaDepotPath, diagnostic.Key);
    }

    [Fact]
    public void An_invalid_container_image_is_the_validators_diagnostic_on_container()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_CONTAINER": "UserName/Redwood:v1" }"""));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticCatalogue.ContainerImageNameMustBeValid, diagnostic.Rule);
        Assert.Equal(LegacyParameterKeys.Container, diagnostic.Key);
    }

    [Fact]
    public void Load_reads_both_files_and_collects_every_warning()
    {
        var parameters = WriteFile("parameters.json", """{ "_POOL_COUNT": "2", "_UNKNOWN": "1" }""");
        var credentials = WriteFile("credentials.json", Entry().Replace("\"_BATCH_RESOURCE\"", "\"_EXTRA\": \"x\", \"_BATCH_RESOURCE\""));

        var result = LegacyImport.Load(parameters, credentials);

        Assert.Equal(2, result.Pools.Count);
        Assert.Equal(
            [(parameters, "_UNKNOWN"), (credentials, "_EXTRA"), (parameters, LegacyParameterKeys.NodeOsSku)],
            result.Warnings.Select(w => (w.SourceName, w.Key!)));
    }

    [Fact]
    public void The_configuration_names_each_account_and_the_container_without_secrets()
    {
        var result = LegacyImport.CreatePools(LegacyParameters.Parse(FullParameters), LegacyCredentials.Parse(Credentials(2)));

        var settings = result.ToConfiguration();

        Assert.Equal("https://account1.eastus.batch.azure.com", settings["ClusterlessHpc:Batch:Accounts:account1:Endpoint"]);
        Assert.Equal("account2", settings["ClusterlessHpc:Batch:Accounts:account2:AccountName"]);
        Assert.Equal("redwoodtemp", settings["ClusterlessHpc:Storage:Container"]);
        Assert.Equal(5, settings.Count);
    }

    [Fact]
    public void Imported_pools_equal_the_same_pool_built_in_code()
    {
        var imported = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_ID": "redwood", "_POOL_VM_SIZE": "Standard_E8s_v3", "_NODE_COUNT_PER_POOL": "2" }""")).Pools[0].Definition;

        var inCode = new PoolDefinition
        {
            Id = "redwood_1",
            VmSize = "Standard_E8s_v3",
            NodeCount = 2,
            Image = new MarketplaceImageDefinition(Current.Publisher, Current.Offer, Current.Sku) { Version = Current.Version, NodeAgentSku = Current.NodeAgentSkuId },
        };
        Assert.Equal(inCode, imported);
    }
}
