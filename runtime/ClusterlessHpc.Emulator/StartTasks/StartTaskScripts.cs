using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Finds the bash text a start task would run, so that it can be syntax-checked:
    /// <list type="number">
    /// <item>the script a ClusterlessHpc start task carries inline (<see cref="InlineScriptDelivery.TryDecode"/>);</item>
    /// <item>otherwise, when the command line is <c>bash</c> or <c>sh</c> (any path) with <c>-c X</c> (options such as
    /// <c>-e</c>, <c>-o pipefail</c> or <c>-ec</c> allowed before it), the text X.</item>
    /// </list>
    /// Any other command line has nothing to check and is assumed to succeed. A command line with an unclosed quote
    /// cannot be split into arguments and fails as a shell would, with exit code 2.
    /// </summary>
    internal static class StartTaskScripts
    {
        /// <summary>The exit code of bash on a syntax error, used for an unsplittable command line too.</summary>
        public const int SyntaxErrorExitCode = 2;

        /// <returns>The script to check, or null with the exit code the start task ends with unchecked.</returns>
        public static (string? Script, int ExitCode) Find(BatchStartTask startTask)
        {
            var inline = InlineScriptDelivery.TryDecode(startTask);
            if (inline is not null) return (inline, 0);
            if (!CommandLineSplitter.TrySplit(startTask.CommandLine, out var arguments)) return (null, SyntaxErrorExitCode);
            return (ShellCommandOf(arguments), 0);
        }

        /// <summary>The X of <c>bash -c X</c> or <c>sh -c X</c>, or null.</summary>
        internal static string? ShellCommandOf(IReadOnlyList<string> arguments)
        {
            if (arguments.Count < 2) return null;
            var program = arguments[0];
            var name = program[(program.LastIndexOf('/') + 1)..];
            if (name is not ("bash" or "sh")) return null;

            for (var i = 1; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                // An operand (a script file) or "--" ends the options without any -c.
                if (argument == "--" || argument.Length < 2 || argument[0] is not ('-' or '+')) return null;
                if (argument.StartsWith("--", StringComparison.Ordinal)) continue;
                if (argument is "-o" or "+o" or "-O" or "+O")
                {
                    i++;
                    continue;
                }
                if (argument[0] == '-' && argument.Contains('c', StringComparison.Ordinal))
                {
                    return i + 1 < arguments.Count ? arguments[i + 1] : null;
                }
            }
            return null;
        }
    }
}
