using System;

namespace ClusterlessHpc.Cli
{
    /// <summary>A failure the user can act on: its message is printed as <c>error: message</c> and it ends the command with <see cref="ExitCode"/>.</summary>
    internal sealed class CliException : Exception
    {
        public CliException(int exitCode, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }
}
