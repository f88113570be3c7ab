namespace ClusterlessHpc.Generator.Tests;

/// <summary>
/// Expected generator output kept in Baselines/. Set CHPC_UPDATE_BASELINES=1 to rewrite them from the
/// current output (then review the diff before committing).
/// </summary>
internal static class Baseline
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("CHPC_UPDATE_BASELINES") == "1")
        {
            var source = Path.Combine(FindProjectDirectory(), "Baselines", name);
            File.WriteAllText(source, actual);
            return;
        }
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Baselines", name));
        Assert.Equal(expected, actual);
    }

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterlessHpc.Generator.Tests.csproj"))) return dir.FullName;
        }
        throw new InvalidOperationException("The test project folder was not found.");
    }
}
