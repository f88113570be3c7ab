using System.Reflection;
using ClusterlessHpc.Declarations;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// The attributes' descriptions match the attribute classes exactly: an argument added to an attribute without a
/// description would be silently ignored by the generator and by chpc import.
/// </summary>
public class AttributeDescriptionTests
{
    private static readonly Type[] PoolAttributeTypes = typeof(BatchPoolAttribute).Assembly.GetExportedTypes()
        .Where(t => typeof(Attribute).IsAssignableFrom(t) && t.GetCustomAttribute<AttributeUsageAttribute>()?.ValidOn == AttributeTargets.Class)
        // It declares what the pool's formula should achieve, not a part of the pool: described apart (ExpectationAttribute).
        .Where(t => t != typeof(SimulationExpectationAttribute))
        .ToArray();

    [Fact]
    public void Every_pool_attribute_has_one_description_and_every_description_an_attribute()
    {
        Assert.Equal(PoolAttributeTypes.Select(t => t.Name).Order(), PoolAttributes.All.Select(a => a.AttributeName).Order());
        Assert.Contains(typeof(BlobfuseMountAttribute), PoolAttributeTypes);
    }

    [Fact]
    public void Every_constructor_parameter_and_settable_property_of_an_attribute_is_described_with_its_type()
    {
        foreach (var type in PoolAttributeTypes)
        {
            AssertDescribes(type, PoolAttributes.Find(type.Name)!);
        }
    }

    /// <summary>The attribute's constructor parameters and settable properties are exactly the description's arguments, each with its type.</summary>
    private static void AssertDescribes(Type type, AttributeDescription description)
    {
        var parameters = Assert.Single(type.GetConstructors()).GetParameters();
        Assert.Equal(
            parameters.Select(p => (p.Position, p.Name, ValueType(p.ParameterType))),
            description.ConstructorArguments.Select(a => (a.Position, (string?)a.Parameter, a.ValueType)));
        Assert.All(parameters, p => Assert.NotNull(type.GetProperty(description.ConstructorArguments.ElementAt(p.Position).Name)));

        var settable = type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).OrderBy(p => p.Name, StringComparer.Ordinal);
        Assert.Equal(
            settable.Select(p => (p.Name, ValueType(p.PropertyType))),
            description.NamedArguments.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Name, a.ValueType)));
    }

    [Fact]
    public void Every_argument_of_the_expectation_attribute_is_described_with_its_type()
    {
        var type = typeof(SimulationExpectationAttribute);
        var description = ExpectationAttribute.Description;
        Assert.Equal(type.Name, description.AttributeName);
        AssertDescribes(type, description);
    }

    [Fact]
    public void Every_expectation_argument_sets_the_declaration_and_reads_back_from_the_expectation_by_one_property_name()
    {
        var description = ExpectationAttribute.Description;
        var declared = Assert.IsType<Rules.SimulationExpectationDeclaration>(description.Create(new PoolDefinition(), ["burst:5"]));
        var expectation = new SimulationExpectation("named", "burst:5");
        foreach (var argument in description.Arguments)
        {
            Assert.True(typeof(Rules.SimulationExpectationDeclaration).GetProperty(argument.Property) is not null, $"{argument.Name}: the declaration has no {argument.Property}");
            var property = typeof(SimulationExpectation).GetProperty(argument.Property);
            Assert.True(property is not null, $"{argument.Name}: SimulationExpectation has no {argument.Property}");
            // Each reads back what its property holds, except the name, which the expectation's constructor takes.
            Assert.Equal(argument == ExpectationAttribute.Name ? null : property!.GetValue(expectation), argument.Get(expectation));
            if (argument.IsConstructorArgument) continue;
            object sample = argument.ValueType == typeof(double) ? 1.5 : "90s";
            declared = (Rules.SimulationExpectationDeclaration)argument.Set(declared, sample);
            Assert.Equal(sample, typeof(Rules.SimulationExpectationDeclaration).GetProperty(argument.Property)!.GetValue(declared));
        }
    }

    [Fact]
    public void Every_argument_names_a_property_of_the_definition_object_it_sets()
    {
        foreach (var description in PoolAttributes.All)
        {
            var owner = description.DefinitionType ?? typeof(PoolDefinition);
            Assert.All(description.Arguments, a => Assert.True(owner.GetProperty(a.Property) is not null, $"{description.AttributeName}.{a.Name}: {owner.Name} has no {a.Property}"));
            if (description.Property is { } property) Assert.NotNull(typeof(PoolDefinition).GetProperty(property));
        }
    }

    // Attributes hold arrays and plain values; the descriptions hold lists and nullable values.
    private static Type ValueType(Type type) =>
        type == typeof(string[]) ? typeof(IReadOnlyList<string>) : Nullable.GetUnderlyingType(type) ?? type;
}
