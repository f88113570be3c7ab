namespace ClusterlessHpc.Tests;

public class VmSizeTests
{
    [Theory]
    [InlineData("Standard_D4ps_v5", true)]
    [InlineData("Standard_E8pds_v6", true)]
    [InlineData("Standard_D2pls_v5", true)]
    [InlineData("Standard_E8s_v3", false)]
    [InlineData("Standard_NP10s", false)]
    [InlineData("Standard_M416-208s_v2", false)]
    [InlineData("standard_a1", false)]
    public void Arm64_is_read_from_the_feature_letters(string size, bool arm) => Assert.Equal(arm, VmSize.IsArm64(size));
}
