using System.Text.RegularExpressions;

namespace ClusterlessHpc.Testing;

/// <summary>
/// AzureClusterlessHPC.jl's own files beside the repository (../shared/seed): its example parameters.json files, its
/// credentials template and the "Managing pools" page with the startup-script template. Tests that need them report
/// as not run where the folder is absent.
/// </summary>
internal static class SeedFiles
{
    public static string Folder { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot.Path, "..", "shared", "seed"));

    public static string LegacyExamples => System.IO.Path.Combine(Folder, "legacy-examples");

    public static bool Present => File.Exists(System.IO.Path.Combine(Folder, "pools.md")) && Directory.Exists(LegacyExamples);

    public static string SkipReason => $"AzureClusterlessHPC.jl's files are not at {Folder}";

    /// <summary>Every example parameters file (not the credentials template), by file name; empty when the folder is absent.</summary>
    public static TheoryData<string> ParameterFiles()
    {
        var names = Directory.Exists(LegacyExamples)
            ? Directory.GetFiles(LegacyExamples, "*.json").Select(System.IO.Path.GetFileName).Where(n => n != "credentials.json").Order(StringComparer.Ordinal).ToList()
            : [];
        // A theory needs a row; without the files the one row reports as not run.
        return names.Count == 0 ? new TheoryData<string>("(absent)") : new TheoryData<string>(names!);
    }

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
