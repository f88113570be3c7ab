extern alias generator;
using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PoolModel = generator::ClusterlessHpc.Generator.Model.PoolModel;
using TrackingNames = generator::ClusterlessHpc.Generator.TrackingNames;

namespace ClusterlessHpc.Generator.Tests;

public class CacheabilityTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.PoolModels, TrackingNames.EmittablePools, TrackingNames.Registry];

    [Fact]
    public void An_unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Samples.Redwood, Samples.Nested, Samples.Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Unrelated"));
        var edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText(Samples.Unrelated.Replace("42", "43"), (CSharpParseOptions)unrelated.Options, unrelated.FilePath));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var step in second.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} ran again: {reason}");
                }
            }
        }
    }

    [Fact]
    public void Editing_a_pool_changes_only_that_pools_model()
    {
        var compilation = GeneratorHarness.Compile(Samples.Redwood, Samples.Nested);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(Samples.Redwood.Replace("NodeCount = 2", "NodeCount = 4"), (CSharpParseOptions)tree.Options, tree.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.PoolModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Single(reasons, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void The_same_source_twice_gives_equal_models_that_reach_no_symbol_syntax_or_compilation()
    {
        PoolModel ModelOf() => GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Samples.Redwood))
            .GetRunResult().Results.Single().TrackedSteps[TrackingNames.PoolModels].Single().Outputs.Select(o => o.Value).OfType<PoolModel>().Single();

        var first = ModelOf();
        var second = ModelOf();
        Assert.NotSame(first, second);
        Assert.Equal(first, second);

        AssertReachesNoRoslynObjects(first, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
    }

    private static void AssertReachesNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertReachesNoRoslynObjects(item, seen, $"{path}[{i++}]");
        }
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertReachesNoRoslynObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
            }
        }
    }
}
