using System;
using System.Collections.Generic;
using System.Text;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// Reads the Julia program of a startup-script line such as <c>julia -e 'using Pkg; Pkg.add("X")'</c> as data: the
    /// packages its <c>Pkg.add</c> and <c>Pkg.develop</c> calls install, or why it is something else. Only literal strings
    /// are accepted (no interpolation, no expressions), so what is read is exactly what Julia would have installed, and
    /// nothing is evaluated.
    /// </summary>
    internal static class JuliaPkgCallParser
    {
        /// <summary>The outcome for one program: its packages, or the reason it is not only Pkg calls.</summary>
        public sealed class Result
        {
            private Result(IReadOnlyList<PackageRequest> packages, bool addsAzureClusterlessHpc, string? notRecognized)
            {
                Packages = packages;
                AddsAzureClusterlessHpc = addsAzureClusterlessHpc;
                NotRecognized = notRecognized;
            }

            public IReadOnlyList<PackageRequest> Packages { get; }

            /// <summary>Whether the program adds AzureClusterlessHPC itself, as the seed template does.</summary>
            public bool AddsAzureClusterlessHpc { get; }

            /// <summary>Why the program is not only package installs, or null when it is.</summary>
            public string? NotRecognized { get; }

            public static Result Recognized(IReadOnlyList<PackageRequest> packages, bool addsAzureClusterlessHpc) => new(packages, addsAzureClusterlessHpc, null);

            public static Result Other(string reason) => new(Array.Empty<PackageRequest>(), false, reason);
        }

        /// <summary>One package as a call names it; <see cref="Name"/> is null when only a URL names it.</summary>
        public sealed record PackageRequest(string? Name, string? Url, string? Rev, string? Version, bool Develop);

        private const string AzureClusterlessHpc = "AzureClusterlessHPC";

        public static Result Parse(string program)
        {
            var tokens = Tokenize(program ?? "", out var problem);
            if (problem is not null) return Result.Other(problem);
            return new Parser(tokens).Program();
        }

        private enum Kind { Name, Dot, Open, Close, OpenBracket, CloseBracket, Comma, Semicolon, Equals, String, VersionString, End }

        private readonly record struct Token(Kind Kind, string Text);

        private static List<Token> Tokenize(string s, out string? problem)
        {
            problem = null;
            var tokens = new List<Token>();
            var depth = 0;
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (c is ' ' or '\t' or '\r') { i++; continue; }
                if (c == '#')
                {
                    // "#=" opens a block comment, which may hide anything; plain comments run to the line's end.
                    if (i + 1 < s.Length && s[i + 1] == '=') { problem = "it has a '#=' block comment"; return tokens; }
                    while (i < s.Length && s[i] != '\n') i++;
                    continue;
                }
                switch (c)
                {
                    // A line break ends a statement, except inside parentheses or brackets.
                    case '\n': if (depth == 0) tokens.Add(new Token(Kind.Semicolon, "\n")); i++; continue;
                    case '.': tokens.Add(new Token(Kind.Dot, ".")); i++; continue;
                    case '(': tokens.Add(new Token(Kind.Open, "(")); depth++; i++; continue;
                    case ')': tokens.Add(new Token(Kind.Close, ")")); depth = Math.Max(0, depth - 1); i++; continue;
                    case '[': tokens.Add(new Token(Kind.OpenBracket, "[")); depth++; i++; continue;
                    case ']': tokens.Add(new Token(Kind.CloseBracket, "]")); depth = Math.Max(0, depth - 1); i++; continue;
                    case ',': tokens.Add(new Token(Kind.Comma, ",")); i++; continue;
                    case ';': tokens.Add(new Token(Kind.Semicolon, ";")); i++; continue;
                }
                if (c == '=' && (i + 1 >= s.Length || s[i + 1] != '='))
                {
                    tokens.Add(new Token(Kind.Equals, "="));
                    i++;
                    continue;
                }
                if (c == 'v' && i + 1 < s.Length && s[i + 1] == '"')
                {
                    var text = ReadString(s, i + 1, out i, out problem);
                    if (problem is not null) return tokens;
                    tokens.Add(new Token(Kind.VersionString, text));
                    continue;
                }
                if (c == '"')
                {
                    var text = ReadString(s, i, out i, out problem);
                    if (problem is not null) return tokens;
                    tokens.Add(new Token(Kind.String, text));
                    continue;
                }
                if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '!')) i++;
                    tokens.Add(new Token(Kind.Name, s.Substring(start, i - start)));
                    continue;
                }
                problem = $"it uses '{CharacterNames.Describe(c)}', which is not part of a Pkg call with literal strings";
                return tokens;
            }
            tokens.Add(new Token(Kind.End, ""));
            return tokens;
        }

        // A Julia string literal "...": its text, or a problem when it is triple-quoted or interpolates.
        private static string ReadString(string s, int quote, out int next, out string? problem)
        {
            problem = null;
            next = s.Length;
            if (quote + 2 < s.Length && s[quote + 1] == '"' && s[quote + 2] == '"')
            {
                problem = "it uses a triple-quoted string";
                return "";
            }
            var text = new StringBuilder();
            for (var i = quote + 1; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '"')
                {
                    next = i + 1;
                    return text.ToString();
                }
                if (c == '$')
                {
                    problem = "a string interpolates a value with '$', which only Julia could work out";
                    return "";
                }
                if (c == '\\')
                {
                    if (i + 1 >= s.Length) break;
                    var escaped = s[++i];
                    switch (escaped)
                    {
                        case '"': case '\\': case '$': text.Append(escaped); break;
                        case 'n': text.Append('\n'); break;
                        case 't': text.Append('\t'); break;
                        default:
                            problem = $"a string has the escape '\\{CharacterNames.Describe(escaped)}'";
                            return "";
                    }
                    continue;
                }
                text.Append(c);
            }
            problem = "a Julia string is not closed";
            return "";
        }

        /// <summary>A parsed argument: a string, a v"..." version, an array, a call with its arguments, or a name.</summary>
        private sealed class Value
        {
            public Kind Kind;
            public string Text = "";
            public List<Value> Items = new();
            public List<(string Name, Value Value)> Keywords = new();

            public bool IsCall => Kind == Kind.Open;
            public bool IsArray => Kind == Kind.OpenBracket;
        }

        private sealed class Parser
        {
            private readonly List<Token> _tokens;
            private int _at;
            private bool _usingPkg;
            private bool _importPkg;

            public Parser(List<Token> tokens) => _tokens = tokens;

            private Token Peek => _tokens[_at];

            public Result Program()
            {
                var packages = new List<PackageRequest>();
                var addsAzureClusterlessHpc = false;
                while (Peek.Kind != Kind.End)
                {
                    if (Peek.Kind == Kind.Semicolon) { _at++; continue; }
                    var start = _at;
                    var problem = Statement(packages, ref addsAzureClusterlessHpc);
                    if (problem is not null) return Result.Other(problem);
                    if (Peek.Kind is not (Kind.Semicolon or Kind.End)) return Result.Other($"'{Describe(start)}' is followed by more than a Pkg call");
                }
                if (packages.Count == 0 && !addsAzureClusterlessHpc) return Result.Other("it installs no package");
                return Result.Recognized(packages, addsAzureClusterlessHpc);
            }

            private string? Statement(List<PackageRequest> packages, ref bool addsAzureClusterlessHpc)
            {
                var start = _at;
                if (Peek.Kind == Kind.Name && Peek.Text is "using" or "import")
                {
                    var keyword = Peek.Text;
                    _at++;
                    if (Peek.Kind == Kind.Name && Peek.Text == "Pkg" && _tokens[_at + 1].Kind is Kind.Semicolon or Kind.End)
                    {
                        _at++;
                        if (keyword == "using") _usingPkg = true;
                        else _importPkg = true;
                        return null;
                    }
                    return $"'{Describe(start)}' loads more than Pkg";
                }

                var callee = DottedName();
                if (callee is not ("Pkg.add" or "Pkg.develop") || Peek.Kind != Kind.Open)
                {
                    return $"'{Describe(start)}' is not a Pkg.add or Pkg.develop call";
                }
                if (!_usingPkg && !_importPkg) return "it calls Pkg without 'using Pkg' or 'import Pkg' first, so Julia would stop there";
                var call = Call();
                if (call is null) return $"'{Describe(start)}' is not a Pkg call with literal arguments";
                var develop = callee == "Pkg.develop";

                if (call.Items.Count == 0)
                {
                    return Package(call.Keywords, develop, packages, ref addsAzureClusterlessHpc);
                }
                if (call.Items.Count > 1 || call.Keywords.Count > 0) return $"'{Describe(start)}' has arguments Pkg calls are not written with here";
                var argument = call.Items[0];
                foreach (var item in argument.IsArray ? argument.Items : new List<Value> { argument })
                {
                    var problem = Argument(item, develop, packages, ref addsAzureClusterlessHpc);
                    if (problem is not null) return problem;
                }
                return null;
            }

            private string? Argument(Value item, bool develop, List<PackageRequest> packages, ref bool addsAzureClusterlessHpc)
            {
                if (item.Kind == Kind.String)
                {
                    packages.Add(new PackageRequest(item.Text, null, null, null, develop));
                    return null;
                }
                if (item.IsCall && item.Text is "PackageSpec" or "Pkg.PackageSpec")
                {
                    if (item.Text == "PackageSpec" && !_usingPkg) return "it uses PackageSpec without 'using Pkg', so Julia would stop there";
                    if (item.Items.Count == 1 && item.Keywords.Count == 0 && item.Items[0].Kind == Kind.String)
                    {
                        packages.Add(new PackageRequest(item.Items[0].Text, null, null, null, develop));
                        return null;
                    }
                    if (item.Items.Count == 0) return Package(item.Keywords, develop, packages, ref addsAzureClusterlessHpc);
                }
                return "a package is given by something other than a literal name or PackageSpec";
            }

            // name=, url=, rev=, version= (as keywords of the call or of PackageSpec).
            private static string? Package(List<(string Name, Value Value)> keywords, bool develop, List<PackageRequest> packages, ref bool addsAzureClusterlessHpc)
            {
                string? name = null, url = null, rev = null, version = null;
                if (keywords.Count == 0) return "it names no package";
                foreach (var (key, value) in keywords)
                {
                    if (key == "url" && IsTemplateClone(value))
                    {
                        addsAzureClusterlessHpc = true;
                        continue;
                    }
                    var text = value.Kind == Kind.String || key == "version" && value.Kind == Kind.VersionString ? value.Text : null;
                    if (text is null) return $"the {key} of a package is not a literal string";
                    switch (key)
                    {
                        case "name": name = text; break;
                        case "url": url = text; break;
                        case "rev": rev = text; break;
                        case "version": version = text; break;
                        default: return $"'{key}=' is not a package setting ClusterlessHpc declares (name, url, rev, version)";
                    }
                }
                if (name is null && url is null && rev is null && version is null) return null;
                if (IsAzureClusterlessHpc(name, url))
                {
                    addsAzureClusterlessHpc = true;
                    return null;
                }
                packages.Add(new PackageRequest(name, url, rev, version, develop));
                return null;
            }

            // The template's Pkg.add(url=joinpath(pwd(), "AzureClusterlessHPC")), which adds the clone of the line before.
            private static bool IsTemplateClone(Value value) =>
                value.IsCall && value.Text == "joinpath" && value.Keywords.Count == 0 && value.Items.Count == 2 &&
                value.Items[0].IsCall && value.Items[0].Text == "pwd" && value.Items[0].Items.Count == 0 &&
                value.Items[1].Kind == Kind.String && value.Items[1].Text.TrimEnd('/') is AzureClusterlessHpc or AzureClusterlessHpc + ".jl";

            private static bool IsAzureClusterlessHpc(string? name, string? url) =>
                name == AzureClusterlessHpc ||
                url is not null && LegacyStartupScript.PackageNameFromUrl(url) == AzureClusterlessHpc;

            private string? DottedName()
            {
                if (Peek.Kind != Kind.Name) return null;
                var name = new StringBuilder(Peek.Text);
                _at++;
                while (Peek.Kind == Kind.Dot && _tokens[_at + 1].Kind == Kind.Name)
                {
                    name.Append('.').Append(_tokens[_at + 1].Text);
                    _at += 2;
                }
                return name.ToString();
            }

            // "(" [values] [";"] [name=value ...] ")": positional arguments, then keywords; null when it is anything else.
            private Value? Call()
            {
                var call = new Value { Kind = Kind.Open };
                _at++;
                var keywordsOnly = false;
                while (Peek.Kind != Kind.Close)
                {
                    if (Peek.Kind == Kind.Semicolon && Peek.Text == ";") { keywordsOnly = true; _at++; continue; }
                    if (Peek.Kind == Kind.Name && _tokens[_at + 1].Kind == Kind.Equals)
                    {
                        var key = Peek.Text;
                        _at += 2;
                        var value = ValueOf();
                        if (value is null) return null;
                        call.Keywords.Add((key, value));
                    }
                    else
                    {
                        if (keywordsOnly || call.Keywords.Count > 0) return null;
                        var value = ValueOf();
                        if (value is null) return null;
                        call.Items.Add(value);
                    }
                    if (Peek.Kind == Kind.Comma) _at++;
                    else if (Peek.Kind != Kind.Close) return null;
                }
                _at++;
                return call;
            }

            private Value? ValueOf()
            {
                var token = Peek;
                switch (token.Kind)
                {
                    case Kind.String:
                    case Kind.VersionString:
                        _at++;
                        return new Value { Kind = token.Kind, Text = token.Text };
                    case Kind.OpenBracket:
                        _at++;
                        var array = new Value { Kind = Kind.OpenBracket };
                        while (Peek.Kind != Kind.CloseBracket)
                        {
                            var item = ValueOf();
                            if (item is null) return null;
                            array.Items.Add(item);
                            if (Peek.Kind == Kind.Comma) _at++;
                            else if (Peek.Kind != Kind.CloseBracket) return null;
                        }
                        _at++;
                        return array;
                    case Kind.Name:
                        var name = DottedName()!;
                        if (Peek.Kind != Kind.Open) return null;
                        var call = Call();
                        if (call is null) return null;
                        call.Text = name;
                        return call;
                    default:
                        return null;
                }
            }

            // The statement's tokens as text, for messages.
            private string Describe(int start)
            {
                var text = new StringBuilder();
                for (var i = start; i < _tokens.Count && _tokens[i].Kind is not (Kind.Semicolon or Kind.End) && text.Length < 80; i++)
                {
                    var token = _tokens[i];
                    text.Append(token.Kind switch
                    {
                        Kind.String => "\"" + token.Text + "\"",
                        Kind.VersionString => "v\"" + token.Text + "\"",
                        Kind.Name when text.Length > 0 && _tokens[i - 1].Kind == Kind.Name => " " + token.Text,
                        _ => token.Text,
                    });
                }
                return text.ToString();
            }
        }
    }
}
