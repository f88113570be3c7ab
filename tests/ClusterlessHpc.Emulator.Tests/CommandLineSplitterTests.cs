using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.StartTasks;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Command lines split into arguments as a POSIX shell would, without expanding anything.</summary>
    public sealed class CommandLineSplitterTests
    {
        [Theory]
        [InlineData("a b  c", new[] { "a", "b", "c" })]
        [InlineData("  leading\tand\ntrailing  ", new[] { "leading", "and", "trailing" })]
        [InlineData("/bin/bash -c 'echo hello world'", new[] { "/bin/bash", "-c", "echo hello world" })]
        [InlineData("'it''s' joined", new[] { "its", "joined" })]
        [InlineData("'a \\n b'", new[] { "a \\n b" })]
        [InlineData("\"say \\\"hi\\\" to $USER\"", new[] { "say \"hi\" to $USER" })]
        [InlineData("\"keep \\n and \\\\\"", new[] { "keep \\n and \\" })]
        [InlineData("one\\ argument", new[] { "one argument" })]
        [InlineData("a\\'b", new[] { "a'b" })]
        [InlineData("x '' \"\" y", new[] { "x", "", "", "y" })]
        [InlineData("mixed'single'\"double\"bare", new[] { "mixedsingledoublebare" })]
        [InlineData("continued\\\nline", new[] { "continuedline" })]
        [InlineData("", new string[0])]
        public void Splits_like_a_posix_shell(string commandLine, string[] expected)
        {
            Assert.True(CommandLineSplitter.TrySplit(commandLine, out var arguments));
            Assert.Equal(expected, arguments);
        }

        [Theory]
        [InlineData("/bin/bash -c 'unclosed")]
        [InlineData("echo \"unclosed")]
        [InlineData("echo \"escaped quote does not close \\\"")]
        public void An_unclosed_quote_cannot_be_split(string commandLine)
        {
            Assert.False(CommandLineSplitter.TrySplit(commandLine, out _));
        }

        [Fact]
        public void The_inline_delivery_command_line_splits_into_bash_c_and_one_script()
        {
            Assert.True(CommandLineSplitter.TrySplit(InlineScriptDelivery.CommandLine, out var arguments));

            Assert.Equal(3, arguments.Count);
            Assert.Equal("/bin/bash", arguments[0]);
            Assert.Equal("-c", arguments[1]);
            Assert.StartsWith("set -euo pipefail;", arguments[2], System.StringComparison.Ordinal);
            Assert.Contains("\"$" + InlineScriptDelivery.ScriptVariable + "\"", arguments[2], System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(new[] { "/bin/bash", "-c", "echo hi" }, "echo hi")]
        [InlineData(new[] { "/bin/sh", "-c", "echo hi" }, "echo hi")]
        [InlineData(new[] { "bash", "-e", "-o", "pipefail", "-c", "x" }, "x")]
        [InlineData(new[] { "/usr/bin/bash", "-ec", "y" }, "y")]
        [InlineData(new[] { "/bin/bash", "--norc", "-c", "z" }, "z")]
        [InlineData(new[] { "/bin/bash", "script.sh" }, null)]
        [InlineData(new[] { "/bin/bash", "-c" }, null)]
        [InlineData(new[] { "/usr/bin/python3", "-c", "print(1)" }, null)]
        [InlineData(new[] { "/bin/bash" }, null)]
        public void The_script_of_a_shell_command_line_is_its_c_argument(string[] arguments, string? expected)
        {
            Assert.Equal(expected, StartTaskScripts.ShellCommandOf(arguments));
        }

        [Fact]
        public void The_inline_script_wins_over_the_command_line()
        {
            var startTask = new BatchStartTask
            {
                CommandLine = InlineScriptDelivery.CommandLine,
                EnvironmentSettings = new List<EnvironmentSetting>
                {
                    new() { Name = InlineScriptDelivery.ScriptVariable, Value = InlineScriptDelivery.Encode("echo inline\n") },
                },
            };

            Assert.Equal(("echo inline\n", 0), StartTaskScripts.Find(startTask));
            Assert.Equal(((string?)null, 2), StartTaskScripts.Find(new BatchStartTask { CommandLine = "/bin/bash -c 'x" }));
            Assert.Equal(((string?)null, 0), StartTaskScripts.Find(new BatchStartTask { CommandLine = "/opt/tool --flag" }));
        }
    }
}
