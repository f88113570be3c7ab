using System.Security.Cryptography;
using System.Text;

namespace ClusterlessHpc.Scripts
{
    /// <summary>Short, stable content hashes (SHA-256, hex) used as install markers and pool metadata.</summary>
    internal static class ContentHash
    {
        public static string Of(string text, int hexLength = 16)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var builder = new StringBuilder(digest.Length * 2);
            foreach (var b in digest) builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return builder.ToString(0, hexLength);
        }
    }
}
