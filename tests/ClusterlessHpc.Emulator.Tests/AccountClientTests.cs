using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using ClusterlessHpc.Images;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Supported images (the image catalogue) and pool node counts, through the real client.</summary>
    public sealed class AccountClientTests : IClassFixture<DefaultEmulatorFixture>
    {
        private readonly DefaultEmulatorFixture _fixture;

        public AccountClientTests(DefaultEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task Supported_images_are_the_catalogues_images_whose_node_agent_is_not_retired()
        {
            var images = await ImagesAsync();

            var expected = ImageCatalogue.Images.Where(i => ImageCatalogue.FindNodeAgent(i.NodeAgentSkuId)?.IsRetired == false).ToList();
            Assert.Equal(expected.Count, images.Count);
            var ubuntu = Assert.Single(images, i => i.ImageReference.Sku == ImageCatalogue.DefaultLinux.Sku && i.ImageReference.Offer == ImageCatalogue.DefaultLinux.Offer);
            Assert.Equal((ImageCatalogue.DefaultLinux.NodeAgentSkuId, OSType.Linux, ImageVerificationType.Verified), (ubuntu.NodeAgentSkuId, ubuntu.OsType, ubuntu.VerificationType));
            Assert.Contains(images, i => i.Capabilities?.Contains("DockerCompatible") == true);
            Assert.Contains(images, i => i.NodeAgentSkuId == "batch.node.ubuntu 22.04" && i.BatchSupportEndOfLife == new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero));
            Assert.DoesNotContain(images, i => i.NodeAgentSkuId == "batch.node.ubuntu 20.04");
        }

        [Fact]
        public async Task Supported_images_filter_on_os_type_and_page()
        {
            var windows = await ImagesAsync("osType eq 'windows'");
            var pages = new List<int>();
            await foreach (var page in Client.GetSupportedImagesAsync(maxResults: 3, cancellationToken: Cancel).AsPages()) pages.Add(page.Values.Count);

            Assert.NotEmpty(windows);
            Assert.All(windows, i => Assert.Equal(OSType.Windows, i.OsType));
            Assert.True(pages.Count > 1);
            Assert.All(pages.SkipLast(1), count => Assert.Equal(3, count));
        }

        [Fact]
        public async Task Node_counts_count_each_pools_nodes_by_state_and_filter_on_the_pool()
        {
            var id = TestPools.UniqueId("counts");
            var pool = TestPools.Create(id, dedicatedNodes: 2);
            pool.TargetLowPriorityNodes = 1;
            await Client.CreatePoolAsync(pool, Cancel);

            var counts = new List<BatchPoolNodeCounts>();
            await foreach (var item in Client.GetPoolNodeCountsAsync($"poolId eq '{id}'", cancellationToken: Cancel)) counts.Add(item);

            var only = Assert.Single(counts);
            Assert.Equal(id, only.PoolId);
            Assert.Equal((2, 2), (only.Dedicated!.Creating, only.Dedicated.Total));
            Assert.Equal((1, 1, 0), (only.LowPriority!.Creating, only.LowPriority.Total, only.LowPriority.Idle));
        }

        private async Task<List<BatchSupportedImage>> ImagesAsync(string? filter = null)
        {
            var images = new List<BatchSupportedImage>();
            await foreach (var image in Client.GetSupportedImagesAsync(filter, cancellationToken: Cancel)) images.Add(image);
            return images;
        }
    }
}
