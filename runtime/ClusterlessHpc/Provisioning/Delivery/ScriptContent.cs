using System;
using System.Security.Cryptography;
using System.Text;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>A script as the node receives it: its UTF-8 bytes (no byte-order mark) and their SHA-256.</summary>
    internal sealed class ScriptContent
    {
        public ScriptContent(string script)
        {
            ArgumentNullException.ThrowIfNull(script);
            Text = script;
            Bytes = Encoding.UTF8.GetBytes(script);
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Bytes));
        }

        public string Text { get; }

        public byte[] Bytes { get; }

        /// <summary>Lower-case hex.</summary>
        public string Sha256 { get; }
    }
}
