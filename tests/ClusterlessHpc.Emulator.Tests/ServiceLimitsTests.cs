using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Tests.Support;
using ClusterlessHpc.Emulator.Validation;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// The analyzer's rules and the emulator read one set of service limits: at each limit and one past it, a value the
    /// emulator refuses is one the rules report, and the other way round.
    /// </summary>
    public sealed class ServiceLimitsTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(ServiceLimits.MaxPoolIdLength)]
        [InlineData(ServiceLimits.MaxPoolIdLength + 1)]
        public void Pool_id_length(int length) => AssertAgree(new string('p', length), "id", DiagnosticCatalogue.PoolIdMustBeValid,
            id => new PoolDefinition { Id = id, NodeCount = 1 }, (pool, id) => pool.Id = id);

        [Theory]
        [InlineData("with.dot")]
        [InlineData("with space")]
        [InlineData("ünïcode")]
        [InlineData("ok-id_9")]
        public void Pool_id_characters(string id) => AssertAgree(id, "id", DiagnosticCatalogue.PoolIdMustBeValid,
            value => new PoolDefinition { Id = value, NodeCount = 1 }, (pool, value) => pool.Id = value);

        [Theory]
        [InlineData(ServiceLimits.MinTaskSlotsPerNode - 1)]
        [InlineData(ServiceLimits.MinTaskSlotsPerNode)]
        [InlineData(ServiceLimits.MaxTaskSlotsPerNode)]
        [InlineData(ServiceLimits.MaxTaskSlotsPerNode + 1)]
        public void Task_slots_per_node(int slots) => AssertAgree(slots, "taskSlotsPerNode", DiagnosticCatalogue.TaskSlotsPerNodeMustBeInRange,
            value => new PoolDefinition { Id = "limits", NodeCount = 1, TaskSlotsPerNode = value }, (pool, value) => pool.TaskSlotsPerNode = value);

        [Theory]
        [InlineData(ServiceLimits.MinResizeTimeoutMinutes - 1)]
        [InlineData(ServiceLimits.MinResizeTimeoutMinutes)]
        public void Resize_timeout(int minutes) => AssertAgree(minutes, "resizeTimeout", DiagnosticCatalogue.ResizeTimeoutMustBeAtLeastFiveMinutes,
            value => new PoolDefinition { Id = "limits", NodeCount = 1, ResizeTimeoutMinutes = value }, (pool, value) => pool.ResizeTimeout = TimeSpan.FromMinutes(value));

        [Theory]
        [InlineData(ServiceLimits.MinEvaluationIntervalMinutes - 1)]
        [InlineData(ServiceLimits.MinEvaluationIntervalMinutes)]
        [InlineData(ServiceLimits.MaxEvaluationIntervalMinutes)]
        [InlineData(ServiceLimits.MaxEvaluationIntervalMinutes + 1)]
        public void Evaluation_interval(int minutes) => AssertAgree(minutes, "autoScaleEvaluationInterval", DiagnosticCatalogue.EvaluationIntervalMustBeInRange,
            value => new PoolDefinition { Id = "limits", AutoScale = new AutoScaleDefinition("$TargetDedicatedNodes = 1;") { EvaluationIntervalMinutes = value } },
            (pool, value) =>
            {
                pool.TargetDedicatedNodes = null;
                pool.EnableAutoScale = true;
                pool.AutoScaleFormula = "$TargetDedicatedNodes = 1;";
                pool.AutoScaleEvaluationInterval = TimeSpan.FromMinutes(value);
            });

        private static void AssertAgree<T>(T value, string property, PoolRule rule, Func<T, PoolDefinition> definition, Action<BatchPoolCreateOptions, T> set)
        {
            var rulesRefuse = PoolValidator.Validate(definition(value)).Any(d => d.Rule == rule);
            var pool = TestPools.Create("limits", dedicatedNodes: 1);
            set(pool, value);
            var emulatorRefuses = false;
            try
            {
                PoolAddValidation.Validate(pool);
            }
            catch (EmulatorException e) when (e.Code == "InvalidPropertyValue" && e.Values.Any(v => v.Key == "PropertyName" && v.Value == property))
            {
                emulatorRefuses = true;
            }

            Assert.Equal(rulesRefuse, emulatorRefuses);
        }
    }
}
