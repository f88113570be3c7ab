using System.Net;
using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// The job and task operations against the REST specification (tests/Shared/BatchApi): the spec's examples are
    /// accepted as written, every response body validates against the operation's schema, and the headers the spec
    /// declares are there.
    /// </summary>
    public sealed class JobTaskSpecConformanceTests : IClassFixture<DefaultEmulatorFixture>, IDisposable
    {
        private readonly DefaultEmulatorFixture _fixture;
        private readonly JsonRequests _requests;

        public JobTaskSpecConformanceTests(DefaultEmulatorFixture fixture)
        {
            _fixture = fixture;
            _requests = new JsonRequests(fixture.Emulator);
        }

        public void Dispose() => _requests.Dispose();

        [Fact]
        public async Task The_examples_are_accepted_and_every_job_and_task_response_validates_against_the_spec()
        {
            SharedReferenceData.Require();
            var pool = TestPools.UniqueId("conform-jobs");
            var spec = TestPools.Create(pool, dedicatedNodes: 1);
            spec.TaskSlotsPerNode = 2;
            await _fixture.Client.CreatePoolAsync(spec, TestContext.Current.CancellationToken);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var job = Example("JobAdd_Basic", "job");
            var jobId = TestPools.UniqueId("job");
            job["id"] = jobId;
            job["poolInfo"]!["poolId"] = pool;

            var added = await _requests.PostAsync("jobs", job);
            var task = await _requests.PostAsync($"jobs/{jobId}/tasks", Example("TaskAdd_Basic", "task"));
            var slots = await _requests.PostAsync($"jobs/{jobId}/tasks", Example("TaskAdd_RequiredSlots", "task") is var t && t["id"] is not null ? Renamed(t, "slots") : t);
            var collection = await _requests.PostAsync($"jobs/{jobId}/addtaskcollection", Example("TaskAddCollection_Basic", "taskCollection"));
            var patch = Example("JobPatch", "jobPatchParameter");
            patch["poolInfo"]!["poolId"] = pool;
            var patched = await _requests.SendAsync(HttpMethod.Patch, "jobs/" + jobId, patch);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(10));
            var terminatedTask = await _requests.PostAsync($"jobs/{jobId}/tasks/simple2/terminate");

            Assert.Equal(HttpStatusCode.Created, added.Status);
            Assert.Equal(HttpStatusCode.Created, task.Status);
            Assert.Equal(HttpStatusCode.Created, slots.Status);
            Assert.Equal(HttpStatusCode.OK, patched.Status);
            AssertHeaders(added, "/jobs", "post", "201");
            AssertHeaders(task, "/jobs/{jobId}/tasks", "post", "201");
            AssertHeaders(patched, "/jobs/{jobId}", "patch", "200");
            AssertHeaders(terminatedTask, "/jobs/{jobId}/tasks/{taskId}/terminate", "post", "204");
            AssertValid(collection, "/jobs/{jobId}/addtaskcollection", "post");
            AssertValid(await _requests.GetAsync("jobs?maxresults=1"), "/jobs", "get");
            AssertValid(await _requests.GetAsync("jobs/" + jobId), "/jobs/{jobId}", "get");
            AssertValid(await _requests.GetAsync($"jobs/{jobId}/tasks"), "/jobs/{jobId}/tasks", "get");
            AssertValid(await _requests.GetAsync($"jobs/{jobId}/tasks/task1"), "/jobs/{jobId}/tasks/{taskId}", "get");
            AssertValid(await _requests.GetAsync($"jobs/{jobId}/tasks/simple2"), "/jobs/{jobId}/tasks/{taskId}", "get");
            AssertValid(await _requests.GetAsync($"jobs/{jobId}/taskcounts"), "/jobs/{jobId}/taskcounts", "get");
            AssertValid(await _requests.GetAsync($"jobs/{jobId}/tasks/task1/files"), "/jobs/{jobId}/tasks/{taskId}/files", "get");
            var terminated = await _requests.PostAsync($"jobs/{jobId}/terminate", Example("JobTerminate", "jobTerminateParameter"));
            AssertHeaders(terminated, "/jobs/{jobId}/terminate", "post", "202");
            AssertValid(await _requests.GetAsync("jobs/" + jobId), "/jobs/{jobId}", "get");
        }

        /// <summary>An example of the spec as the service publishes it, read from the shared reference data beside the repository.</summary>
        private static JsonObject Example(string name, string parameter) =>
            JsonNode.Parse(File.ReadAllText(SharedReferenceData.Path("batch-api", "examples", name + ".json")))!["parameters"]![parameter]!.AsObject();

        private static JsonObject Renamed(JsonObject task, string id)
        {
            task["id"] = id;
            return task;
        }

        private static void AssertValid(Reply reply, string path, string verb)
        {
            Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
            var schema = BatchApiSpec.Operation(path, verb)["responses"]!["200"]!["schema"]!;
            var errors = BatchApiSpec.ValidateSchema(reply.Body, schema);
            Assert.True(errors.Count == 0, $"{verb} {path}:\n{string.Join("\n", errors)}\n{reply.Text}");
            AssertHeaders(reply, path, verb, "200");
        }

        private static void AssertHeaders(Reply reply, string path, string verb, string status)
        {
            Assert.Equal(status, ((int)reply.Status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var declared = BatchApiSpec.Operation(path, verb)["responses"]![status]!["headers"]?.AsObject().Select(h => h.Key) ?? [];
            // client-request-id is echoed only when asked for (return-client-request-id), as the service does.
            foreach (var header in declared.Where(h => !string.Equals(h, "client-request-id", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(reply.Header(header) is not null, $"{verb} {path} {status} lacks {header}");
            }
        }
    }
}
