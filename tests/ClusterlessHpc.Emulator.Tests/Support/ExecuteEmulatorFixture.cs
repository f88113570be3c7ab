namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>
    /// An emulator that executes start tasks, on a <see cref="ManualClock"/>, with its own nodes folder and its own range
    /// of sandbox user ids (so classes running at the same time never share a user).
    /// </summary>
    public class ExecuteEmulatorFixture : ConfigurableEmulatorFixture
    {
        public string NodesDirectory { get; } = Directory.CreateTempSubdirectory("chpc-nodes-").FullName;

        public int UidBase { get; } = SandboxUids.NextBase();

        protected override void Configure(BatchEmulatorOptions options)
        {
            options.StartTaskMode = StartTaskMode.Execute;
            // The tests check the development account's variables; nothing but the tests reaches this emulator.
            options.AllowDevelopmentKey = true;
            options.NodesDirectory = NodesDirectory;
            options.SandboxUidBase = UidBase;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(NodesDirectory, recursive: true);
        }
    }
}
