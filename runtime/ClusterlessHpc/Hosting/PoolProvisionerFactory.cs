using System;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterlessHpc.Hosting
{
    /// <summary>
    /// Makes provisioners configured as the application is: its timeout, its script delivery and storage, and the
    /// settings that hold the secrets pools name. Hosting's startup provisioning and <c>chpc</c> both get their
    /// provisioners here, so a pool is provisioned the same way from either.
    /// </summary>
    public sealed class PoolProvisionerFactory
    {
        private readonly ClusterlessHpcOptions _options;
        private readonly Func<string, string?> _settings;
        private readonly TimeProvider _time;
        private readonly Lazy<IScriptDelivery> _delivery;

        /// <summary>The application's options and configuration (registered by <c>AddClusterlessHpc</c>).</summary>
        public PoolProvisionerFactory(IOptions<ClusterlessHpcOptions> options, IConfiguration configuration, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
            : this(
                (options ?? throw new ArgumentNullException(nameof(options))).Value,
                Lookup(configuration ?? throw new ArgumentNullException(nameof(configuration))),
                loggerFactory?.CreateLogger("ClusterlessHpc.Provisioning"),
                time)
        {
        }

        /// <param name="options">The options, as the <c>ClusterlessHpc</c> section binds them.</param>
        /// <param name="settings">Reads a configuration key (a pool's secret settings); null or empty when it has no value.</param>
        /// <param name="logger">Where the script delivery logs uploads and policy changes (never a secret).</param>
        /// <param name="time">The clock of the provisioners' waits and timestamps; the system's by default.</param>
        public PoolProvisionerFactory(ClusterlessHpcOptions options, Func<string, string?> settings, ILogger? logger = null, TimeProvider? time = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _time = time ?? TimeProvider.System;
            // Made once, on first use: a storage configuration that cannot work fails the provisioning that needs it
            // (a pool at startup, a chpc command), not the application's start.
            _delivery = new Lazy<IScriptDelivery>(() => ScriptDeliveryFactory.Create(_options, logger: logger, timeProvider: _time));
        }

        /// <summary>A provisioner on <paramref name="client"/>; <paramref name="configure"/> changes its options last.</summary>
        /// <exception cref="ScriptDeliveryException">The delivery or storage configuration cannot work (the message says which settings).</exception>
        public PoolProvisioner Create(BatchClient client, Action<PoolProvisionerOptions>? configure = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            var options = new PoolProvisionerOptions
            {
                Timeout = _options.ProvisioningTimeout,
                StallThreshold = _options.StallThreshold,
                Settings = key => _settings(key) is { Length: > 0 } value ? value : null,
                ScriptDelivery = _delivery.Value,
                TimeProvider = _time,
            };
            configure?.Invoke(options);
            return new PoolProvisioner(client, options);
        }

        /// <summary>
        /// A job runner on <paramref name="client"/> configured as the provisioners are: their script delivery and storage
        /// (for Julia scripts too large to travel inline) and their clock; <paramref name="configure"/> changes its options last.
        /// </summary>
        /// <exception cref="ScriptDeliveryException">The delivery or storage configuration cannot work (the message says which settings).</exception>
        public PoolJobRunner CreateJobRunner(BatchClient client, Action<PoolJobRunnerOptions>? configure = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            var options = new PoolJobRunnerOptions { ScriptDelivery = _delivery.Value, TimeProvider = _time };
            configure?.Invoke(options);
            return new PoolJobRunner(client, options);
        }

        private static Func<string, string?> Lookup(IConfiguration configuration) => key => configuration[key];
    }
}
