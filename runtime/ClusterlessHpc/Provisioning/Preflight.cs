using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Checks a marketplace image and node agent against the account's supported images before a pool is created,
    /// so an unsupported pair fails with the closest supported one named, not as a failed create.
    /// Custom images are not in that list and are not checked here.
    /// </summary>
    internal sealed class Preflight
    {
        private readonly BatchClient _client;
        private readonly SemaphoreSlim _gate = new(1, 1);
        private IReadOnlyList<BatchSupportedImage>? _images;

        public Preflight(BatchClient client) => _client = client;

        public async Task CheckAsync(BatchPoolCreateOptions request, CancellationToken cancellationToken)
        {
            var configuration = request.VirtualMachineConfiguration;
            var image = configuration?.ImageReference;
            if (configuration is null || image?.Publisher is null || image.Offer is null || image.Sku is null) return;

            var supported = await SupportedImagesAsync(cancellationToken).ConfigureAwait(false);
            if (supported.Count == 0) return;
            if (supported.Any(s => Same(s.ImageReference?.Publisher, image.Publisher) && Same(s.ImageReference?.Offer, image.Offer) &&
                                   Same(s.ImageReference?.Sku, image.Sku) && Same(s.NodeAgentSkuId, configuration.NodeAgentSkuId)))
            {
                return;
            }

            var wanted = Describe(image.Publisher, image.Offer, image.Sku, configuration.NodeAgentSkuId);
            var closest = supported
                .Select(s => (Image: s, Text: Describe(s.ImageReference?.Publisher, s.ImageReference?.Offer, s.ImageReference?.Sku, s.NodeAgentSkuId)))
                .OrderBy(s => Distance(s.Text.ToLowerInvariant(), wanted.ToLowerInvariant()))
                .First();
            throw new PreflightException(request.Id, wanted, closest.Text);
        }

        private async Task<IReadOnlyList<BatchSupportedImage>> SupportedImagesAsync(CancellationToken cancellationToken)
        {
            if (_images is not null) return _images;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_images is null)
                {
                    var images = new List<BatchSupportedImage>();
                    await foreach (var image in _client.GetSupportedImagesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) images.Add(image);
                    _images = images;
                }
                return _images;
            }
            finally
            {
                _gate.Release();
            }
        }

        private static string Describe(string? publisher, string? offer, string? sku, string? agent) => $"{publisher}:{offer}:{sku} with '{agent}'";

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>Edit distance: the closest supported image is the one a typo most likely meant.</summary>
        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }

    /// <summary>The account does not support the pool's image with its node agent; nothing was created.</summary>
    public sealed class PreflightException : Exception
    {
        public PreflightException(string poolId, string image, string closest)
            : base($"Pool '{poolId}': the Batch account does not support {image}. The closest supported image is {closest}.")
        {
            PoolId = poolId;
            Image = image;
            Closest = closest;
        }

        public string PoolId { get; }
        public string Image { get; }
        public string Closest { get; }
    }
}
