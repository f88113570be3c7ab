namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// A credential value (a client secret, an account key, an instrumentation key). Every string form of it is
    /// redacted, so a secret interpolated into a message or log by mistake shows as <c>***</c>; code that must
    /// send it calls <see cref="Reveal"/>.
    /// </summary>
    public sealed class LegacySecret
    {
        public const string Redacted = "***";

        private readonly string _value;

        internal LegacySecret(string value) => _value = value;

        /// <summary>The secret itself: pass it to the credential that needs it, never to a message.</summary>
        public string Reveal() => _value;

        public override string ToString() => Redacted;
    }
}
