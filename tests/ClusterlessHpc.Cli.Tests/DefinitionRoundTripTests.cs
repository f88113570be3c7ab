using System.Collections;
using System.Reflection;
using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// Every setting of a <see cref="PoolDefinition"/>, found by reflection (so a new one cannot be forgotten), survives
/// attribute → generator → definition → chpc import → attribute, and changes the definition's equality.
/// </summary>
public class DefinitionRoundTripTests
{
    /// <summary>Settable properties no attribute declares. None yet; a property that must not round-trip (such as where a declaration was written) belongs here.</summary>
    /// <remarks>
    /// <c>JuliaManifest</c>: its attribute names a file, and its texts come from the project's additional files, which a
    /// class chpc import writes has none of (AzureClusterlessHPC.jl has no manifests); JuliaManifestGeneratorTests
    /// round-trips it through the generator with its files.
    /// </remarks>
    private static readonly HashSet<string> NotDeclaredByAttributes = ["PoolDefinition.JuliaManifest"];

    private const string CustomImageId = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/g/images/julia/versions/1.0.0";

    /// <summary>A valid value of each definition type that nothing else sets: the owner of the nested properties' samples.</summary>
    private static readonly Dictionary<Type, object> Minimal = new()
    {
        [typeof(MarketplaceImageDefinition)] = new MarketplaceImageDefinition("canonical", "ubuntu-24_04-lts", "server"),
        [typeof(CustomImageDefinition)] = new CustomImageDefinition(CustomImageId) { NodeAgentSku = "batch.node.ubuntu 22.04" },
        [typeof(JuliaDefinition)] = new JuliaDefinition("1.11.2"),
        [typeof(JuliaPackageDefinition)] = new JuliaPackageDefinition("IterativeSolvers"),
        [typeof(StartupStepDefinition)] = new StartupStepDefinition("echo ready"),
        [typeof(AutoScaleDefinition)] = new AutoScaleDefinition("$TargetDedicatedNodes = 1;"),
        [typeof(ContainerRegistryDefinition)] = new ContainerRegistryDefinition("myregistry.azurecr.io") { UserName = "puller", PasswordSetting = "Registry:Password" },
        [typeof(NameValueDefinition)] = new NameValueDefinition("NAME", "value"),
        [typeof(NetworkDefinition)] = new NetworkDefinition { SubnetId = Subnet("batch") },
        [typeof(AzureFilesMountDefinition)] = new AzureFilesMountDefinition("hpcfiles", "share", "files") { AccountKeySetting = "Storage:FilesKey" },
        [typeof(NfsMountDefinition)] = new NfsMountDefinition("10.0.0.4:/exports/data", "data"),
        [typeof(BlobfuseMountDefinition)] = new BlobfuseMountDefinition("hpcblobs", "inputs", "inputs") { SasKeySetting = "Storage:InputsSas" },
    };

