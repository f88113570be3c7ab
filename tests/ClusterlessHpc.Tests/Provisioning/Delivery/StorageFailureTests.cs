using Azure;
using Azure.Storage.Blobs;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>A storage request that fails names the storage account it went to, so that it is never taken for Batch's.</summary>
public sealed class StorageFailureTests
{
    [Fact]
    public async Task A_storage_account_that_cannot_be_reached_is_named_on_the_failure()
    {
        // A closed port, no retries: the failure comes at once.
        var options = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } };
        var key = Convert.ToBase64String(new byte[64]);
        var container = new BlobContainerClient(new Uri("http://127.0.0.1:1/devstoreaccount1/scripts"), new Azure.Storage.StorageSharedKeyCredential("devstoreaccount1", key), options);
        var delivery = new BlobDelivery(container);

        var manifest = await Assert.ThrowsAsync<RequestFailedException>(() => delivery.ReadResolvedManifestAsync("0123456789abcdef"));
        var policy = await Assert.ThrowsAsync<RequestFailedException>(() => delivery.EnsureAccessPolicyAsync());
        var script = await Assert.ThrowsAsync<RequestFailedException>(() => delivery.PrepareAsync("#!/bin/bash\necho hi\n"));

        Assert.All([manifest, policy, script], e =>
        {
            Assert.Equal(0, e.Status);
            Assert.Equal("http://127.0.0.1:1", e.Data[BlobDelivery.StorageAccountDataKey]);
        });
    }
}
