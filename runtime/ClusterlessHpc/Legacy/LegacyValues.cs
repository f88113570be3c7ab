using System;
using System.Globalization;
using System.Text.Json;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Legacy
{
    /// <summary>Turns the parameter file's values (JSON strings, as the package expected) into typed values.</summary>
    internal static class LegacyValues
    {
        /// <summary>
        /// The text of a parameter value. The package wrote every value as a string; a number given unquoted
        /// means its JSON text (<c>2</c> is <c>"2"</c>), and <c>true</c>/<c>false</c> are accepted for the 0/1 flags.
        /// Anything else is an error naming the key.
        /// </summary>
        public static string Text(string key, JsonElement value, LegacySource source)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString()!;
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.True when LegacyParameterKeys.IsFlag(key):
                    return "1";
                case JsonValueKind.False when LegacyParameterKeys.IsFlag(key):
                    return "0";
                case JsonValueKind.Null:
                    throw LegacyConfigurationException.ForEntry(source, key,
                        $"null is not a value; remove the key to use the default \"{LegacyParameterKeys.DefaultOf(key)}\"");
                default:
                    throw LegacyConfigurationException.ForEntry(source, key,
                        $"the value is {LegacyJson.Describe(value.ValueKind)}; write a JSON string such as \"{LegacyParameterKeys.DefaultOf(key)}\"");
            }
        }

        public static int Integer(string key, string text, int minimum, LegacySource source)
        {
            var trimmed = text.Trim();
            if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
            {
                var expected = minimum switch
                {
                    0 => "a whole number, 0 or more",
                    1 => "a positive integer",
                    _ => $"a whole number, {minimum} or more",
                };
                throw LegacyConfigurationException.ForEntry(source, key, $"'{text}' is not {expected}");
            }
            return value;
        }

        /// <summary>A 0/1 flag; <c>true</c>/<c>false</c> are read as Julia's <c>parse(Bool, ...)</c> reads them.</summary>
        public static bool Flag(string key, string text, LegacySource source)
        {
            var trimmed = text.Trim();
            if (trimmed == "1" || trimmed.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (trimmed == "0" || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            throw LegacyConfigurationException.ForEntry(source, key, $"'{text}' is not a flag; write \"0\" or \"1\"");
        }

        /// <summary>Why <paramref name="name"/> is not a blob container name (3–63 lower-case letters, digits and single hyphens), or null.</summary>
        public static string? BlobContainerProblem(string name)
        {
            if (name.Length is < 3 or > 63) return $"it has {name.Length} characters; a blob container name has 3 to 63";
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
                {
                    return $"'{CharacterNames.Describe(c)}' is not allowed; use lower-case letters, digits and hyphens";
                }
                if (c == '-' && (i == 0 || i == name.Length - 1 || name[i - 1] == '-'))
                {
                    return "a hyphen may not start or end the name or follow another hyphen";
                }
            }
            return null;
        }
    }
}
