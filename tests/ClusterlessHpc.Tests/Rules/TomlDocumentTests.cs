using ClusterlessHpc.Rules.Toml;

namespace ClusterlessHpc.Tests.Rules;

/// <summary>The TOML reader of manifests: what Pkg writes reads back, anything else is an error with its line and column.</summary>
public class TomlDocumentTests
{
    [Fact]
    public void Tables_arrays_of_tables_dotted_and_quoted_keys_and_every_value_kind_read_back()
    {
        var root = TomlDocument.Parse("""
            # a comment
            julia_version = "1.10.5" # after a value
            "quoted key" = 'literal \n stays'
            a.b = -42
            flag = true

            [[deps.X]]
            deps = ["A", "B",
                    # between items
                    "C",]
            inline = { k = "v", n = 1_000 }

            [[deps.X]]
            uuid = "\u00e9\U0001F600"

                [deps.X.extensions]
                Ext = "Dep"
            """, out var error);

        Assert.Null(error);
        Assert.Equal("1.10.5", root!["julia_version"]);
        Assert.Equal("literal \\n stays", root["quoted key"]);
        Assert.Equal(-42L, ((Dictionary<string, object>)root["a"])["b"]);
        Assert.Equal(true, root["flag"]);
        var xs = (List<object>)((Dictionary<string, object>)root["deps"])["X"];
        Assert.Equal(2, xs.Count);
        var first = (Dictionary<string, object>)xs[0];
        Assert.Equal(["A", "B", "C"], ((List<object>)first["deps"]).Cast<string>());
        Assert.Equal(1000L, ((Dictionary<string, object>)first["inline"])["n"]);
        var second = (Dictionary<string, object>)xs[1];
        Assert.Equal("é😀", second["uuid"]);
        Assert.Equal("Dep", ((Dictionary<string, object>)second["extensions"])["Ext"]);
    }

    [Theory]
    [InlineData("x = 1.5", 1, 5, "'1.5' is not a value")]
    [InlineData("a = 1\nb = 1979-05-27", 2, 5, "floats and dates")]
    [InlineData("a = \"\"\"\nmulti\n\"\"\"", 1, 5, "multi-line strings")]
    [InlineData("a = \"open", 1, 5, "not closed")]
    [InlineData("a = 1\na = 2", 2, 1, "defined twice")]
    [InlineData("[t]\n[t]", 2, 1, "declared twice")]
    [InlineData("a = 1 b", 1, 7, "end of the line")]
    [InlineData("a = [1, 2", 1, 10, "not closed with ']'")]
    [InlineData("a = \"\\q\"", 1, 6, "not a TOML escape")]
    public void Anything_else_is_an_error_at_its_line_and_column(string text, int line, int column, string message)
    {
        Assert.Null(TomlDocument.Parse(text, out var error));
        Assert.Equal((line, column), (error!.Line, error.Column));
        Assert.Contains(message, error.Message);
    }
}
