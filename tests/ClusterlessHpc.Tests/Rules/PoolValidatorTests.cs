using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Tests.Rules;

public class PoolValidatorTests
{
    [Fact]
    public void The_seed_pool_is_valid() => Assert.Empty(PoolValidator.Validate(SamplePools.Seed));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("has space", "'space' is not allowed")]
    [InlineData("semi;colon", "';' is not allowed")]
    [InlineData("new\nline", "'\\n' is not allowed")]
    [InlineData("ünïcode", "'ü' is not allowed")]
    public void Pool_ids_follow_the_batch_rule(string id, string why)
    {
        var problem = Assert.Single(PoolValidator.Validate(new PoolDefinition { Id = id }));
        Assert.Same(DiagnosticCatalogue.PoolIdMustBeValid, problem.Rule);
        Assert.Equal(DefinitionTarget.PoolId, problem.Target);
        Assert.Contains(why, problem.Message);
    }

    [Fact]
    public void Pool_ids_may_have_64_characters_but_not_65()
    {
        Assert.Empty(PoolValidator.Validate(new PoolDefinition { Id = new string('a', 64) }));
        var problem = Assert.Single(PoolValidator.Validate(new PoolDefinition { Id = new string('a', 65) }));
        Assert.Contains("65 characters", problem.Message);
    }

    [Theory]
    [InlineData("1.10.5", true)]
    [InlineData("1.11.0-rc2", true)]
    [InlineData("1.10", false)]
    [InlineData("v1.10.5", false)]
    [InlineData("1.10.5-", false)]
    [InlineData("01.10.5", false)]
    [InlineData("1.10.5; rm -rf /", false)]
    public void Julia_versions_must_be_full_release_versions(string version, bool valid)
    {
        var found = PoolValidator.Validate(new PoolDefinition { Id = "p", Julia = new JuliaDefinition(version) });
        if (valid) Assert.Empty(found);
        else Assert.Equal(DiagnosticCatalogue.JuliaVersionMustBeValid, Assert.Single(found).Rule);
    }

    [Theory]
    [InlineData("IterativeSolvers", null)]
    [InlineData("_Private2", null)]
    [InlineData("JOLI.jl", "write 'JOLI'")]
    [InlineData("2Fast", "must start with a letter")]
    [InlineData("Bad-Name", "'-' is not allowed")]
    [InlineData("", "it is empty")]
    public void Package_names_are_julia_identifiers(string name, string? why)
    {
        var found = PoolValidator.Validate(new PoolDefinition { Id = "p", Julia = new JuliaDefinition("1.10.5"), JuliaPackages = [new JuliaPackageDefinition(name)] });
        if (why is null)
        {
            Assert.Empty(found);
            return;
        }
        var problem = Assert.Single(found);
        Assert.Equal(DiagnosticCatalogue.JuliaPackageNameMustBeValid, problem.Rule);
        Assert.Equal("JuliaPackage[0].Name", problem.Target);
        Assert.Contains(why, problem.Message);
    }

    [Fact]
    public void Develop_needs_a_url()
    {
        var problem = Assert.Single(PoolValidator.Validate(new PoolDefinition { Id = "p", Julia = new JuliaDefinition("1.10.5"), JuliaPackages = [new JuliaPackageDefinition("A"), new JuliaPackageDefinition("JOLI") { Develop = true }] }));
        Assert.Equal(DiagnosticCatalogue.DevelopedPackageMustHaveUrl, problem.Rule);
        Assert.Equal("JuliaPackage[1].Develop", problem.Target);
        Assert.Contains("'JOLI'", problem.Message);
    }

    [Fact]
    public void Julia_with_containers_is_a_warning_on_the_julia_attribute()
    {
        var pool = new PoolDefinition { Id = "p", Julia = new JuliaDefinition("1.10.5"), ContainerImages = ["philippwitte/judiclusterless:v1.0"] };

        var problem = Assert.Single(PoolValidator.Validate(pool));

        Assert.Same(DiagnosticCatalogue.JuliaIsNotInstalledInContainers, problem.Rule);
        Assert.False(problem.IsError);
        Assert.Equal(DefinitionTarget.JuliaAttribute, problem.Target);
        Assert.Contains("'p'", problem.Message);
        Assert.Contains("philippwitte/judiclusterless:v1.0", problem.Message);
        Assert.Contains("1.10.5", problem.Message);
        Assert.Empty(PoolValidator.Validate(pool with { Julia = null }));
        Assert.Empty(PoolValidator.Validate(pool with { ContainerImages = [] }));
    }

    [Fact]
    public void Every_rule_has_a_unique_id_and_a_docs_page()
    {
        var ids = DiagnosticCatalogue.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var rule in DiagnosticCatalogue.All)
        {
            Assert.Matches("^CHPC[0-9]{4}$", rule.Id);
            var page = Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", rule.Id + ".md");
            Assert.True(File.Exists(page), $"{rule.Id} has no page at {page}");
            Assert.Equal(page, Path.Combine(RepositoryRoot.Path, rule.DocsPage));
        }
    }

    [Fact]
    public void The_analyzer_release_file_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "generator", "ClusterlessHpc.Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var rule in DiagnosticCatalogue.All)
        {
            Assert.Contains($"{rule.Id} | {rule.Category} | {rule.Severity} | {rule.Name}", unshipped);
        }
    }

    [Theory]
    [InlineData("/root/.julia", true)]
    [InlineData("/root", true)]
    [InlineData("/root/", true)]
    [InlineData("/rootless/depot", false)]
    [InlineData("/opt/julia/depot", false)]
    [InlineData("/home/root/.julia", false)]
    public void A_custom_images_depot_under_root_is_a_warning(string depot, bool warned)
    {
        var definition = SamplePools.CustomImage with
        {
            Image = new CustomImageDefinition("/SharedGalleries/g/Images/i") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = depot },
        };

        var found = PoolValidator.Validate(definition);

        Assert.False(PoolValidator.HasErrors(found));
        if (!warned)
        {
            Assert.Empty(found);
            return;
        }
        var warning = Assert.Single(found);
        Assert.Same(DiagnosticCatalogue.JuliaDepotShouldBeReadableByTasks, warning.Rule);
        Assert.Equal(RuleSeverity.Warning, warning.Rule.Severity);
        Assert.Contains($"'{depot}' is under /root", warning.Message);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(1, false)]
    [InlineData(1440, false)]
    [InlineData(0, true)]
    [InlineData(-5, true)]
    [InlineData(1441, true)]
    public void The_step_timeout_is_1_to_1440_minutes(int? minutes, bool refused)
    {
        var found = PoolValidator.Validate(SamplePools.Seed with { StartTaskStepTimeoutMinutes = minutes });

        if (!refused)
        {
            Assert.Empty(found);
            return;
        }
        var error = Assert.Single(found);
        Assert.Same(DiagnosticCatalogue.StepTimeoutMustBeInRange, error.Rule);
        Assert.Equal(DefinitionTarget.StartTaskStepTimeout, error.Target);
        Assert.StartsWith($"StepTimeoutMinutes is {minutes};", error.Message);
    }
}
