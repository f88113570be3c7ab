using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ClusterlessHpc.Declarations
{
    /// <summary>C# source for an argument's value, for the code that writes definitions and attributes back out.</summary>
    internal static class CSharpValue
    {
        /// <param name="value">A value of an argument's <see cref="AttributeArgument.ValueType"/>.</param>
        /// <param name="literal">The writer's string literal (each compiles back to the string).</param>
        /// <param name="typePrefix">What goes before an enum's type name: <c>global::ClusterlessHpc.</c>, or nothing under <c>using ClusterlessHpc;</c>.</param>
        public static string Of(object value, Func<string, string> literal, string typePrefix) => value switch
        {
            string text => literal(text),
            int number => number.ToString(CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            Enum member => typePrefix + member.GetType().Name + "." + member,
            IReadOnlyList<string> list => "new string[] { " + string.Join(", ", list.Select(literal)) + " }",
            _ => throw new ArgumentException($"An attribute argument cannot hold a {value.GetType().Name}.", nameof(value)),
        };
    }
}
