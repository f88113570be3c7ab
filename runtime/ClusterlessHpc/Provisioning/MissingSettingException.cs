using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A configuration key the definition names for a secret has no value. The message names the key, never a value.</summary>
    public sealed class MissingSettingException : Exception
    {
        public MissingSettingException(string settingKey, string usedFor, string poolId)
            : this(new MissingSetting(poolId, settingKey, usedFor))
        {
        }

        public MissingSettingException(MissingSetting setting)
            : base((setting ?? throw new ArgumentNullException(nameof(setting))).ToString())
        {
            Setting = setting;
        }

        /// <summary>Which setting, of which pool, for what.</summary>
        public MissingSetting Setting { get; }

        public string SettingKey => Setting.SettingKey;
    }
}
