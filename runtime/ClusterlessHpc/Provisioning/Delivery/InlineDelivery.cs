using System;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// Inline delivery through <see cref="InlineScriptDelivery"/>: the script, gzip + base64, in one environment
    /// setting of the start task, unpacked and run by <see cref="InlineScriptDelivery.CommandLine"/>. No storage,
    /// nothing that expires. Up to <see cref="MaxEncodedLength"/> characters of encoded text.
    /// </summary>
    public sealed class InlineDelivery : IScriptDelivery
    {
        /// <summary>
        /// The largest encoded script (the environment setting's value) sent inline: 64 KiB. Linux refuses to start a
        /// process whose environment holds one string ("NAME=value") of more than MAX_ARG_STRLEN = 131072 bytes, so
        /// the node agent could not start the task at all; the setting is also stored in the pool, echoed by every
        /// pool read and diffed by every re-apply. Half the kernel's limit leaves room for the agent's own variables
        /// and any later growth of the name, and still holds a few hundred KiB of script (bash compresses 3-5x).
        /// </summary>
        public const int MaxEncodedLength = 64 * 1024;

        /// <summary>The one inline delivery; it holds no state.</summary>
        public static InlineDelivery Instance { get; } = new();

        private InlineDelivery()
        {
        }

        /// <inheritdoc />
        /// <exception cref="InlineScriptTooLargeException">The encoded script is above <see cref="MaxEncodedLength"/>.</exception>
        public Task<StartTaskScript> PrepareAsync(string script, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Prepare(script));
        }

        /// <summary>The inline start-task pieces for <paramref name="script"/>.</summary>
        /// <exception cref="InlineScriptTooLargeException">The encoded script is above <see cref="MaxEncodedLength"/>.</exception>
        public static StartTaskScript Prepare(string script)
        {
            var content = new ScriptContent(script);
            return TryPrepare(content, out var encodedLength)
                ?? throw new InlineScriptTooLargeException(content.Bytes.Length, encodedLength,
                    "Set ClusterlessHpc:Delivery to Auto or Blob and configure blob storage (" + ScriptDeliveryFactory.StorageSettings + ").");
        }

        /// <summary>Whether <paramref name="script"/> fits inline, with the length of its encoded form.</summary>
        public static bool Fits(string script, out int encodedLength) => TryPrepare(new ScriptContent(script), out encodedLength) is not null;

        internal static StartTaskScript? TryPrepare(ScriptContent content, out int encodedLength)
        {
            var encoded = InlineScriptDelivery.Encode(content.Text);
            encodedLength = encoded.Length;
            if (encoded.Length > MaxEncodedLength) return null;
            return new StartTaskScript(
                ScriptDelivery.Inline,
                content.Sha256,
                content.Bytes.Length,
                InlineScriptDelivery.CommandLine,
                [new EnvironmentSetting { Name = InlineScriptDelivery.ScriptVariable, Value = encoded }],
                Array.Empty<ResourceFile>());
        }
    }
}
