using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// <c>Delivery = Auto</c>: inline when the encoded script fits <see cref="InlineDelivery.MaxEncodedLength"/>,
    /// else blob; without blob storage a script that does not fit is an error naming the settings to add.
    /// </summary>
    public sealed class AutoDelivery : IScriptDelivery
    {
        private readonly BlobDelivery? _blob;
        private readonly ILogger _logger;

        /// <param name="blob">Blob delivery for scripts above the inline limit, or null when no storage is configured.</param>
        /// <param name="logger">Where the choice of blob is logged.</param>
        public AutoDelivery(BlobDelivery? blob, ILogger? logger = null)
        {
            _blob = blob;
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>The blob delivery used above the inline limit, or null.</summary>
        public BlobDelivery? Blob => _blob;

        /// <inheritdoc />
        public async Task<StartTaskScript> PrepareAsync(string script, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = new ScriptContent(script);
            if (InlineDelivery.TryPrepare(content, out var encodedLength) is { } inline) return inline;
            if (_blob is null)
            {
                throw new InlineScriptTooLargeException(content.Bytes.Length, encodedLength,
                    "Configure blob storage so that larger scripts go by blob: " + ScriptDeliveryFactory.StorageSettings + ".");
            }
            DeliveryLogEvents.ChoseBlob(_logger, content.Bytes.Length, encodedLength, InlineDelivery.MaxEncodedLength);
            return await _blob.PrepareAsync(content, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// As <see cref="PrepareAsync(string, CancellationToken)"/>; with blob storage configured, the nodes also get the
        /// shared install of <paramref name="sharedInstall"/>, however the script itself travels.
        /// </summary>
        internal async Task<StartTaskScript> PrepareAsync(string script, SharedInstallBlobs.Names? sharedInstall, CancellationToken cancellationToken)
        {
            var prepared = await PrepareAsync(script, cancellationToken).ConfigureAwait(false);
            if (_blob is null || sharedInstall is null) return prepared;
            return prepared.WithSharedInstall(await _blob.SharedInstallSettingsAsync(sharedInstall, cancellationToken).ConfigureAwait(false));
        }

        public override string ToString() => "inline, else " + (_blob?.ToString() ?? "(no blob storage configured)");
    }
}
