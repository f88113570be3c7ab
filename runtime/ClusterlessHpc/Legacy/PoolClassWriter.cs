using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Text;
using ClusterlessHpc.Declarations;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// Writes a pool definition as a C# <c>partial</c> class with the attributes that declare it, so the generator makes
    /// the same <see cref="PoolDefinition"/> from the class: every property set is written, nothing else.
    /// </summary>
    public static class PoolClassWriter
    {
        /// <summary>A class name from a pool id: its letters and digits, each part capitalised (<c>BatchPool_1</c> → <c>BatchPool1</c>).</summary>
        public static string ClassName(string poolId)
        {
            var name = new StringBuilder();
            var startOfPart = true;
            foreach (var c in poolId)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    startOfPart = true;
                    continue;
                }
                name.Append(startOfPart ? char.ToUpperInvariant(c) : c);
                startOfPart = false;
            }
            if (name.Length == 0 || char.IsAsciiDigit(name[0])) name.Insert(0, "Pool");
            return name.ToString();
        }

        /// <summary>The class's source; <paramref name="notes"/> are comment lines for the reader, such as what the import could not know.</summary>
        public static string Write(PoolDefinition definition, string @namespace, string className, string sourceName, IReadOnlyList<string>? notes = null)
        {
            var text = new StringBuilder();
            text.AppendLine($"// Imported from {CSharpLiteral.Comment(sourceName)} (AzureClusterlessHPC.jl) by chpc import: pool '{CSharpLiteral.Comment(definition.Id)}'.");
            text.AppendLine("// The ClusterlessHpc generator adds Definition and StartupScript when this project builds.");
            foreach (var note in notes ?? []) text.AppendLine("// " + CSharpLiteral.Comment(note));
            text.AppendLine("using ClusterlessHpc;");
            text.AppendLine();
            text.AppendLine($"namespace {@namespace};");
            text.AppendLine();
            text.AppendLine($"/// <summary>Pool {SecurityElement.Escape(CSharpLiteral.Comment(definition.Id))} of {SecurityElement.Escape(CSharpLiteral.Comment(sourceName))}.</summary>");
            foreach (var attribute in Attributes(definition)) text.AppendLine($"[{attribute}]");
            text.AppendLine($"public partial class {className};");
            return text.ToString();
        }

        // Every attribute the definition needs, with the arguments that differ from what the attribute makes without them.
        private static IEnumerable<string> Attributes(PoolDefinition definition) =>
            PoolAttributes.Declarations(definition).Select(d => Attribute(d.Attribute, d.Declared));

        private static string Attribute(AttributeDescription attribute, object declared)
        {
            var arguments = attribute.ConstructorArguments.SelectMany(a => a.Get(declared) is IReadOnlyList<string> items
                ? items.Select(S) // a params array: one argument per item
                : [Value(a.Get(declared)!)]);
            var named = attribute.WrittenNamedArguments(declared).Select(n => $"{n.Argument.Name} = {Value(n.Value)}");
            var all = arguments.Concat(named).ToList();
            return all.Count == 0 ? attribute.ShortName : $"{attribute.ShortName}({string.Join(", ", all)})";
        }

        // The class is written under "using ClusterlessHpc;", so enum values need no namespace.
        private static string Value(object value) => CSharpValue.Of(value, S, "");

        private static string S(string value) => CSharpLiteral.String(value);
    }
}
