using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>Runs <c>bash -n</c> (parse, do not execute) on a script fed through standard input.</summary>
    internal static class BashSyntaxCheck
    {
        public static async Task<(int ExitCode, string StandardError)> RunAsync(string script, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            };
            start.ArgumentList.Add("-n");

            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
            try
            {
                var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
                var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
                try
                {
                    await process.StandardInput.WriteAsync(script.AsMemory(), cancellationToken).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // bash stops reading at the first syntax error; its exit code still tells.
                }
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                await standardOutput.ConfigureAwait(false);
                return (process.ExitCode, await standardError.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited meanwhile.
                }
                throw;
            }
        }
    }
}
