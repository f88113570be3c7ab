using ClusterlessHpc.AutoScale.Language;

namespace ClusterlessHpc.Tests.AutoScale;

public class StringLiteralMapTests
{
    private static StringLiteralMap Map(string token)
    {
        Assert.True(StringLiteralMap.TryCreate(token, out var map), "not decoded: " + token);
        return map!;
    }

    // For every value character, the token text that produced it.
    private static string[] Sources(string token)
    {
        var map = Map(token);
        return Enumerable.Range(0, map.Value.Length).Select(i => token[map.SourceStart(i)..map.SourceEnd(i)]).ToArray();
    }

    [Fact]
    public void A_regular_literal_maps_each_character_one_past_the_quote()
    {
        var map = Map("\"$x = 1\"");
        Assert.Equal("$x = 1", map.Value);
        Assert.Equal(Enumerable.Range(1, 6), Enumerable.Range(0, 6).Select(map.SourceStart));
        Assert.Equal(7, map.ValueEnd);
    }

    [Theory]
    [InlineData(@"""a\nb""", "a\nb", new[] { "a", @"\n", "b" })]
    [InlineData(@"""\t\""\\""", "\t\"\\", new[] { @"\t", @"\""", @"\\" })]
    [InlineData(@"""\u0041\x41\x041z""", "AAAz", new[] { @"\u0041", @"\x41", @"\x041", "z" })]
    [InlineData(@"""\0\a\b\f\r\v\e\'""", "\0\a\b\f\r\v\u001b'", new[] { @"\0", @"\a", @"\b", @"\f", @"\r", @"\v", @"\e", @"\'" })]
    [InlineData(@"""\x4142""", "\u4142", new[] { @"\x4142" })]
    public void Regular_escapes_map_to_the_whole_escape(string token, string value, string[] sources)
    {
        Assert.Equal(value, Map(token).Value);
        Assert.Equal(sources, Sources(token));
    }

    [Fact]
    public void A_long_unicode_escape_gives_a_surrogate_pair_mapped_to_the_one_escape()
    {
        var token = @"""x\U0001F600y""";
        var map = Map(token);
        Assert.Equal("x\U0001F600y", map.Value);
        Assert.Equal(new[] { "x", @"\U0001F600", @"\U0001F600", "y" }, Sources(token));
        Assert.Equal((2, 10), map.MapSpan(1, 2));
    }

    [Fact]
    public void A_verbatim_literal_maps_doubled_quotes_and_keeps_backslashes_and_newlines()
    {
        var token = "@\"time(\"\"Mon\"\")\\n\r\nx\"";
        var map = Map(token);
        Assert.Equal("time(\"Mon\")\\n\r\nx", map.Value);
        Assert.Equal("\"\"", token[map.SourceStart(5)..map.SourceEnd(5)]);
        Assert.Equal(9, map.SourceStart(6)); // 'M' after @"time(""
        Assert.Equal("\\", token[map.SourceStart(11)..map.SourceEnd(11)]);
    }

    [Fact]
    public void A_single_line_raw_literal_maps_between_its_quotes()
    {
        var token = "\"\"\"$x = \"a\";\"\"\"";
        var map = Map(token);
        Assert.Equal("$x = \"a\";", map.Value);
        Assert.Equal(3, map.SourceStart(0));
        Assert.Equal(token.Length - 3, map.ValueEnd);
    }

    [Fact]
    public void A_multi_line_raw_literal_removes_the_closing_indentation_and_the_outer_line_breaks()
    {
        var token = "\"\"\"\n        $a = 1;\n          $b = 2;\n\n        \"\"\"";
        var map = Map(token);
        Assert.Equal("$a = 1;\n  $b = 2;\n", map.Value);
        Assert.Equal(token.IndexOf("$a", StringComparison.Ordinal), map.SourceStart(0));
        var b = map.Value.IndexOf("$b", StringComparison.Ordinal);
        Assert.Equal(token.IndexOf("$b", StringComparison.Ordinal), map.SourceStart(b));
        Assert.Equal(token.IndexOf("  $b", StringComparison.Ordinal), map.SourceStart(b - 2));
    }

    [Fact]
    public void A_multi_line_raw_literal_with_crlf_and_more_quotes_keeps_inner_crlf()
    {
        var token = "\"\"\"\"  \r\n    x = \"\"\"a\"\"\";\r\n    y = 1\r\n    \"\"\"\"";
        var map = Map(token);
        Assert.Equal("x = \"\"\"a\"\"\";\r\ny = 1", map.Value);
        Assert.Equal(token.IndexOf("y = 1", StringComparison.Ordinal), map.SourceStart(map.Value.IndexOf('y')));
    }

    [Fact]
    public void Whitespace_only_lines_of_a_raw_literal_may_be_shorter_than_the_indentation()
    {
        var token = "\"\"\"\n    a\n  \n    b\n    \"\"\"";
        Assert.Equal("a\n\nb", Map(token).Value);
    }

    [Theory]
    [InlineData("$\"x{1}\"")]
    [InlineData("@$\"x\"")]
    [InlineData("\"unterminated")]
    [InlineData("\"bad \\q escape\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\U00110000\"")]
    [InlineData("@\"lone \" quote\"")]
    [InlineData("\"\"\"\n  a\n b\n  \"\"\"")]
    [InlineData("\"\"\"x\n  \"\"\"")]
    [InlineData("'c'")]
    [InlineData("")]
    public void Literals_it_does_not_read_are_refused_not_guessed(string token) =>
        Assert.False(StringLiteralMap.TryCreate(token, out _));

    [Fact]
    public void Spans_map_to_the_token_text_that_produced_them_and_clip_at_the_end()
    {
        var token = @"""ab\ncd""";
        var map = Map(token);
        Assert.Equal((2, 3), map.MapSpan(1, 2)); // "b\n"
        Assert.Equal((7, 0), map.MapSpan(99, 3)); // past the end: the closing quote
        Assert.Equal((5, 2), map.MapSpan(3, 50)); // "cd", clipped
        Assert.Equal((3, 0), map.MapSpan(2, 0));
    }

    [Fact]
    public void A_formula_diagnostic_lands_inside_an_escaped_literal()
    {
        var token = "\"$a = 1;\\n$b = {;\"";
        var map = Map(token);
        var diagnostic = FormulaChecker.Check(map.Value).First(d => d.IsError);
        var (start, length) = map.MapSpan(diagnostic.Start, diagnostic.Length);
        Assert.Equal("{", token.Substring(start, length));
    }

    [Fact]
    public void Concatenated_constants_map_each_span_into_the_literal_that_holds_it()
    {
        var parts = new[] { "\"$a = 1;\\n\"", "@\"$b = max(\"", "\"\"\"$a, {);\"\"\"" };
        Assert.True(ConcatenatedLiteralMap.TryCreate(parts, out var map));
        Assert.Equal("$a = 1;\n$b = max($a, {);", map!.Value);
        var brace = map.Value.IndexOf('{');
        var (part, start, length) = map.MapSpan(brace, 1);
        Assert.Equal(2, part);
        Assert.Equal("{", parts[2].Substring(start, length));
        var (bPart, bStart, bLength) = map.MapSpan(map.Value.IndexOf("$b", StringComparison.Ordinal), 12);
        Assert.Equal(1, bPart);
        Assert.Equal("$b = max(", parts[1].Substring(bStart, bLength));
    }

    [Fact]
    public void A_concatenation_with_an_unreadable_part_is_refused() =>
        Assert.False(ConcatenatedLiteralMap.TryCreate(new[] { "\"a\"", "$\"{b}\"" }, out _));
}
