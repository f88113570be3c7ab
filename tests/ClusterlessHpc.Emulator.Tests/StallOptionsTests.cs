namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The options that produce stalls: core quotas and injected allocation failures.</summary>
    public sealed class StallOptionsTests
    {
        [Fact]
        public void Core_quotas_are_read_from_the_command_line_and_none_by_default()
        {
            var options = BatchEmulatorOptions.Parse(["--dedicated-core-quota", "20", "--low-priority-core-quota", "8"]);

            Assert.Equal((20, 8), (options.DedicatedCoreQuota, options.LowPriorityCoreQuota));
            Assert.Equal((null, null), (BatchEmulatorOptions.Standalone().DedicatedCoreQuota, BatchEmulatorOptions.Standalone().LowPriorityCoreQuota));
            Assert.Contains("--dedicated-core-quota needs a number of cores", Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse(["--dedicated-core-quota", "-1"])).Message);
        }

        [Fact]
        public async Task An_allocation_failure_that_is_not_a_resize_error_code_of_the_service_is_refused_naming_it()
        {
            var options = new BatchEmulatorOptions();
            options.AllocationFailures["redwood"] = "NoCapacity";

            var error = await Assert.ThrowsAsync<ArgumentException>(async () => await BatchEmulator.StartAsync(options));

            Assert.Contains("AllocationFailures['redwood'] is 'NoCapacity'; use one of AllocationFailed, AllocationTimedout.", error.Message);
        }
    }
}
