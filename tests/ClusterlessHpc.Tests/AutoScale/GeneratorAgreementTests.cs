using System.Reflection;
using System.Runtime.Loader;
using ClusterlessHpc.AutoScale.Language;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// The analyzer compiles the same Language sources for netstandard2.0. Its build, loaded from the generator's output,
/// must judge every formula exactly as the runtime does: same rules, spans and messages.
/// </summary>
public class GeneratorAgreementTests
{
    private static string GeneratorDll => Path.Combine(RepositoryRoot.Path, "generator", "ClusterlessHpc.Generator", "bin", BuildConfiguration.Name, "netstandard2.0", "ClusterlessHpc.Generator.dll");

    [Fact]
    public void The_analyzers_copy_of_the_language_gives_the_same_diagnostics()
    {
        Assert.True(File.Exists(GeneratorDll), GeneratorDll + " was not built");
        var context = new AssemblyLoadContext("generator-agreement", isCollectible: true);
        try
        {
            var generator = context.LoadFromAssemblyPath(GeneratorDll);
            var check = generator.GetType("ClusterlessHpc.AutoScale.Language.FormulaChecker", throwOnError: true)!
                .GetMethod("Check", BindingFlags.Public | BindingFlags.Static)!;
            var corpus = FormulaCorpus.Texts();
            var fuzzer = new FormulaFuzzer(7, corpus);
            var inputs = corpus.Concat(Enumerable.Range(0, 500).Select(_ => fuzzer.Next())).ToList();
            int disagreements = 0, compared = 0;
            foreach (var text in inputs)
            {
                var expected = FormulaChecker.Check(text).Select(d => $"{d.Rule.Id} {d.Start}+{d.Length} ({d.Line},{d.Column}) {d.Message}").ToList();
                var actual = ((System.Collections.IEnumerable)check.Invoke(null, [text])!).Cast<object>().Select(Describe).ToList();
                if (!expected.SequenceEqual(actual)) disagreements++;
                compared += actual.Count;
            }
            Assert.Equal(0, disagreements);
            Assert.True(compared > 500, $"only {compared} diagnostics compared");
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Describe(object diagnostic)
    {
        object Get(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target)!;
        var rule = Get(diagnostic, "Rule");
        return $"{Get(rule, "Id")} {Get(diagnostic, "Start")}+{Get(diagnostic, "Length")} ({Get(diagnostic, "Line")},{Get(diagnostic, "Column")}) {Get(diagnostic, "Message")}";
    }
}
