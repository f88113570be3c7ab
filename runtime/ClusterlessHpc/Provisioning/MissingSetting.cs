namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// A configuration key a definition names for a secret (<c>PasswordSetting</c>, <c>AccountKeySetting</c>, ...) that
    /// has no value. It names the key and what the secret is for, never a value.
    /// </summary>
    public sealed record MissingSetting(string PoolId, string SettingKey, string UsedFor)
    {
        public override string ToString() => $"Pool '{PoolId}' needs configuration setting '{SettingKey}' ({UsedFor}), but it has no value.";
    }
}
