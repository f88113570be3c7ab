using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>How durations read in the provisioner's messages (and chpc's, which compiles the same file).</summary>
public class DurationTextTests
{
    [Theory]
    [InlineData(2.0162708, "2.0 s")]
    [InlineData(0.6, "0.6 s")]
    [InlineData(90, "1 min 30 s")]
    [InlineData(1800, "30 min")]
    [InlineData(7500, "2 h 5 min")]
    [InlineData(7200, "2 h")]
    public void Durations_read_as_people_write_them(double seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
