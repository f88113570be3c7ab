using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// What the Batch agent does with a start task's or a task's command line once its directory is ready, the same for
    /// both: the resource files downloaded into the working directory, the command line split into arguments without a
    /// shell, its program found in the working directory or the node's PATH, the program run in the node's sandbox (its
    /// process tree killed when cancelled). The exit code is the outcome, or the failure the agent would report.
    /// </summary>
    internal static class SandboxedCommand
    {
        /// <exception cref="OperationCanceledException">Cancelled: the process tree has been killed.</exception>
        public static async Task<(int? ExitCode, BatchTaskFailureInfo? Failure)> RunAsync(
            ResourceFileDownloader downloader,
            IEnumerable<ResourceFile> resourceFiles,
            string commandLine,
            NodeSandbox sandbox,
            int? uid,
            string? imageFolder,
            Sandbox.ProcessPaths paths,
            IReadOnlyDictionary<string, string> environment,
            string what,
            CancellationToken cancellationToken)
        {
            var failure = await downloader.DownloadAsync(resourceFiles, paths.WorkingDirectory, uid, cancellationToken).ConfigureAwait(false);
            if (failure is not null) return (null, failure);

            if (!CommandLineSplitter.TrySplit(commandLine, out var arguments) || arguments.Count == 0)
            {
                return (null, Failure("CommandLaunchFailed", "The command line cannot be split into arguments: it has an unclosed quote or is empty."));
            }
            var program = Sandbox.ResolveProgram(arguments[0], paths.WorkingDirectory);
            if (program is null)
            {
                return (null, Failure("CommandProgramNotFound", $"The program '{arguments[0]}' was not found in the working directory or on the PATH."));
            }
            var resolved = new string[arguments.Count];
            resolved[0] = program;
            for (var i = 1; i < arguments.Count; i++) resolved[i] = arguments[i];

            using var process = Process.Start(Sandbox.StartInfo(sandbox, uid, resolved, environment, imageFolder, paths))
                                ?? throw new InvalidOperationException($"The {what} process did not start.");
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                throw;
            }
            return (process.ExitCode, null);
        }

        public static BatchTaskFailureInfo Failure(string code, string message) =>
            new() { Category = BatchErrorSourceCategory.UserError, Code = code, Message = message };

        /// <summary>How long a killed process may take to be gone before its attempt is reported over all the same.</summary>
        private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Kills the process and everything it started, and waits until it has exited: an attempt the model is told is over
        /// must be over (a node's disk is wiped, or its start task run again, right after).
        /// </summary>
        private static void Kill(Process process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(KillWait);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
        }
    }
}
