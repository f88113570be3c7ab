using System;
using System.IO;
using Azure;
using Azure.Identity;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Cli
{
    /// <summary>What chpc makes of a failure: its exit code, and the error code of a failure of one pool's work (null: the whole command's).</summary>
    internal readonly record struct Failure(int ExitCode, string? PoolErrorCode);

    /// <summary>Turns the failures a command can meet into one message on standard error and the design's exit code.</summary>
    internal static class CliErrors
    {
        /// <summary>Reports <paramref name="exception"/> when it is one a user can act on; false otherwise (see <see cref="ReportUnexpected"/>).</summary>
        /// <param name="target">What the command was working on, so a Batch error can name it.</param>
        public static bool TryReport(CliConsole console, Exception exception, out int exitCode, BatchTarget? target = null)
        {
            // Azure.Core's retries end in an AggregateException of the failed tries; the last one says what happened.
            if (exception is AggregateException { InnerExceptions: [.., RequestFailedException last] }) exception = last;
            var failure = Classify(exception);
            exitCode = failure?.ExitCode ?? -1;
            if (exitCode < 0) return false;
            console.Error.WriteLine(Describe(exception, target));
            return true;
        }

        /// <summary>
        /// The one map from a failure to what chpc makes of it: the exit code, and for a failure of one pool's work (which
        /// apply reports per pool, letting the other pools go on) the error code it names; null for a failure no command
        /// expects (see <see cref="ReportUnexpected"/>).
        /// </summary>
        public static Failure? Classify(Exception exception) => exception switch
        {
            CliException cli => new(cli.ExitCode, null),
            StartTaskFailedException => new(ExitCodes.OperationFailed, "StartTaskFailed"),
            PoolProvisioningException e => new(ExitCodes.OperationFailed, e.Code),
            PreflightException => new(ExitCodes.InvalidInput, "UnsupportedImage"),
            NodeAgentRetiredException => new(ExitCodes.InvalidInput, "NodeAgentRetired"),
            ScriptDeliveryException => new(ExitCodes.InvalidInput, "ScriptDelivery"),
            PoolDriftException => new(ExitCodes.OperationFailed, "PoolDrift"),
            TimeoutException => new(ExitCodes.OperationFailed, "Timeout"),
            MissingSettingException => new(ExitCodes.InvalidInput, "MissingSetting"),
            RequestFailedException e => new(ExitCodes.OperationFailed, e.ErrorCode ?? "RequestFailed"),
            PoolDefinitionException => new(ExitCodes.InvalidInput, null),
            AuthenticationFailedException or CredentialUnavailableException or OperationCanceledException => new(ExitCodes.OperationFailed, null),
            _ => null,
        };

        /// <summary>
        /// A cancelled command (Ctrl+C, SIGTERM): with what the operation says it left behind (a pool that keeps allocating, a
        /// job whose tasks keep running) when it says so; the runtime's own cancellation message says nothing worth repeating.
        /// </summary>
        private static string Cancelled(OperationCanceledException e) =>
            e.Message.Length > 0 && !RuntimeCancellationMessages.Contains(e.Message) ? "error: cancelled: " + e.Message : "error: cancelled";

        /// <summary>What the runtime's own cancellations say ("The operation was canceled.", "A task was canceled.").</summary>
        private static readonly string[] RuntimeCancellationMessages =
            [new OperationCanceledException().Message, new System.Threading.Tasks.TaskCanceledException().Message];

        /// <summary>The one-line (or, for a drift report, few-line) message of a failure.</summary>
        /// <param name="target">What the command was working on, so a Batch error can name it.</param>
        public static string Describe(Exception exception, BatchTarget? target = null) => exception switch
        {
            RequestFailedException { Status: 0 } e when e.Data[BlobDelivery.StorageAccountDataKey] is string storage =>
                $"error: the blob storage account {storage} cannot be reached: {Innermost(e).Message}",
            RequestFailedException e when e.Data[BlobDelivery.StorageAccountDataKey] is string storage =>
                $"error {e.ErrorCode ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)} from the blob storage account {storage}: {FirstLine(e)}",
            RequestFailedException { Status: 0 } e => $"error: the Batch service cannot be reached: {Innermost(e).Message}",
            RequestFailedException { ErrorCode: "PoolNotFound" } when target?.PoolId is { } pool =>
                $"error PoolNotFound: the account has no pool '{pool}' ('chpc status' lists its pools).",
            RequestFailedException { ErrorCode: "NodeNotFound" } when target is { PoolId: { } pool, NodeId: { } node } =>
                $"error NodeNotFound: pool '{pool}' has no node '{node}' ('chpc nodes {pool}' lists its nodes).",
            RequestFailedException { ErrorCode: "JobNotFound" } when target?.JobId is { } job =>
                $"error JobNotFound: the account has no job '{job}' ('chpc jobs' lists its jobs).",
            RequestFailedException { ErrorCode: "TaskNotFound" } when target is { JobId: { } job, TaskId: { } task } =>
                $"error TaskNotFound: job '{job}' has no task '{task}' ('chpc tasks {job}' lists its tasks).",
            RequestFailedException { ErrorCode: "AuthenticationFailed" } e when target?.Account is { Key: not null } account =>
                $"error AuthenticationFailed: Batch refused the request's Shared Key signature ({Detail(e)}). " +
                $"Check the account key and the account name ('{account.Name}'): the signature is made with both.",
            RequestFailedException e => $"error {e.ErrorCode ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {FirstLine(e)}",
            PoolDriftException e => $"error: pool '{e.PoolId}' " + Commands.Provisioners.Describe(e.Plan),
            PoolDefinitionException e => string.Join(Environment.NewLine, e.Diagnostics),
            PoolProvisioningException e => $"error {e.Code}: {e.Message}",
            OperationCanceledException e => Cancelled(e),
            AuthenticationFailedException or CredentialUnavailableException => $"error: cannot sign in to Batch: {SignInFailure(exception)}",
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

        /// <summary>Azure.Identity's line ("ClientSecretCredential authentication failed: ..."), with the sign-in service's reason when it is only in the inner exception.</summary>
        private static string SignInFailure(Exception e)
        {
            var line = FirstLine(e).TrimEnd();
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            {
                var reason = FirstLine(inner).Trim();
                if (reason.Length > 0 && !line.Contains(reason, StringComparison.Ordinal)) line = line.TrimEnd(':', ' ') + ": " + reason;
            }
            return line;
        }

        /// <summary>The service's own reason for refusing a request, when it gives one on one line; else its message.</summary>
        private static string Detail(RequestFailedException e) =>
            e.Data["AuthenticationErrorDetail"] is string { Length: > 0 and <= 200 } detail && !detail.Contains('\n', StringComparison.Ordinal)
                ? detail.TrimEnd('.')
                : FirstLine(e).TrimEnd('.');

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException is not null) exception = exception.InnerException;
            return exception;
        }
    }
}
