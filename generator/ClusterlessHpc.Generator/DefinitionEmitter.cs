using System.Linq;
using ClusterlessHpc.Declarations;
using Microsoft.CodeAnalysis.CSharp;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// Writes a <see cref="PoolDefinition"/> as the C# object initializer that rebuilds it, leaving defaults out: each
    /// attribute's description says which properties it fills, so a new argument is emitted without a change here.
    /// </summary>
    internal static class DefinitionEmitter
    {
        private const string Ns = "global::ClusterlessHpc.";

        /// <summary>Writes <c>{lead}new PoolDefinition { ... }{end}</c>.</summary>
        public static void Emit(IndentedWriter w, PoolDefinition d, string lead, string end)
        {
            w.Line($"{lead}new {Ns}PoolDefinition");
            w.Open();
            string? openList = null;
            foreach (var (attribute, declared) in PoolAttributes.Declarations(d))
            {
                if (openList is not null && openList != attribute.Property)
                {
                    w.Close("},");
                    openList = null;
                }
                if (attribute.Property is null)
                {
                    foreach (var argument in attribute.ConstructorArguments) w.Line($"{argument.Property} = {Value(argument.Get(d)!)},");
                    foreach (var (argument, value) in attribute.WrittenNamedArguments(d)) w.Line($"{argument.Property} = {Value(value)},");
                }
                else if (attribute.IsRepeatable)
                {
                    if (openList is null)
                    {
                        w.Line($"{attribute.Property} = new {Ns}{attribute.ElementType!.Name}[]");
                        w.Open();
                        openList = attribute.Property;
                    }
                    w.Line(New(attribute, declared) + ",");
                }
                else
                {
                    w.Line($"{attribute.Property} = {New(attribute, declared)},");
                }
            }
            if (openList is not null) w.Close("},");
            w.Close("}" + end);
        }

        /// <summary><c>new T(constructor arguments) { changed properties }</c>.</summary>
        private static string New(AttributeDescription attribute, object declared)
        {
            var arguments = string.Join(", ", attribute.ConstructorArguments.Select(a => Value(a.Get(declared)!)));
            var named = attribute.WrittenNamedArguments(declared).Select(n => $"{n.Argument.Property} = {Value(n.Value)}").ToList();
            // A manifest's texts come from the project's files, not from arguments: written out, so the application ships
            // exactly the texts the analyzer checked.
            if (declared is JuliaManifestDefinition manifest)
            {
                if (manifest.Manifest is { } text) named.Add($"{nameof(JuliaManifestDefinition.Manifest)} = {Literal(text)}");
                if (manifest.Project is { } project) named.Add($"{nameof(JuliaManifestDefinition.Project)} = {Literal(project)}");
            }
            var init = named.Count == 0 ? "" : " { " + string.Join(", ", named) + " }";
            return $"new {Ns}{attribute.DefinitionType!.Name}" + (arguments.Length > 0 || init.Length == 0 ? $"({arguments})" : "") + init;
        }

        private static string Value(object value) => CSharpValue.Of(value, Literal, Ns);

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