    /// <summary>A valid value, other than the default and the minimal one, for each property: <c>Type.Property</c>.</summary>
    private static readonly Dictionary<string, object?> Samples = new()
    {
        ["PoolDefinition.Id"] = "renamed-pool",
        ["PoolDefinition.VmSize"] = "Standard_D4s_v5",
        ["PoolDefinition.NodeCount"] = 3,
        ["PoolDefinition.LowPriorityNodeCount"] = 2,
        ["PoolDefinition.TaskSlotsPerNode"] = 4,
        ["PoolDefinition.InterNodeCommunication"] = true,
        ["PoolDefinition.ResizeTimeoutMinutes"] = 20,
        ["PoolDefinition.Account"] = "other",
        ["PoolDefinition.ContainerImages"] = new[] { "myregistry.azurecr.io/app:1", "docker.io/library/ubuntu:24.04" },
        ["PoolDefinition.StartTaskRetryCount"] = 2,
        ["PoolDefinition.WaitForStartTask"] = false,
        ["PoolDefinition.StartTaskStepTimeoutMinutes"] = 90,
        ["MarketplaceImageDefinition.Publisher"] = "microsoft-azure-batch",
        ["MarketplaceImageDefinition.Offer"] = "ubuntu-server-container",
        ["MarketplaceImageDefinition.Sku"] = "20-04-lts",
        ["MarketplaceImageDefinition.Version"] = "24.04.202501010",
        ["MarketplaceImageDefinition.NodeAgentSku"] = "batch.node.ubuntu 24.04",
        ["CustomImageDefinition.ImageId"] = CustomImageId.Replace("1.0.0", "2.0.0"),
        ["CustomImageDefinition.NodeAgentSku"] = "batch.node.ubuntu 24.04",
        ["CustomImageDefinition.JuliaDepotPath"] = "/opt/julia/depot",
        ["JuliaDefinition.Version"] = "1.10.5",
        ["JuliaDefinition.Mirror"] = "https://mirror.example.org/julia",
        ["JuliaDefinition.PkgServer"] = "https://pkg.example.org",
        ["JuliaDefinition.Sha256"] = new string('a', 64),
        ["JuliaPackageDefinition.Name"] = "JOLI",
        ["JuliaPackageDefinition.Version"] = "0.9.2",
        ["JuliaPackageDefinition.Url"] = "https://github.com/slimgroup/JOLI.jl",
        ["JuliaPackageDefinition.Rev"] = "v0.8.0",
        ["JuliaPackageDefinition.Develop"] = true,
        ["StartupStepDefinition.Bash"] = "echo \"quoted\" 'single' \\backslash\\ $HOME\n\tprintf '%s\\n' ünïcödé ✓ 😀 \u2028",
        ["StartupStepDefinition.AfterPackages"] = true,
        ["AutoScaleDefinition.Formula"] = "// \"comment\"\n$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));\r\n$NodeDeallocationOption = taskcompletion;",
        ["AutoScaleDefinition.EvaluationIntervalMinutes"] = 5,
        ["ContainerRegistryDefinition.Server"] = "other.azurecr.io",
        ["ContainerRegistryDefinition.UserName"] = "reader",
        ["ContainerRegistryDefinition.PasswordSetting"] = "Registry:OtherPassword",
        ["ContainerRegistryDefinition.IdentityResourceId"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/puller",
        ["NameValueDefinition.Name"] = "GREETING",
        ["NameValueDefinition.Value"] = "say \"hi\"\r\nand {braces} \\ end",
        ["NetworkDefinition.SubnetId"] = Subnet("other"),
        ["NetworkDefinition.PublicIPAddresses"] = PublicIPAddressProvisioning.NoPublicIPAddresses,
        ["NetworkDefinition.PublicIPAddressIds"] = new[] { "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/publicIPAddresses/ip1" },
        ["AzureFilesMountDefinition.AccountName"] = "otherfiles",
        ["AzureFilesMountDefinition.ShareName"] = "other",
        ["AzureFilesMountDefinition.RelativeMountPath"] = "other",
        ["AzureFilesMountDefinition.AccountKeySetting"] = "Storage:OtherKey",
        ["AzureFilesMountDefinition.MountOptions"] = "-o vers=3.0",
        ["NfsMountDefinition.Source"] = "10.0.0.5:/exports/other",
        ["NfsMountDefinition.RelativeMountPath"] = "other",
        ["NfsMountDefinition.MountOptions"] = "-o vers=4,minorversion=1",
        ["BlobfuseMountDefinition.AccountName"] = "otherblobs",
        ["BlobfuseMountDefinition.ContainerName"] = "outputs",
        ["BlobfuseMountDefinition.RelativeMountPath"] = "outputs",
        ["BlobfuseMountDefinition.AccountKeySetting"] = "Storage:BlobKey",
        ["BlobfuseMountDefinition.SasKeySetting"] = "Storage:OtherSas",
        ["BlobfuseMountDefinition.IdentityResourceId"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/reader",
        ["BlobfuseMountDefinition.MountOptions"] = "-o ro",
    };

    /// <summary>What a sample needs around it to be a valid pool (the rules that tie settings together).</summary>
    private static readonly Dictionary<string, Func<PoolDefinition, PoolDefinition>> Context = new()
    {
        ["PoolDefinition.JuliaPackages"] = p => p with { Julia = new JuliaDefinition("1.10.5") },
        ["PoolDefinition.ContainerRegistries"] = p => p with { ContainerImages = ["myregistry.azurecr.io/app:1"] },
        ["CustomImageDefinition.JuliaDepotPath"] = p => p with { Julia = new JuliaDefinition("1.10.5") },
        ["NetworkDefinition.PublicIPAddressIds"] = p => p with { Network = ((NetworkDefinition)Minimal[typeof(NetworkDefinition)]) with { PublicIPAddresses = PublicIPAddressProvisioning.UserManaged } },
    };

    /// <summary>What a nested sample needs of the object it is set on (the rules within one attribute).</summary>
    private static readonly Dictionary<string, Func<object, object>> OwnerContext = new()
    {
        // An image outside the catalogue names its node agent.
        ["MarketplaceImageDefinition.Publisher"] = o => (MarketplaceImageDefinition)o with { NodeAgentSku = "batch.node.ubuntu 24.04" },
        ["MarketplaceImageDefinition.Offer"] = o => (MarketplaceImageDefinition)o with { NodeAgentSku = "batch.node.ubuntu 24.04" },
        ["MarketplaceImageDefinition.Sku"] = o => (MarketplaceImageDefinition)o with { NodeAgentSku = "batch.node.ubuntu 24.04" },
        ["JuliaPackageDefinition.Rev"] = o => (JuliaPackageDefinition)o with { Url = "https://github.com/slimgroup/JOLI.jl" },
        ["JuliaPackageDefinition.Develop"] = o => (JuliaPackageDefinition)o with { Url = "https://github.com/slimgroup/JOLI.jl" },
        ["ContainerRegistryDefinition.IdentityResourceId"] = o => (ContainerRegistryDefinition)o with { UserName = null, PasswordSetting = null },
        ["BlobfuseMountDefinition.AccountKeySetting"] = o => (BlobfuseMountDefinition)o with { SasKeySetting = null },
        ["BlobfuseMountDefinition.IdentityResourceId"] = o => (BlobfuseMountDefinition)o with { SasKeySetting = null },
    };

    [Fact]
    public void Every_setting_round_trips_through_the_generator_and_import_and_changes_equality()
    {
        var variants = Variants().ToList();
        var missing = variants.Where(v => v.Missing is not null).Select(v => v.Missing!).Distinct().ToList();
        Assert.True(missing.Count == 0, "No sample value (or exclusion) for: " + string.Join(", ", missing));

        var problems = new List<string>();
        foreach (var (name, before, after, _) in variants)
        {
            if (before!.Equals(after)) problems.Add($"{name}: setting it does not change equality");
            if (before.GetHashCode() == after!.GetHashCode()) problems.Add($"{name}: setting it does not change the hash code");
            foreach (var error in Rules.PoolValidator.Validate(after).Where(d => d.IsError)) problems.Add($"{name}: the sample is invalid: {error}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var sources = variants.Select(v => PoolClassWriter.Write(v.After!, "Round.Trip", PoolClassWriter.ClassName(v.After!.Id), "test.json")).ToArray();
        var generated = PoolRegistry.FromAssembly(PoolCompiler.Load(sources)).ToDictionary(p => p.Id);
        foreach (var (name, _, after, _) in variants)
        {
            if (!generated.TryGetValue(after!.Id, out var back)) problems.Add($"{name}: no pool was generated");
            else if (!back.Equals(after)) problems.Add($"{name}: came back changed:\n{PoolClassWriter.Write(after, "Round.Trip", "P", "test.json")}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Settings whose variant starts from a pool that breaks a rule (the setting is what makes it valid), so there is no
    /// pool to compare with: each is a value going from none to some, which its own rule forbids.
    /// </summary>
    private static readonly HashSet<string> NeededInContext =
    [
        "CustomImageDefinition.JuliaDepotPath", "ContainerRegistryDefinition.IdentityResourceId", "NetworkDefinition.PublicIPAddressIds",
        "BlobfuseMountDefinition.AccountKeySetting", "BlobfuseMountDefinition.IdentityResourceId",
    ];

    /// <summary>
    /// The planner sees every setting that reaches the pool. A pool made from one variant, read back as the service
    /// answers (the add-pool body read as a pool), is drift for the other variant exactly when the two add-pool requests
    /// differ (secrets have a stand-in in both: Batch returns none, so they cannot be compared). The pool id is left out:
    /// it names another pool.
    /// </summary>
    [Fact]
    public void Every_setting_that_reaches_the_pool_is_drift_when_it_changes()
    {
        var problems = new List<string>();
        var drifts = 0;
        foreach (var (name, before, after, _) in Variants().Where(v => v.Missing is null && v.Name != "PoolDefinition.Id"))
        {
            if (Rules.PoolValidator.HasErrors(Rules.PoolValidator.Validate(before!)))
            {
                if (!NeededInContext.Contains(name)) problems.Add($"{name}: the variant starts from an invalid pool");
                continue;
            }
            var differs = Json(Request(before!)) != Json(Request(after!));
            var plan = Provisioning.PoolPlanner.Compare(Request(after!), Live(before!));
            if (differs && plan.Action != Provisioning.PoolPlanAction.Drift) problems.Add($"{name}: changes the add-pool request, but the plan is {plan}");
            if (!differs && plan.Action != Provisioning.PoolPlanAction.NoChange) problems.Add($"{name}: makes the same pool, but the plan is {plan}");
            if (differs) drifts++;
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(drifts > 40, $"only {drifts} settings changed the request");
    }

    private static Batch.Models.BatchPoolCreateOptions Request(PoolDefinition definition) =>
        Provisioning.PoolRequestBuilder.BuildWithoutSecrets(definition, _ => "secret", [], Scripts.StartupScriptRenderer.DefinitionHash(definition));

    private static string Json(Batch.Models.BatchPoolCreateOptions request) =>
        System.Text.Json.JsonSerializer.Serialize(request, Batch.BatchJson.TypeInfo<Batch.Models.BatchPoolCreateOptions>());

    /// <summary>The pool made from <paramref name="definition"/> as a GET answers it: the add-pool body, read as a pool.</summary>
    private static Batch.Models.BatchPool Live(PoolDefinition definition) =>
        System.Text.Json.JsonSerializer.Deserialize(Json(Request(definition)), Batch.BatchJson.TypeInfo<Batch.Models.BatchPool>())!;

    private static IEnumerable<(string Name, PoolDefinition? Before, PoolDefinition? After, string? Missing)> Variants()
    {
        var n = 0;
        foreach (var property in Settable(typeof(PoolDefinition)))
        {
            var key = $"{nameof(PoolDefinition)}.{property.Name}";
            if (NotDeclaredByAttributes.Contains(key)) continue;
            var before = Prepare(key, new PoolDefinition { Id = $"pool-{n++}" });
            var element = ElementType(property.PropertyType);
            var definitionTypes = typeof(PoolDefinition).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && element.IsAssignableFrom(t) && Minimal.ContainsKey(t)).ToList();
            if (definitionTypes.Count == 0)
            {
                if (!Samples.TryGetValue(key, out var sample)) yield return (key, null, null, key);
                else yield return (key, before, With(before, property, sample), null);
                continue;
            }
            foreach (var type in definitionTypes)
            {
                // The object itself, then each of its own settings on it.
                var owner = Minimal[type];
                var empty = Prepare(key, new PoolDefinition { Id = $"pool-{n++}" });
                yield return ($"{key} ({type.Name})", empty, With(empty, property, Wrap(property, owner)), null);
                foreach (var nested in Settable(type))
                {
                    var nestedKey = $"{type.Name}.{nested.Name}";
                    if (NotDeclaredByAttributes.Contains(nestedKey)) continue;
                    if (!Samples.TryGetValue(nestedKey, out var sample))
                    {
                        yield return (nestedKey, null, null, nestedKey);
                        continue;
                    }
                    var around = Prepare(nestedKey, new PoolDefinition { Id = $"pool-{n++}" });
                    around = Prepare(key, around);
                    if (property.GetValue(around) is { } existing && existing is not IEnumerable) owner = existing; // the context set it
                    else owner = Minimal[type];
                    if (OwnerContext.TryGetValue(nestedKey, out var ownerContext)) owner = ownerContext(owner);
                    yield return (nestedKey, With(around, property, Wrap(property, owner)), With(around, property, Wrap(property, With(owner, nested, sample))), null);
                }
            }
        }
    }

    private static PoolDefinition Prepare(string key, PoolDefinition pool) => Context.TryGetValue(key, out var context) ? context(pool) : pool;

    /// <summary>Public properties with a setter (an <c>init</c> accessor): what a declaration can set.</summary>
    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.Name != "EqualityContract");

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;

    /// <summary>The value as the property holds it: a list of one for a list property.</summary>
    private static object Wrap(PropertyInfo property, object value)
    {
        if (ElementType(property.PropertyType) == property.PropertyType) return value;
        var list = Array.CreateInstance(ElementType(property.PropertyType), 1);
        list.SetValue(value, 0);
        return list;
    }

    /// <summary>A copy (as <c>with</c> makes it) with one property set.</summary>
    private static T With<T>(T owner, PropertyInfo property, object? value) where T : notnull
    {
        var copy = (T)owner.GetType().GetMethod("<Clone>$")!.Invoke(owner, null)!;
        owner.GetType().GetProperty(property.Name)!.SetValue(copy, value);
        return copy;
    }

    private static string Subnet(string name) =>
        $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/{name}";
}
