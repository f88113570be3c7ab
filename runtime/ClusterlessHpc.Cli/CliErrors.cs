using System;
using System.IO;
using Azure;
using Azure.Identity;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli
{
    /// <summary>Turns the failures a command can meet into one message on standard error and the design's exit code.</summary>
    internal static class CliErrors
    {
        /// <summary>Reports <paramref name="exception"/> when it is one a user can act on; false for bugs, which should crash loudly.</summary>
        public static bool TryReport(CliConsole console, Exception exception, out int exitCode)
        {
            // Azure.Core's retries end in an AggregateException of the failed tries; the last one says what happened.
            if (exception is AggregateException { InnerExceptions: [.., RequestFailedException last] }) exception = last;
            exitCode = exception switch
            {
                CliException cli => cli.ExitCode,
                PoolDefinitionException or MissingSettingException or PreflightException or ClusterlessHpc.Provisioning.Delivery.ScriptDeliveryException => ExitCodes.InvalidInput,
                PoolProvisioningException => ExitCodes.OperationFailed,
                RequestFailedException or AuthenticationFailedException or CredentialUnavailableException => ExitCodes.OperationFailed,
                StartTaskFailedException or PoolDriftException or TimeoutException or OperationCanceledException => ExitCodes.OperationFailed,
                _ => -1,
            };
            if (exitCode < 0) return false;
            console.Error.WriteLine(Describe(exception));
            return true;
        }

        /// <summary>The one-line (or, for a drift report, few-line) message of a failure.</summary>
        public static string Describe(Exception exception) => exception switch
        {
            RequestFailedException { Status: 0 } e => $"error: the Batch service cannot be reached: {Innermost(e).Message}",
            RequestFailedException e => $"error {e.ErrorCode ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {FirstLine(e)}",
            PoolDefinitionException e => string.Join(Environment.NewLine, e.Diagnostics),
            PoolProvisioningException e => $"error {e.Code}: {e.Message}",
            OperationCanceledException => "error: cancelled",
            AuthenticationFailedException or CredentialUnavailableException => $"error: cannot sign in to Batch: {FirstLine(exception)}",
            _ => "error: " + exception.Message,
        };

        /// <summary>
        /// A failure no command expected (a bug, or a service answering what Batch never does): one line and exit 2, so a
        /// user sees what happened without a stack trace; <paramref name="verbose"/> adds it, for a bug report.
        /// </summary>
        public static int ReportUnexpected(CliConsole console, Exception exception, bool verbose, string[] args)
        {
            if (exception is OperationCanceledException)
            {
                console.Error.WriteLine(Describe(exception));
                return ExitCodes.OperationFailed;
            }
            var line = $"error: unexpected failure ({exception.GetType().Name}): {FirstLine(exception)}";
            console.Error.WriteLine(Secrets.Redact(line, args) + (verbose ? "" : $" (run again with {Chpc.VerboseOption} for its stack trace)"));
            if (verbose) console.Error.WriteLine(Secrets.Redact(exception.ToString(), args));
            return ExitCodes.OperationFailed;
        }

        /// <summary>The first line of a message: Batch messages go on with the request id and time, Azure.Core's with the response.</summary>
        public static string FirstLine(Exception exception)
        {
            using var reader = new StringReader(exception.Message);
            return reader.ReadLine() ?? "";
        }

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException is not null) exception = exception.InnerException;
            return exception;
        }
    }
}
