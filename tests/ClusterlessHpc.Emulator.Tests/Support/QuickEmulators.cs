namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>Options for an emulator a single test starts on the real clock, whose nodes come up in a few tens of milliseconds.</summary>
    internal static class QuickEmulators
    {
        public static BatchEmulatorOptions Simulating() => new()
        {
            NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
            NodeStartingDelay = TimeSpan.FromMilliseconds(20),
            StartTaskDelay = TimeSpan.FromMilliseconds(20),
        };

        /// <summary>Executing start tasks in <paramref name="nodesDirectory"/>, with a key of its own and a range of user ids of its own.</summary>
        public static BatchEmulatorOptions Executing(string nodesDirectory)
        {
            var options = Simulating();
            options.StartTaskMode = StartTaskMode.Execute;
            options.AccountName = "quickbatch";
            options.AccountKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
            options.NodesDirectory = nodesDirectory;
            options.SandboxUidBase = SandboxUids.NextBase();
            return options;
        }

        /// <summary>A folder for executed nodes, deleted with the returned handle.</summary>
        public static TempFolder Folder() => new(Directory.CreateTempSubdirectory("chpc-quick-").FullName);
    }

    internal sealed record TempFolder(string Path) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A start task killed a moment ago may still hold a file; the folder is in the temporary directory.
            }
        }
    }
}
