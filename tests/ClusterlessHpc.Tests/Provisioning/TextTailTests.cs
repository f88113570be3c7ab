using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>The one cut of a stderr.txt a failure report shows, for start tasks and tasks alike.</summary>
public sealed class TextTailTests
{
    [Fact]
    public void The_last_lines_are_kept_joined_with_LF()
    {
        var text = string.Concat(Enumerable.Range(1, 60).Select(i => $"line {i}\n"));

        Assert.Equal(Enumerable.Range(11, 50).Select(i => $"line {i}"), TextTail.LastLines(text, 50).Split('\n'));
    }

    [Fact]
    public void CRLF_is_read_as_LF_and_trailing_newlines_are_dropped()
    {
        Assert.Equal("b\nc", TextTail.LastLines("a\r\nb\r\nc\r\n\r\n", 2));
    }

    [Fact]
    public void A_text_shorter_than_the_tail_is_kept_whole()
    {
        Assert.Equal("only\nthese", TextTail.LastLines("only\nthese\n", 50));
    }

    [Fact]
    public void A_text_read_from_inside_a_line_loses_that_part_line()
    {
        Assert.Equal("whole 1\nwhole 2", TextTail.LastLines("rt of a line\nwhole 1\nwhole 2\n", 50, startsMidLine: true));
        Assert.Equal("whole 2", TextTail.LastLines("rt of a line\nwhole 1\nwhole 2\n", 1, startsMidLine: true));
    }
}
