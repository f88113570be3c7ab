using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using ClusterlessHpc.AutoScale.Language.Binding;

namespace ClusterlessHpc.Cli
{
    /// <summary>
    /// A command line that does not parse: each problem on one line, a word that is not a command or option with the
    /// closest one that is, and the <c>--help</c> of the command the user was typing.
    /// </summary>
    internal static class UsageErrors
    {
        public static void Report(CliConsole console, ParseResult parsed, string[] args)
        {
            var command = parsed.CommandResult.Command;
            var path = CommandPath(parsed.CommandResult);
            foreach (var line in Describe(parsed, command, path)) console.Error.WriteLine("error: " + Secrets.Redact(line, args));
            console.Error.WriteLine($"Run '{path} --help' for usage.");
        }

        private static IEnumerable<string> Describe(ParseResult parsed, Command command, string path)
        {
            var unmatched = parsed.UnmatchedTokens;
            var word = unmatched.FirstOrDefault(t => !t.StartsWith('-'));
            if (command.Subcommands.Count > 0 && command.Action is null)
            {
                // A command that only groups others: what matters is which one was meant.
                yield return word is null
                    ? $"{path} needs a command: {Names(command.Subcommands.Select(c => c.Name))}."
                    : $"'{word}' is not a {path} command" + HintOrStop(word, command.Subcommands.Select(c => c.Name));
                yield break;
            }

            var explained = new List<string>();
            foreach (var token in unmatched.Where(t => t.StartsWith('-')))
            {
                explained.Add(token);
                yield return UnknownOption(token, parsed.CommandResult);
            }
            foreach (var error in parsed.Errors)
            {
                // The parser's own line for a token explained above says less.
                if (explained.Any(token => error.Message.Contains($"'{token}'", System.StringComparison.Ordinal))) continue;
                // The parser's refusal of an option's value ("Argument 'bogus' not recognized...") does not say whose value it was.
                if ((error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult) is { Option.Name: var option } &&
                    !error.Message.Contains(option, System.StringComparison.Ordinal))
                {
                    yield return $"{option}: {error.Message}";
                    continue;
                }
                yield return error.Message;
            }
        }

        /// <summary>"chpc nodes has no option '--jsn' (did you mean '--json'?)".</summary>
        public static string UnknownOption(string token, CommandResult command)
        {
            var name = token.Split('=', ':')[0];
            return $"{CommandPath(command)} has no option '{name}'" + HintOrStop(name, OptionNames(command));
        }

        /// <summary>
        /// Makes a word like <c>--jsn</c> given where an argument may stand an unknown option rather than the argument's value
        /// (no pool id starts with "--"), so <c>chpc status --jsn</c> is not a search for a pool named "--jsn"; and an empty
        /// value (<c>chpc status ""</c>) a usage error naming the argument, as no id is empty.
        /// </summary>
        public static void RejectEmptyOrOptionLikeValues(Argument argument) => argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length == 0)
                {
                    result.AddError($"{argument.Name} is empty.");
                }
                else if (token.Value.StartsWith("--", System.StringComparison.Ordinal) && result.Parent is CommandResult command)
                {
                    result.AddError(UnknownOption(token.Value, command));
                }
            }
        });

        /// <summary>"chpc autoscale enable": the words that led to the command, whatever the executable is called.</summary>
        private static string CommandPath(CommandResult result)
        {
            var names = new List<string>();
            for (SymbolResult? current = result; current is not null; current = current.Parent)
            {
                if (current is CommandResult { Command: var command }) names.Add(command is RootCommand ? "chpc" : command.Name);
            }
            names.Reverse();
            return string.Join(' ', names);
        }

        /// <summary>The options the command accepts, its own and those its parents give every command.</summary>
        private static IEnumerable<string> OptionNames(CommandResult result)
        {
            for (SymbolResult? current = result; current is not null; current = current.Parent)
            {
                if (current is not CommandResult { Command: var command }) continue;
                foreach (var option in command.Options)
                {
                    if (current != result && !option.Recursive) continue;
                    yield return option.Name;
                    foreach (var alias in option.Aliases) yield return alias;
                }
            }
        }

        /// <summary>" (did you mean 'status'?)" when a name is close, else the sentence's full stop.</summary>
        private static string HintOrStop(string word, IEnumerable<string> names) => Suggestions.Hint(word, names) is { Length: > 0 } hint ? hint : ".";

        private static string Names(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
        }
    }
}
