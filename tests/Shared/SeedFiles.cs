using System.Text.RegularExpressions;

namespace ClusterlessHpc.Testing;

/// <summary>
/// AzureClusterlessHPC.jl's own files beside the repository (../shared/seed): its example parameters.json files, its
/// credentials template and the "Managing pools" page with the startup-script template (see
/// <see cref="SharedReferenceData"/> for when the tests that need them run).
/// </summary>
internal static class SeedFiles
{
    public static string Folder { get; } = SharedReferenceData.Path("seed");

    public static string LegacyExamples => System.IO.Path.Combine(Folder, "legacy-examples");

    /// <summary>Every example parameters file (not the credentials template), by file name.</summary>
    public static TheoryData<string> ParameterFiles() =>
        new TheoryData<string>(SharedReferenceData.RowsOrPlaceholder(() =>
            Directory.GetFiles(LegacyExamples, "*.json").Select(System.IO.Path.GetFileName).Where(n => n != "credentials.json").Order(StringComparer.Ordinal)!));

    public static string CredentialsTemplate => System.IO.Path.Combine(LegacyExamples, "credentials.json");

    /// <summary>The page's startup-script template, with <paramref name="userLines"/> in its "ADD USER PACKAGES HERE" section.</summary>
    public static string StartupScript(params string[] userLines)
    {
        var page = File.ReadAllText(System.IO.Path.Combine(Folder, "pools.md"));
        var template = Regex.Match(page, "```\n(#!/bin/bash\n.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("# ADD USER PACKAGES HERE\n# ...\n", template);
        return template.Replace("# ADD USER PACKAGES HERE\n# ...\n", "# ADD USER PACKAGES HERE\n# ...\n" + string.Concat(userLines.Select(l => l + "\n")));
    }

    /// <summary>The two package lines the page gives as examples for that section.</summary>
    public static string[] PageExampleLines()
    {
        var page = File.ReadAllText(System.IO.Path.Combine(Folder, "pools.md"));
        return Regex.Matches(page, "```\n(julia -e '[^\n]*')\n```").Select(m => m.Groups[1].Value).ToArray();
    }
}
