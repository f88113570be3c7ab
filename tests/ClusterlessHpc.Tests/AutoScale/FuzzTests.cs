using ClusterlessHpc.AutoScale;
using ClusterlessHpc.AutoScale.Language;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// A fixed-seed fuzz run in CI: random token streams and mutations of the corpus. Nothing throws, every diagnostic lies
/// inside the text, and whatever compiles evaluates. The long soak is the benchmark project's "soak" mode.
/// </summary>
public class FuzzTests
{
    private const int Inputs = 20000;

    private static IReadOnlyList<string> Seeds() =>
        FormulaCorpus.Texts();

    [Fact]
    public void Random_inputs_never_throw_and_compiling_means_evaluating()
    {
        var fuzzer = new FormulaFuzzer(20261124, Seeds());
        var busy = TestMetrics.Busy(TestMetrics.Monday);
        var empty = TestMetrics.Context(TestMetrics.Monday);
        int compiled = 0, rejected = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var text = fuzzer.Next();
            var result = AutoScaleFormula.Parse(text);
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.InRange(diagnostic.Start, 0, text.Length);
                Assert.InRange(diagnostic.Length, 0, text.Length - diagnostic.Start);
                Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1, text);
                Assert.False(string.IsNullOrEmpty(diagnostic.Message));
            }
            Assert.Equal(result.Diagnostics.Any(d => d.IsError), result.Formula is null);
            if (result.Formula is null)
            {
                rejected++;
                continue;
            }
            compiled++;
            foreach (var context in new[] { busy, empty })
            {
                var evaluation = result.Formula.Evaluate(context);
                Assert.StartsWith("$TargetDedicatedNodes=", evaluation.Results);
                if (evaluation.Error is { } error)
                {
                    Assert.Contains(error.Code, new[] { AutoScaleErrorCodes.InsufficientSampleData, AutoScaleErrorCodes.EvaluationError });
                    Assert.StartsWith($"Line {error.Line}, Col {error.Column}: ", error.Detail);
                }
            }
        }
        // The run must exercise both sides, or it proves little.
        Assert.True(compiled > 100 && rejected > 1000, $"{compiled} compiled, {rejected} rejected");
    }

    [Fact]
    public void String_literal_maps_never_throw_and_stay_inside_the_token()
    {
        var random = new Random(11);
        string[] pieces = ["\"", "\"\"\"", "@", "$", "\\", "\\u00", "\\U0001F6", "\\x4", "\\n", "a", "{", " ", "\t", "\n", "\r\n", "\"\"", "\ud800"];
        var decoded = 0;
        for (var i = 0; i < 20000; i++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            string[] forms = ["\"" + body + "\"", "@\"" + body + "\"", "\"\"\"" + body + "\"\"\"", "\"\"\"\n  " + body + "\n  \"\"\"", body];
            var token = forms[random.Next(forms.Length)];
            if (!StringLiteralMap.TryCreate(token, out var map)) continue;
            decoded++;
            for (var k = 0; k < map!.Value.Length; k++)
            {
                Assert.InRange(map.SourceStart(k), 0, token.Length - 1);
                Assert.InRange(map.SourceEnd(k), map.SourceStart(k) + 1, token.Length);
            }
            var (start, length) = map.MapSpan(random.Next(-2, map.Value.Length + 3), random.Next(0, 5));
            Assert.InRange(start, 0, token.Length);
            Assert.InRange(length, 0, token.Length - start);
        }
        Assert.True(decoded > 1000, $"{decoded} decoded");
    }

    [Fact]
    public void Pathological_inputs_complete()
    {
        var inputs = new[]
        {
            new string('(', 20000),
            new string(')', 20000),
            new string('-', 20000) + "1",
            "$a = " + string.Concat(Enumerable.Repeat("max(", 5000)),
            string.Concat(Enumerable.Repeat("a = 1;", 3000)),
            new string('"', 9001),
            "/*" + new string('*', 10000),
            string.Concat(Enumerable.Repeat("//\n", 5000)),
            new string('\uffff', 100),
            "$TargetDedicatedNodes = " + string.Concat(Enumerable.Repeat("1 ? ", 4000)) + "1",
            "x = time(\"" + new string('9', 5000) + "\");",
        };
        foreach (var text in inputs)
        {
            var diagnostics = FormulaChecker.Check(text);
            Assert.Contains(diagnostics, d => d.IsError);
        }
    }
}
