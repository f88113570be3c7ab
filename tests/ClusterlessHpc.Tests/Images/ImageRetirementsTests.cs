using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Images;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Tests.Images;

public class ImageRetirementsTests
{
    [Fact]
    public void Every_retired_image_has_a_retired_or_retiring_agent_and_a_current_replacement_of_its_kind()
    {
        Assert.NotEmpty(ImageRetirements.Images);
        foreach (var retired in ImageRetirements.Images)
        {
            Assert.True(retired.NodeAgent.IsRetired || retired.NodeAgent.RetirementAnnounced, $"{retired}: {retired.NodeAgentSkuId} has no retirement date");
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", retired.RetiredOn);
            // An image whose agent's retirement is only announced is still current; a retired one is not.
            Assert.Equal(retired.NodeAgent.RetirementAnnounced, ImageCatalogue.Find(retired.Publisher, retired.Offer, retired.Sku) is not null);
            Assert.Contains(retired.Replacement, ImageCatalogue.Images);
            Assert.False(ImageCatalogue.FindNodeAgent(retired.Replacement.NodeAgentSkuId)!.IsRetired, $"{retired} is replaced by a retired image");
            if (retired.DockerCompatible) Assert.True(retired.Replacement.DockerCompatible, $"{retired} ran containers but its replacement does not");
        }
        Assert.Equal(ImageRetirements.Images.Count, ImageRetirements.Images.Select(i => i.ToString().ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void The_catalogue_lists_only_images_with_current_agents()
    {
        Assert.All(ImageCatalogue.Images, image => Assert.False(ImageCatalogue.FindNodeAgent(image.NodeAgentSkuId)!.IsRetired, image.ToString()));
    }

    [Theory]
    [InlineData("microsoft-azure-batch", "ubuntu-server-container", "20-04-lts", "microsoft-dsvm:ubuntu-hpc:2404")]
    [InlineData("Canonical", "UbuntuServer", "18.04-LTS", "canonical:ubuntu-24_04-lts:server")]
    [InlineData("OpenLogic", "CentOS", "7_9", "almalinux:almalinux-x86_64:9-gen2")]
    public void Retired_images_are_found_case_insensitively_with_their_replacement(string publisher, string offer, string sku, string replacement)
    {
        var retired = ImageRetirements.Find(publisher, offer, sku);
        Assert.NotNull(retired);
        Assert.Equal(replacement, ImageRetirements.ReplacementFor(retired, new PoolDefinition { Id = "p" }).ToString());
    }

    [Fact]
    public void A_container_pool_gets_a_container_capable_replacement_and_an_arm_pool_an_arm_one()
    {
        var ubuntu1804 = ImageRetirements.Find("canonical", "ubuntuserver", "18.04-lts")!;

        Assert.Same(ImageCatalogue.DefaultContainerLinux, ImageRetirements.ReplacementFor(ubuntu1804, new PoolDefinition { Id = "p", ContainerImages = ["app:1"] }));
        Assert.Same(ImageCatalogue.DefaultLinuxArm64, ImageRetirements.ReplacementFor(ubuntu1804, new PoolDefinition { Id = "p", VmSize = "Standard_D4ps_v5" }));
        Assert.Same(ImageCatalogue.DefaultLinux, ImageRetirements.ReplacementFor(ubuntu1804, new PoolDefinition { Id = "p" }));
    }

    [Fact]
    public void A_declared_retired_image_is_the_retirement_warning_naming_its_replacement_not_an_unknown_image()
    {
        var pool = new PoolDefinition
        {
            Id = "p",
            Image = new MarketplaceImageDefinition("microsoft-azure-batch", "ubuntu-server-container", "20-04-lts"),
            ContainerImages = ["philippwitte/azureclusterlesshpc:v1.0"],
        };

        var problem = Assert.Single(PoolValidator.Validate(pool));

        Assert.Same(DiagnosticCatalogue.NodeAgentRetired, problem.Rule);
        Assert.False(problem.IsError);
        Assert.Equal(DefinitionTarget.ImageAttribute, problem.Target);
        Assert.Contains("'batch.node.ubuntu 20.04' was retired by Batch on 2025-04-23", problem.Message);
        Assert.Contains("microsoft-dsvm:ubuntu-hpc:2404 with 'batch.node.ubuntu 24.04'", problem.Message);
        Assert.Equal("batch.node.ubuntu 20.04", ImageRules.EffectiveNodeAgent(pool));
    }

    [Fact]
    public void A_retired_image_that_never_ran_containers_is_still_refused_for_a_container_pool()
    {
        var pool = new PoolDefinition { Id = "p", Image = new MarketplaceImageDefinition("canonical", "ubuntuserver", "18.04-lts"), ContainerImages = ["app:1"] };

        var found = PoolValidator.Validate(pool);

        Assert.Equal([DiagnosticCatalogue.ContainerPoolNeedsContainerImage, DiagnosticCatalogue.NodeAgentRetired], found.Select(d => d.Rule));
        Assert.Contains(ImageCatalogue.DefaultContainerLinux.ToString(), found[1].Message);
    }

    [Fact]
    public void A_retired_image_with_another_agent_is_the_mismatch_error()
    {
        var pool = new PoolDefinition
        {
            Id = "p",
            Image = new MarketplaceImageDefinition("canonical", "ubuntuserver", "18.04-lts") { NodeAgentSku = "batch.node.ubuntu 24.04" },
        };

        var problem = Assert.Single(PoolValidator.Validate(pool));

        Assert.Same(DiagnosticCatalogue.NodeAgentMustMatchImage, problem.Rule);
        Assert.Contains("'batch.node.ubuntu 18.04'", problem.Message);
    }
}
