using System;

namespace ClusterlessHpc.Rules
{
    /// <summary>Small character-level checks the rules share; each returns why a value is wrong, or null.</summary>
    internal static class TextChecks
    {
        /// <summary>The first control or white-space character, described, or null.</summary>
        public static string? WhiteSpaceOrControl(string value)
        {
            foreach (var c in value)
            {
                if (char.IsControl(c) || char.IsWhiteSpace(c)) return $"'{CharacterNames.Describe(c)}' is not allowed";
            }
            return null;
        }

        /// <summary>Why <paramref name="value"/> is not an http(s) URL (https only when <paramref name="httpsOnly"/>), or null.</summary>
        public static string? HttpUrlProblem(string value, bool httpsOnly)
        {
            var bad = WhiteSpaceOrControl(value);
            if (bad is not null) return bad;
            // These servers' URLs also reach the julia launcher's environment: nothing a shell would interpret.
            foreach (var c in value)
            {
                if (c is '$' or '`' or '"' or '\'' or '\\' or ';' or '|' or '&' or '<' or '>' or '(' or ')' or '{' or '}' or '*' or '!')
                {
                    return $"'{c}' is not allowed in a server URL";
                }
            }
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return "it is not an absolute URL";
            if (uri.Scheme == "https") return null;
            if (uri.Scheme == "http" && !httpsOnly) return null;
            return httpsOnly ? "use https://" : "use http:// or https://";
        }

        public static bool IsIdentifier(string value)
        {
            if (value.Length == 0 || !(IsAsciiLetter(value[0]) || value[0] == '_')) return false;
            foreach (var c in value)
            {
                if (!(IsAsciiLetter(c) || c is >= '0' and <= '9' || c == '_')) return false;
            }
            return true;
        }

        public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

        public static bool IsHex(string value, int length)
        {
            if (value.Length != length) return false;
            foreach (var c in value)
            {
                if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')) return false;
            }
            return true;
        }

        /// <summary>Why <paramref name="path"/> is not a plain relative path (letters, digits, '.', '_', '-', '/' and no '..'), or null.</summary>
        public static string? RelativePathProblem(string path)
        {
            if (path.Length == 0) return "it is empty";
            if (path[0] == '/') return "it must be relative";
            return PathCharactersProblem(path);
        }

        /// <summary>Why <paramref name="path"/> is not a plain absolute path, or null.</summary>
        public static string? AbsolutePathProblem(string path)
        {
            if (path.Length == 0) return "it is empty";
            if (path[0] != '/') return "it must be an absolute path (start with '/')";
            return PathCharactersProblem(path);
        }

        private static string? PathCharactersProblem(string path)
        {
            foreach (var c in path)
            {
                if (!(IsAsciiLetter(c) || c is >= '0' and <= '9' || c is '.' or '_' or '-' or '/'))
                {
                    return $"'{CharacterNames.Describe(c)}' is not allowed; use letters, digits, '.', '_', '-' and '/'";
                }
            }
            foreach (var segment in path.Split('/'))
            {
                if (segment == "..") return "'..' is not allowed";
            }
            return null;
        }
    }
}
