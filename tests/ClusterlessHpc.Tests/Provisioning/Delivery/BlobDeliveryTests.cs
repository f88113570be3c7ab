using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using ClusterlessHpc.Hosting;
using BatchModels = ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using static ClusterlessHpc.Tests.Provisioning.Delivery.DeliveryTestSupport;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>Blob delivery against Azurite: the content-addressed upload, the policy-bound SAS, the policy's life and revocation, identity mode.</summary>
public sealed class BlobDeliveryTests : IClassFixture<AzuriteFixture>
{
    private const string Script = "#!/bin/bash\necho 'hello from blob'\n";
    private static readonly HttpClient Http = new();
    private readonly AzuriteFixture _azurite;

    public BlobDeliveryTests(AzuriteFixture azurite) => _azurite = azurite;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task The_script_is_uploaded_under_its_sha256_name_once()
    {
        var name = UniqueContainer();
        var delivery = ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name));

        var first = await delivery.PrepareAsync(Script, Cancel);
        var blob = _azurite.Service.GetBlobContainerClient(name).GetBlobClient($"clusterlesshpc/scripts/{Sha256(Script)}.sh");
        var before = (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value;
        var second = await delivery.PrepareAsync(Script, Cancel);
        var after = (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value;

        Assert.Equal(ScriptDelivery.Blob, first.Method);
        Assert.Equal(Sha256(Script), first.ScriptSha256);
        Assert.Equal(blob.Uri, first.BlobUri);
        Assert.Equal(Script, (await blob.DownloadContentAsync(Cancel)).Value.Content.ToString());
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.LastModified, after.LastModified);
        Assert.Equal(first.ResourceFiles[0].HttpUrl, second.ResourceFiles[0].HttpUrl);
        Assert.Single(await BlobsAsync(name));
    }

    [Fact]
    public async Task Another_script_gets_another_blob_and_a_blob_changed_behind_our_back_is_written_again()
    {
        var name = UniqueContainer();
        var delivery = ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name));
        var other = Script + "echo more\n";
        var first = await delivery.PrepareAsync(Script, Cancel);
        await delivery.PrepareAsync(other, Cancel);
        var blob = _azurite.Service.GetBlobContainerClient(name).GetBlobClient(BlobDelivery.BlobName(Sha256(Script)));
        await blob.UploadAsync(BinaryData.FromString("echo tampered\n"), overwrite: true, Cancel);

        await delivery.PrepareAsync(Script, Cancel);

        Assert.Equal(2, (await BlobsAsync(name)).Count);
        Assert.Equal(Script, await DownloadAsync(first.ResourceFiles[0].HttpUrl!));
    }

    [Fact]
    public async Task The_resource_file_names_the_file_its_mode_and_a_sas_that_only_names_the_stored_access_policy()
    {
        var delivery = ScriptDeliveryFactory.Create(WithServiceUri(_azurite, UniqueContainer()));

        var prepared = await delivery.PrepareAsync(Script, Cancel);
        var file = Assert.Single(prepared.ResourceFiles);
        var sas = Query(file.HttpUrl!);

        Assert.Equal(("clusterlesshpc-startup.sh", "0755"), (file.FilePath, file.FileMode));
        Assert.Null(file.IdentityReference);
        Assert.Equal("clusterlesshpc-read", sas["si"]);
        Assert.Equal("b", sas["sr"]);
        Assert.True(sas.ContainsKey("sig"));
        Assert.False(sas.ContainsKey("se"));
        Assert.False(sas.ContainsKey("sp"));
        Assert.False(sas.ContainsKey("st"));
        Assert.Equal("clusterlesshpc-read", prepared.AccessPolicy);
        Assert.Equal(Script, await DownloadAsync(file.HttpUrl!));
        Assert.Equal(BlobDelivery.CommandLine, prepared.CommandLine);
        var hash = Assert.Single(prepared.EnvironmentSettings);
        Assert.Equal((BlobDelivery.HashVariable, Sha256(Script)), (hash.Name, hash.Value));
    }

    [Fact]
    public async Task A_missing_policy_is_created_read_only_for_a_year()
    {
        var name = UniqueContainer();
        var delivery = (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name));

        await delivery.PrepareAsync(Script, Cancel);
        var policy = Assert.Single(await PoliciesAsync(name));

        Assert.Equal(("clusterlesshpc-read", "r"), (policy.Id, policy.AccessPolicy.Permissions));
        AssertNear(DateTimeOffset.UtcNow.AddDays(365), policy.AccessPolicy.PolicyExpiresOn!.Value);
        Assert.Equal(AccessPolicyChange.Unchanged, (await delivery.EnsureAccessPolicyAsync(Cancel)).Change);
    }

    [Fact]
    public async Task A_policy_near_its_expiry_is_renewed_keeping_the_other_policies_and_the_public_access_level()
    {
        var name = UniqueContainer();
        var container = _azurite.Service.GetBlobContainerClient(name);
        await container.CreateAsync(PublicAccessType.Blob, cancellationToken: Cancel);
        var others = new[]
        {
            Policy("team-read", "rl", DateTimeOffset.UtcNow.AddDays(30)),
            Policy("uploader", "rcw", DateTimeOffset.UtcNow.AddDays(3)),
        };
        await container.SetAccessPolicyAsync(PublicAccessType.Blob, [.. others, Policy("clusterlesshpc-read", "r", DateTimeOffset.UtcNow.AddDays(89))], cancellationToken: Cancel);
        var delivery = (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name));

        var status = await delivery.EnsureAccessPolicyAsync(Cancel);
        var acl = (await container.GetAccessPolicyAsync(cancellationToken: Cancel)).Value;

        Assert.Equal(AccessPolicyChange.Renewed, status.Change);
        AssertNear(DateTimeOffset.UtcNow.AddDays(365), status.ExpiresOn);
        Assert.Equal(PublicAccessType.Blob, acl.BlobPublicAccess);
        var ids = acl.SignedIdentifiers.ToDictionary(i => i.Id);
        Assert.Equal(3, ids.Count);
        foreach (var other in others)
        {
            Assert.Equal(other.AccessPolicy.Permissions, ids[other.Id].AccessPolicy.Permissions);
            AssertNear(other.AccessPolicy.PolicyExpiresOn!.Value, ids[other.Id].AccessPolicy.PolicyExpiresOn!.Value);
        }
        AssertNear(status.ExpiresOn, ids["clusterlesshpc-read"].AccessPolicy.PolicyExpiresOn!.Value);
    }

    [Fact]
    public async Task A_policy_with_more_than_the_renewal_margin_left_is_left_alone_and_a_wider_one_is_made_read_only()
    {
        var name = UniqueContainer();
        var container = _azurite.Service.GetBlobContainerClient(name);
        await container.CreateAsync(cancellationToken: Cancel);
        var expires = DateTimeOffset.UtcNow.AddDays(91);
        await container.SetAccessPolicyAsync(PublicAccessType.None, [Policy("clusterlesshpc-read", "r", expires)], cancellationToken: Cancel);
        var delivery = (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name));

        var unchanged = await delivery.EnsureAccessPolicyAsync(Cancel);
        await container.SetAccessPolicyAsync(PublicAccessType.None, [Policy("clusterlesshpc-read", "rw", expires)], cancellationToken: Cancel);
        var widened = await delivery.EnsureAccessPolicyAsync(Cancel);

        Assert.Equal(AccessPolicyChange.Unchanged, unchanged.Change);
        AssertNear(expires, unchanged.ExpiresOn);
        Assert.Equal(AccessPolicyChange.Renewed, widened.Change);
        Assert.Equal("r", Assert.Single(await PoliciesAsync(name)).AccessPolicy.Permissions);
    }

    [Fact]
    public async Task The_name_lifetime_and_renewal_margin_of_the_policy_come_from_the_configuration()
    {
        var name = UniqueContainer();
        var options = WithConnectionString(_azurite, name);
        options.Storage.AccessPolicy = new AccessPolicyOptions { Name = "nodes-2025", Lifetime = TimeSpan.FromDays(30), RenewBefore = TimeSpan.FromDays(10) };

        var prepared = await ScriptDeliveryFactory.Create(options).PrepareAsync(Script, Cancel);
        var policy = Assert.Single(await PoliciesAsync(name));

        Assert.Equal("nodes-2025", Query(prepared.ResourceFiles[0].HttpUrl!)["si"]);
        Assert.Equal("nodes-2025", policy.Id);
        AssertNear(DateTimeOffset.UtcNow.AddDays(30), policy.AccessPolicy.PolicyExpiresOn!.Value);
    }

    [Fact]
    public async Task A_container_that_already_has_five_other_policies_is_an_error_and_is_left_as_it_was()
    {
        var name = UniqueContainer();
        var container = _azurite.Service.GetBlobContainerClient(name);
        await container.CreateAsync(cancellationToken: Cancel);
        var five = Enumerable.Range(1, 5).Select(i => Policy($"p{i}", "r", DateTimeOffset.UtcNow.AddDays(i))).ToArray();
        await container.SetAccessPolicyAsync(PublicAccessType.None, five, cancellationToken: Cancel);

        var error = await Assert.ThrowsAsync<ScriptDeliveryException>(() => ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name)).PrepareAsync(Script, Cancel));

        Assert.Contains($"Container '{name}' already has 5 stored access policies", error.Message);
        Assert.Contains("ClusterlessHpc:Storage:Container", error.Message);
        Assert.Equal(five.Select(p => p.Id), (await PoliciesAsync(name)).Select(p => p.Id).Order());
    }

    [Fact]
    public async Task Revoking_deletes_the_policy_so_the_sas_no_longer_downloads_and_the_next_apply_makes_it_valid_again()
    {
        var name = UniqueContainer();
        var delivery = (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name));
        var url = (await delivery.PrepareAsync(Script, Cancel)).ResourceFiles[0].HttpUrl!;
        var container = _azurite.Service.GetBlobContainerClient(name);
        await container.SetAccessPolicyAsync(PublicAccessType.None,
            [.. await PoliciesAsync(name), Policy("keep-me", "r", DateTimeOffset.UtcNow.AddDays(5))], cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url));

        Assert.True(await delivery.RevokeAccessPolicyAsync(Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(url));
        Assert.Equal(new[] { "keep-me" }, (await PoliciesAsync(name)).Select(p => p.Id));
        Assert.False(await delivery.RevokeAccessPolicyAsync(Cancel));

        var again = await delivery.PrepareAsync(Script, Cancel);
        Assert.Equal(url, again.ResourceFiles[0].HttpUrl);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url));
    }

    [Fact]
    public async Task Revoking_on_a_container_that_does_not_exist_is_nothing_to_do()
    {
        var delivery = (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer()));

        Assert.False(await delivery.RevokeAccessPolicyAsync(Cancel));
    }

    [Fact]
    public async Task With_an_identity_the_resource_file_has_the_plain_url_and_the_identity_and_no_policy_is_made()
    {
        const string identity = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pool-reader";
        var name = UniqueContainer();
        var delivery = ScriptDeliveryFactory.Create(WithServiceUri(_azurite, name, identity));

        var prepared = await delivery.PrepareAsync(Script, Cancel);
        var file = Assert.Single(prepared.ResourceFiles);

        Assert.Equal(prepared.BlobUri!.ToString(), file.HttpUrl);
        Assert.Empty(new Uri(file.HttpUrl!).Query);
        Assert.Equal(identity, file.IdentityReference!.ResourceId);
        Assert.Equal(identity, prepared.IdentityResourceId);
        Assert.Null(prepared.AccessPolicy);
        Assert.Empty(await PoliciesAsync(name));
        Assert.Equal(Script, (await _azurite.Service.GetBlobContainerClient(name).GetBlobClient(BlobDelivery.BlobName(Sha256(Script))).DownloadContentAsync(Cancel)).Value.Content.ToString());
        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(file.HttpUrl!));
    }

    [Fact]
    public async Task Auto_sends_the_largest_script_that_fits_inline_and_one_character_more_by_blob()
    {
        var name = UniqueContainer();
        var delivery = ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name, ScriptDelivery.Auto));

        var inline = await delivery.PrepareAsync(LimitScripts.Fits, Cancel);
        Assert.False(await _azurite.Service.GetBlobContainerClient(name).ExistsAsync(Cancel));
        var blob = await delivery.PrepareAsync(LimitScripts.TooLarge, Cancel);

        Assert.Equal(ScriptDelivery.Inline, inline.Method);
        Assert.Equal(LimitScripts.Fits, InlineScriptDelivery.TryDecode(StartTask(inline)));
        Assert.Equal(ScriptDelivery.Blob, blob.Method);
        Assert.Equal(LimitScripts.TooLarge, await DownloadAsync(blob.ResourceFiles[0].HttpUrl!));
    }

    [Fact]
    public async Task Logs_name_the_blob_and_the_policy_but_never_the_sas_or_the_key()
    {
        var logger = new ListLogger();
        var delivery = ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer(), ScriptDelivery.Auto), logger: logger);

        var prepared = await delivery.PrepareAsync(LimitScripts.TooLarge, Cancel);
        await ((AutoDelivery)delivery).Blob!.RevokeAccessPolicyAsync(Cancel);
        var signature = Query(prepared.ResourceFiles[0].HttpUrl!)["sig"];

        Assert.Equal(new[] { 1101, 1102, 1104, 1105 }, logger.Events.Select(e => e.Id.Id));
        Assert.Contains(prepared.BlobUri!.ToString(), logger.All);
        Assert.Contains("clusterlesshpc-read", logger.All);
        Assert.DoesNotContain(signature, logger.All);
        Assert.DoesNotContain(Uri.EscapeDataString(signature), logger.All);
        Assert.DoesNotContain("sig=", logger.All);
        Assert.DoesNotContain(AzuriteFixture.Key, logger.All);
    }

    [Fact]
    public async Task The_delivery_and_its_result_describe_themselves_without_the_sas()
    {
        var delivery = ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer()));

        var prepared = await delivery.PrepareAsync(Script, Cancel);
        var signature = Query(prepared.ResourceFiles[0].HttpUrl!)["sig"];

        foreach (var text in new[] { prepared.ToString(), delivery.ToString()!, prepared.ResourceFiles[0].ToString()! })
        {
            Assert.DoesNotContain(signature, text);
            Assert.DoesNotContain(Uri.EscapeDataString(signature), text);
            Assert.DoesNotContain("sig=", text);
            Assert.DoesNotContain(AzuriteFixture.Key, text);
        }
        Assert.Equal($"blob: {prepared.BlobUri} with a SAS of stored access policy 'clusterlesshpc-read' (redacted)", prepared.ToString());
    }

    [Fact]
    public async Task Applying_a_delivery_replaces_the_previous_one_and_keeps_the_tasks_own_settings_and_files()
    {
        var blob = await ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer())).PrepareAsync(Script, Cancel);
        var task = new BatchModels.BatchStartTask
        {
            EnvironmentSettings = [new BatchModels.EnvironmentSetting { Name = "MINE", Value = "1" }],
            ResourceFiles = [new BatchModels.ResourceFile { HttpUrl = "https://example.org/data.txt", FilePath = "data.txt" }],
        };

        InlineDelivery.Prepare(Script).ApplyTo(task);
        blob.ApplyTo(task);
        var afterBlob = (task.CommandLine, Names: task.EnvironmentSettings!.Select(e => e.Name).ToList(), Files: task.ResourceFiles!.Select(f => f.FilePath).ToList());
        InlineDelivery.Prepare(Script).ApplyTo(task);

        Assert.Equal(BlobDelivery.CommandLine, afterBlob.CommandLine);
        Assert.Equal(new[] { "MINE", BlobDelivery.HashVariable }, afterBlob.Names);
        Assert.Equal(new[] { "data.txt", InlineScriptDelivery.ScriptFileName }, afterBlob.Files);
        Assert.Equal(InlineScriptDelivery.CommandLine, task.CommandLine);
        Assert.Equal(new[] { "MINE", InlineScriptDelivery.ScriptVariable }, task.EnvironmentSettings!.Select(e => e.Name));
        Assert.Equal(new[] { "data.txt" }, task.ResourceFiles!.Select(f => f.FilePath));
        Assert.Equal(Script, InlineScriptDelivery.TryDecode(task));
    }

    private static BatchModels.BatchStartTask StartTask(StartTaskScript prepared)
    {
        var task = new BatchModels.BatchStartTask();
        prepared.ApplyTo(task);
        return task;
    }

    private static BlobSignedIdentifier Policy(string id, string permissions, DateTimeOffset expires) =>
        new() { Id = id, AccessPolicy = new BlobAccessPolicy { Permissions = permissions, PolicyExpiresOn = expires } };

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMinutes(5), expected + TimeSpan.FromMinutes(5));

    private async Task<List<BlobSignedIdentifier>> PoliciesAsync(string container) =>
        [.. (await _azurite.Service.GetBlobContainerClient(container).GetAccessPolicyAsync(cancellationToken: Cancel)).Value.SignedIdentifiers];

    private async Task<List<string>> BlobsAsync(string container)
    {
        var names = new List<string>();
        await foreach (var item in _azurite.Service.GetBlobContainerClient(container).GetBlobsAsync(cancellationToken: Cancel)) names.Add(item.Name);
        return names;
    }

    private static async Task<string> DownloadAsync(string url) => await Http.GetStringAsync(url, Cancel);

    private static async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await Http.GetAsync(url, Cancel);
        return response.StatusCode;
    }
}
