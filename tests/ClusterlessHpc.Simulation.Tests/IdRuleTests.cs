using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Rules;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>
    /// One job and task id rule (<see cref="ServiceLimits"/>): the model refuses exactly the ids a
    /// <see cref="TaskDefinition"/> refuses, and the default job id always keeps to it.
    /// </summary>
    public sealed class IdRuleTests
    {
        public static TheoryData<string, bool> Ids => new()
        {
            { "a", true },
            { "ok-id_9", true },
            { new string('t', ServiceLimits.MaxTaskIdLength), true },
            { new string('t', ServiceLimits.MaxTaskIdLength + 1), false },
            { "with.dot", false },
            { "with space", false },
            { "ünïcode", false },
            { "trailing-newline\n", false },
        };

        [Theory]
        [MemberData(nameof(Ids))]
        public void A_task_id_is_refused_alike_by_the_model_and_by_a_task_definition(string id, bool valid)
        {
            Assert.Equal(valid, ServiceLimits.IsValidTaskId(id));

            var model = Record.Exception(() => JobRules.CheckTask(Task(id)));
            var definition = Record.Exception(() => TaskDefinition.Command(id, "hostname"));

            if (valid)
            {
                Assert.Null(model);
                Assert.Null(definition);
                return;
            }
            var refusal = Assert.IsType<PoolModelException>(model);
            Assert.Equal("InvalidPropertyValue", refusal.Code);
            Assert.Contains(refusal.Values, v => v.Key == "Reason" && v.Value == $"'{id}' is not an id: up to 64 letters, digits, hyphens and underscores.");
            Assert.StartsWith($"Task id '{id}' is not valid: use letters, digits, hyphens and underscores, at most 64 characters.",
                Assert.IsType<ArgumentException>(definition).Message, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void A_job_id_is_refused_by_the_model_as_the_rule_says(string id, bool valid)
        {
            Assert.Equal(valid, ServiceLimits.IsValidJobId(id));

            var model = Record.Exception(() => JobRules.CheckJob(Job(id, "pool")));

            if (valid)
            {
                Assert.Null(model);
                return;
            }
            var refusal = Assert.IsType<PoolModelException>(model);
            Assert.Contains(refusal.Values, v => v.Key == "Reason" && v.Value == $"'{id}' is not an id: up to 64 letters, digits, hyphens and underscores.");
        }

        [Fact]
        public void A_missing_id_is_a_missing_property_not_an_invalid_one()
        {
            Assert.Equal("MissingRequiredProperty", Assert.Throws<PoolModelException>(() => JobRules.CheckJob(Job("", "pool"))).Code);
            Assert.Equal("MissingRequiredProperty", Assert.Throws<PoolModelException>(() => JobRules.CheckTask(Task(""))).Code);
        }

        [Fact]
        public void The_default_job_id_of_the_longest_pool_id_is_a_valid_job_id()
        {
            var id = PoolJobRunner.DefaultJobId(new string('p', ServiceLimits.MaxPoolIdLength), new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

            Assert.Equal(ServiceLimits.MaxJobIdLength, id.Length);
            Assert.EndsWith("-20250102T030405", id, StringComparison.Ordinal);
            Assert.True(ServiceLimits.IsValidJobId(id));
        }
    }
}
