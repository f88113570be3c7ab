using System;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// The startup script cannot be delivered as configured. The message says which settings to change; it never
    /// holds a key, a connection string or a SAS.
    /// </summary>
    public class ScriptDeliveryException : Exception
    {
        public ScriptDeliveryException(string message)
            : base(message)
        {
        }

        public ScriptDeliveryException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
