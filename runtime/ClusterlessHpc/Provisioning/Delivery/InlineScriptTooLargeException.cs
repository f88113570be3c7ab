using System.Globalization;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>The script is above the inline limit and cannot go by blob (inline was chosen, or no storage is configured).</summary>
    public sealed class InlineScriptTooLargeException : ScriptDeliveryException
    {
        internal InlineScriptTooLargeException(int scriptLength, int encodedLength, string remedy)
            : base(string.Format(
                CultureInfo.InvariantCulture,
                "The startup script is {0} bytes, {1} characters compressed and base64-encoded: above the inline limit of {2} characters. {3}",
                scriptLength, encodedLength, InlineDelivery.MaxEncodedLength, remedy))
        {
            ScriptLength = scriptLength;
            EncodedLength = encodedLength;
        }

        /// <summary>The script's size in UTF-8 bytes.</summary>
        public int ScriptLength { get; }

        /// <summary>The length of its gzip + base64 form, the value of the inline environment setting.</summary>
        public int EncodedLength { get; }
    }
}
