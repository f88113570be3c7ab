using Azure;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>The one map from a failure to chpc's exit code, and to the error code apply names for one pool's failure.</summary>
public sealed class CliErrorsTests
{
    [Fact]
    public void Each_failure_has_one_exit_code_and_a_pools_own_failure_names_its_code()
    {
        Assert.Equal(new Failure(ExitCodes.OperationFailed, "Timeout"), CliErrors.Classify(new TimeoutException("slow")));
        Assert.Equal(new Failure(ExitCodes.OperationFailed, "PoolNotFound"), CliErrors.Classify(new RequestFailedException(404, "no", "PoolNotFound", null)));
        Assert.Equal(new Failure(ExitCodes.OperationFailed, "RequestFailed"), CliErrors.Classify(new RequestFailedException(500, "boom")));
        Assert.Equal(new Failure(ExitCodes.InvalidInput, "UnsupportedImage"), CliErrors.Classify(new PreflightException("p", "ubuntu 99.04", "ubuntu 22.04")));
        // Failures of the whole command: an exit code, and no pool's error code, so apply lets them end the command.
        Assert.Equal(new Failure(ExitCodes.OperationFailed, null), CliErrors.Classify(new OperationCanceledException()));
        Assert.Equal(new Failure(ExitCodes.Usage, null), CliErrors.Classify(new CliException(ExitCodes.Usage, "bad")));
        Assert.Null(CliErrors.Classify(new NullReferenceException()));

        using var console = new StringWriter();
        Assert.True(CliErrors.TryReport(new CliConsole(TextReader.Null, TextWriter.Null, console), new TimeoutException("slow"), out var exitCode));
        Assert.Equal(CliErrors.Classify(new TimeoutException())!.Value.ExitCode, exitCode);
    }

    [Fact]
    public void A_storage_accounts_failure_is_named_as_the_storage_accounts_not_batchs()
    {
        var unreachable = new RequestFailedException(0, "Connection refused", new HttpRequestException("Connection refused (127.0.0.1:1)"));
        unreachable.Data[ClusterlessHpc.Provisioning.Delivery.BlobDelivery.StorageAccountDataKey] = "http://127.0.0.1:1";
        var refused = new RequestFailedException(403, "This request is not authorized.\nRequestId:1", "AuthorizationFailure", null);
        refused.Data[ClusterlessHpc.Provisioning.Delivery.BlobDelivery.StorageAccountDataKey] = "https://acct.blob.core.windows.net";

        Assert.Equal("error: the blob storage account http://127.0.0.1:1 cannot be reached: Connection refused (127.0.0.1:1)", CliErrors.Describe(unreachable));
        Assert.Equal("error AuthorizationFailure from the blob storage account https://acct.blob.core.windows.net: This request is not authorized.", CliErrors.Describe(refused));
        Assert.StartsWith("error: the Batch service cannot be reached", CliErrors.Describe(new RequestFailedException(0, "Connection refused")));
    }
}
