using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>A timeout no wait could keep is refused when it is set, not after a pool was created.</summary>
public sealed class PoolProvisionerOptionsTests
{
    [Fact]
    public void The_timeout_is_more_than_zero_and_at_most_the_longest_wait_a_timer_can_keep()
    {
        var options = new PoolProvisionerOptions { Timeout = PoolProvisionerOptions.MaxTimeout };

        // The longest a timer waits: a CancellationTokenSource takes it, and a millisecond more it refuses.
        using (new CancellationTokenSource(options.Timeout))
        {
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new CancellationTokenSource(PoolProvisionerOptions.MaxTimeout + TimeSpan.FromMilliseconds(1)));
        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromDays(60));
        Assert.Equal(nameof(PoolProvisionerOptions.Timeout), tooLong.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Equal(PoolProvisionerOptions.MaxTimeout, options.Timeout);
    }
}
