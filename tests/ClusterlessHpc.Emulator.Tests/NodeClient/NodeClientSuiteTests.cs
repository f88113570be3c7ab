namespace ClusterlessHpc.Emulator.Tests.NodeClient
{
    /// <summary>One run of the Node client suite against an emulator of its own, with the api-version the client sends.</summary>
    public abstract class NodeClientSuiteFixture : IAsyncLifetime
    {
        /// <summary>The api-version to send; null for the client's own default.</summary>
        protected abstract string? ApiVersion { get; }

        public IReadOnlyDictionary<string, NodeClientCase> Cases { get; private set; } = new Dictionary<string, NodeClientCase>();

        public string Log { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            // The real clock with the emulator's default (sub-second) node timings: the suite waits for nodes as a user would.
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions());
            var (account, key) = emulator.Credential;
            (Cases, Log) = await NodeClientSuite.RunAsync(emulator.Endpoint, account, key, ApiVersion);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public sealed class DefaultApiVersionSuite : NodeClientSuiteFixture
    {
        protected override string? ApiVersion => null;
    }

    public sealed class CurrentApiVersionSuite : NodeClientSuiteFixture
    {
        protected override string? ApiVersion => "2024-07-01.20.0";
    }

    /// <summary>
    /// Microsoft's Node Batch client (@azure/batch 10.2.0) through the pool and node surface, one test per case of
    /// tests/NodeClient/BatchServiceClientSuite.cjs: the script judges each answer against the service's recorded
    /// behaviour, and each body it hands back must validate against the REST specification's schema.
    /// </summary>
    public abstract class NodeClientSuiteTests<TSuite>(TSuite suite) : IClassFixture<TSuite>
        where TSuite : NodeClientSuiteFixture
    {
        public static TheoryData<string> Cases => new(NodeClientSuite.CaseNames());

        [Theory]
        [MemberData(nameof(Cases))]
        public void Answers_as_the_service(string name)
        {
            Assert.True(suite.Cases.TryGetValue(name, out var result), $"The suite reported nothing for '{name}'.\n{suite.Log}");
            Assert.True(result.Passed, $"{name}:\n  " + string.Join("\n  ", result.Failures));
            var schemaErrors = result.Bodies
                .SelectMany(b => BatchApiSpec.Validate(b.Body, b.Definition).Select(e => $"{b.Definition} {e}"))
                .ToList();
            Assert.True(schemaErrors.Count == 0, $"{name}: bodies that break the spec's schemas:\n  " + string.Join("\n  ", schemaErrors));
        }

        [Fact]
        public void The_suite_reported_every_case_it_declares()
        {
            Assert.Equal(NodeClientSuite.CaseNames().Order(StringComparer.Ordinal), suite.Cases.Keys.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The client as installed: it sends its own default api-version, 2022-10-01.16.0.</summary>
    public sealed class NodeClientDefaultApiVersionTests(DefaultApiVersionSuite suite) : NodeClientSuiteTests<DefaultApiVersionSuite>(suite);

    /// <summary>The client told to send the emulator's own api-version, 2024-07-01.20.0.</summary>
    public sealed class NodeClientCurrentApiVersionTests(CurrentApiVersionSuite suite) : NodeClientSuiteTests<CurrentApiVersionSuite>(suite);
}
