using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A configuration key the definition names for a secret has no value. The message names the key, never a value.</summary>
    public sealed class MissingSettingException : Exception
    {
        public MissingSettingException(string settingKey, string usedFor, string poolId)
            : base($"Pool '{poolId}' needs configuration setting '{settingKey}' ({usedFor}), but it has no value.")
        {
            SettingKey = settingKey;
        }

        public string SettingKey { get; }
    }
}
