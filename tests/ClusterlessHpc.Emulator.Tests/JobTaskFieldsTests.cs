using System.Net;
using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// Every property of the job add, patch and update bodies and of the task add body, as the spec lists them, is either
    /// stored and echoed on GET or refused by name (400 InvalidPropertyValue naming it): none is silently dropped. A
    /// property the spec gains without a decision here fails its row.
    /// </summary>
    public sealed class JobTaskFieldsTests : IClassFixture<DefaultEmulatorFixture>, IDisposable
    {
        /// <summary>What the test sends for a property, and whether the emulator must echo it (as sent) or refuse it.</summary>
        private sealed record Decision(JsonNode? Sent, bool Refused = false)
        {
            /// <summary>A property the test's smallest valid body sets already (an id, the pool, the command line).</summary>
            public static Decision Base { get; } = new(Sent: null);

            public static Decision Echo(JsonNode sent) => new(sent);

            public static Decision Refuse(JsonNode sent) => new(sent, Refused: true);
        }

        private const string Pool = "fields-pool-not-created";

        private static readonly Dictionary<string, Decision> Job = new(StringComparer.Ordinal)
        {
            ["id"] = Decision.Base,
            ["poolInfo"] = Decision.Base,
            ["displayName"] = Decision.Echo("Fields"),
            ["priority"] = Decision.Echo(7),
            ["maxParallelTasks"] = Decision.Echo(3),
            ["allowTaskPreemption"] = Decision.Echo(true),
            ["constraints"] = Decision.Echo(new JsonObject { ["maxWallClockTime"] = "PT1H", ["maxTaskRetryCount"] = 2 }),
            ["commonEnvironmentSettings"] = Decision.Echo(new JsonArray(new JsonObject { ["name"] = "A", ["value"] = "1" })),
            ["onAllTasksComplete"] = Decision.Echo("terminatejob"),
            ["metadata"] = Decision.Echo(new JsonArray(new JsonObject { ["name"] = "m", ["value"] = "v" })),
            ["jobManagerTask"] = Decision.Refuse(new JsonObject { ["id"] = "m", ["commandLine"] = "run" }),
            ["jobPreparationTask"] = Decision.Refuse(new JsonObject { ["commandLine"] = "prepare" }),
            ["jobReleaseTask"] = Decision.Refuse(new JsonObject { ["commandLine"] = "release" }),
            ["usesTaskDependencies"] = Decision.Refuse(true),
            ["networkConfiguration"] = Decision.Refuse(new JsonObject
            {
                ["subnetId"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/default",
            }),
            // Without exit conditions the default exit options terminate the job when a task fails: not run, so refused.
            ["onTaskFailure"] = Decision.Refuse("performexitoptionsjobaction"),
        };

        private static readonly Dictionary<string, Decision> Task = new(StringComparer.Ordinal)
        {
            ["id"] = Decision.Base,
            ["commandLine"] = Decision.Base,
            ["displayName"] = Decision.Echo("Fields"),
            ["resourceFiles"] = Decision.Echo(new JsonArray(new JsonObject { ["httpUrl"] = "https://example.com/a.txt", ["filePath"] = "a.txt" })),
            ["environmentSettings"] = Decision.Echo(new JsonArray(new JsonObject { ["name"] = "A", ["value"] = "1" })),
            ["affinityInfo"] = Decision.Echo(new JsonObject { ["affinityId"] = "TVM:tvm-1_1-20250101t000000z" }),
            ["constraints"] = Decision.Echo(new JsonObject { ["maxWallClockTime"] = "PT1H", ["retentionTime"] = "PT2H", ["maxTaskRetryCount"] = 2 }),
            ["requiredSlots"] = Decision.Echo(2),
            ["userIdentity"] = Decision.Echo(new JsonObject { ["autoUser"] = new JsonObject { ["scope"] = "task", ["elevationLevel"] = "admin" } }),
            ["containerSettings"] = Decision.Refuse(new JsonObject { ["imageName"] = "ubuntu" }),
            ["exitConditions"] = Decision.Refuse(new JsonObject { ["default"] = new JsonObject { ["jobAction"] = "none" } }),
            ["outputFiles"] = Decision.Refuse(new JsonArray(new JsonObject
            {
                ["filePattern"] = "*.txt",
                ["destination"] = new JsonObject { ["container"] = new JsonObject { ["containerUrl"] = "https://example.com/c" } },
                ["uploadOptions"] = new JsonObject { ["uploadCondition"] = "tasksuccess" },
            })),
            ["multiInstanceSettings"] = Decision.Refuse(new JsonObject { ["numberOfInstances"] = 2, ["coordinationCommandLine"] = "coordinate" }),
            ["dependsOn"] = Decision.Refuse(new JsonObject { ["taskIds"] = new JsonArray("a") }),
            ["applicationPackageReferences"] = Decision.Refuse(new JsonArray(new JsonObject { ["applicationId"] = "app" })),
            ["authenticationTokenSettings"] = Decision.Refuse(new JsonObject { ["access"] = new JsonArray("job") }),
        };

        /// <summary>The bodies audited, by their spec definition, with the decisions that apply to them.</summary>
        private static readonly Dictionary<string, Dictionary<string, Decision>> Bodies = new(StringComparer.Ordinal)
        {
            ["JobAddParameter"] = Job,
            ["JobPatchParameter"] = Job,
            ["JobUpdateParameter"] = Job,
            ["TaskAddParameter"] = Task,
        };

        private readonly DefaultEmulatorFixture _fixture;
        private readonly JsonRequests _requests;

        public JobTaskFieldsTests(DefaultEmulatorFixture fixture)
        {
            _fixture = fixture;
            _requests = new JsonRequests(fixture.Emulator);
        }

        public void Dispose() => _requests.Dispose();

        public static TheoryData<string> Properties => new(SharedReferenceData.RowsOrPlaceholder(() =>
            Bodies.Keys.SelectMany(body => BatchApiSpec.Definitions[body]!["properties"]!.AsObject().Select(p => body + "." + p.Key))));

        [Theory]
        [MemberData(nameof(Properties))]
        public async Task Each_property_is_stored_and_echoed_or_refused_by_name(string row)
        {
            SharedReferenceData.Require();
            var (body, property) = (row[..row.IndexOf('.', StringComparison.Ordinal)], row[(row.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            Assert.True(Bodies[body].TryGetValue(property, out var decision), $"{row}: the spec has a property the emulator has no decision for (store and echo it, or refuse it in Routes/Unsupported.cs).");
            var jobId = TestPools.UniqueId("fields");

            Reply reply;
            JsonObject sent;
            Func<Task<Reply>> read;
            switch (body)
            {
                case "JobAddParameter":
                    sent = With(JsonRequests.Job(jobId, Pool), property, decision);
                    reply = await _requests.PostAsync("jobs", sent);
                    read = () => _requests.GetAsync("jobs/" + jobId);
                    break;
                case "JobPatchParameter":
                case "JobUpdateParameter":
                    await AddJobAsync(jobId);
                    var update = body == "JobUpdateParameter";
                    sent = With(update ? new JsonObject { ["poolInfo"] = new JsonObject { ["poolId"] = Pool } } : [], property, decision);
                    if (decision == Decision.Base) sent[property] = JsonRequests.Job(jobId, Pool)[property]!.DeepClone();
                    reply = await _requests.SendAsync(update ? HttpMethod.Put : HttpMethod.Patch, "jobs/" + jobId, sent);
                    read = () => _requests.GetAsync("jobs/" + jobId);
                    break;
                default:
                    await AddJobAsync(jobId);
                    sent = With(BaseTask("t"), property, decision);
                    reply = await _requests.PostAsync($"jobs/{jobId}/tasks", sent);
                    read = () => _requests.GetAsync($"jobs/{jobId}/tasks/t");
                    break;
            }

            if (decision.Refused)
            {
                AssertRefused(reply, property);
                return;
            }
            Assert.True(reply.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"{row}: {reply.Status} {reply.Text}");
            var echoed = (await read()).Body!.AsObject();
            Assert.True(JsonNode.DeepEquals(sent[property], echoed[property]), $"{row}: sent {sent[property]?.ToJsonString()}, GET echoes {echoed[property]?.ToJsonString()}");
        }

        [Theory]
        [MemberData(nameof(Properties))]
        public async Task Each_task_property_is_decided_alike_in_an_add_collection(string row)
        {
            SharedReferenceData.Require();
            if (!row.StartsWith("TaskAddParameter.", StringComparison.Ordinal)) return;
            var property = row["TaskAddParameter.".Length..];
            Assert.True(Task.TryGetValue(property, out var decision), $"{row}: no decision for this property.");
            var jobId = TestPools.UniqueId("fields");
            await AddJobAsync(jobId);
            var sent = With(BaseTask("t"), property, decision);

            var reply = await _requests.PostAsync($"jobs/{jobId}/addtaskcollection", new JsonObject { ["value"] = new JsonArray(sent) });
            var result = Assert.Single(reply.Body!["value"]!.AsArray())!;

            if (decision.Refused)
            {
                Assert.Equal(("ClientError", "InvalidPropertyValue"), (result["status"]!.GetValue<string>(), result["error"]!["code"]!.GetValue<string>()));
                Assert.Equal(property, Value(result["error"]!, "PropertyName"));
                return;
            }
            Assert.Equal("Success", result["status"]!.GetValue<string>());
            var echoed = (await _requests.GetAsync($"jobs/{jobId}/tasks/t")).Body!;
            Assert.True(JsonNode.DeepEquals(sent[property], echoed[property]), $"{row}: sent {sent[property]?.ToJsonString()}, GET echoes {echoed[property]?.ToJsonString()}");
        }

        [Fact]
        public async Task A_task_starts_on_the_node_its_affinityInfo_names_when_that_node_has_the_slots_free()
        {
            var pool = TestPools.UniqueId("affinity");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(pool, dedicatedNodes: 2), TestContext.Current.CancellationToken);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var nodes = new List<string>();
            await foreach (var node in _fixture.Client.GetNodesAsync(pool, cancellationToken: TestContext.Current.CancellationToken)) nodes.Add(node.Id!);
            var jobId = TestPools.UniqueId("affinity");
            await _requests.PostAsync("jobs", JsonRequests.Job(jobId, pool));

            // Where a task without a hint goes (each node has one slot, both free): the other node is the one to ask for.
            var usual = await RunOnAsync(jobId, "probe", affinity: null);
            _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var other = nodes.Single(n => n != usual);
            var asked = await RunOnAsync(jobId, "asked", affinity: other);
            // The node it names is busy now: a soft preference, so the task waits for no node and runs on the free one.
            var busy = await RunOnAsync(jobId, "busy", affinity: other);

            Assert.Equal(other, asked);
            Assert.Equal(usual, busy);
        }

        /// <summary>Adds a task of a minute, lets the scheduler place it, and answers the node it runs on.</summary>
        private async Task<string?> RunOnAsync(string jobId, string taskId, string? affinity)
        {
            var body = JsonRequests.Task(taskId, duration: "1m");
            if (affinity is not null) body["affinityInfo"] = new JsonObject { ["affinityId"] = "TVM:" + affinity };
            Assert.Equal(HttpStatusCode.Created, (await _requests.PostAsync($"jobs/{jobId}/tasks", body)).Status);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            return (await _requests.GetAsync($"jobs/{jobId}/tasks/{taskId}")).Body!["nodeInfo"]?["nodeId"]?.GetValue<string>();
        }

        [Fact]
        public async Task An_affinityInfo_without_its_affinityId_is_MissingRequiredProperty_and_an_empty_list_of_a_refused_feature_asks_for_nothing()
        {
            var jobId = TestPools.UniqueId("fields");
            await AddJobAsync(jobId);
            var noId = BaseTask("no-id");
            noId["affinityInfo"] = new JsonObject();
            var emptyList = BaseTask("empty");
            emptyList["outputFiles"] = new JsonArray();
            emptyList["applicationPackageReferences"] = new JsonArray();

            var refused = await _requests.PostAsync($"jobs/{jobId}/tasks", noId);
            var added = await _requests.PostAsync($"jobs/{jobId}/tasks", emptyList);

            Assert.Equal((HttpStatusCode.BadRequest, "MissingRequiredProperty"), (refused.Status, refused.ErrorCode));
            Assert.Equal("affinityInfo.affinityId", Value(refused.Body!, "PropertyName"));
            Assert.Equal(HttpStatusCode.Created, added.Status);
        }

        private async Task AddJobAsync(string jobId) =>
            Assert.Equal(HttpStatusCode.Created, (await _requests.PostAsync("jobs", JsonRequests.Job(jobId, Pool))).Status);

        private static JsonObject BaseTask(string id) => new() { ["id"] = id, ["commandLine"] = "/bin/true" };

        private static JsonObject With(JsonObject body, string property, Decision decision)
        {
            if (decision.Sent is { } value) body[property] = value.DeepClone();
            return body;
        }

        private static void AssertRefused(Reply reply, string property)
        {
            Assert.Equal((HttpStatusCode.BadRequest, "InvalidPropertyValue"), (reply.Status, reply.ErrorCode));
            Assert.Equal(property, Value(reply.Body!, "PropertyName"));
            Assert.Contains("The emulator does not run", Value(reply.Body!, "Reason"), StringComparison.Ordinal);
        }

        private static string? Value(JsonNode error, string key) =>
            error["values"]?.AsArray().FirstOrDefault(v => v!["key"]!.GetValue<string>() == key)?["value"]?.GetValue<string>();
    }
}
