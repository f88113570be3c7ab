using System.ComponentModel;
using System.Diagnostics;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>Inline delivery, its limit on both sides, and Auto without storage.</summary>
public sealed class InlineDeliveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inline_carries_the_script_compressed_in_one_setting_behind_the_fixed_command_line()
    {
        const string script = "#!/bin/bash\necho inline\n";

        var prepared = await ScriptDeliveryFactory.Create(new ClusterlessHpcOptions { Delivery = ScriptDelivery.Inline }).PrepareAsync(script, Cancel);
        var task = new BatchStartTask();
        prepared.ApplyTo(task);

        Assert.Equal(ScriptDelivery.Inline, prepared.Method);
        Assert.Equal(InlineScriptDelivery.CommandLine, prepared.CommandLine);
        Assert.Equal(InlineScriptDelivery.ScriptVariable, Assert.Single(prepared.EnvironmentSettings).Name);
        Assert.Empty(prepared.ResourceFiles);
        Assert.Null(prepared.BlobUri);
        Assert.Equal(script, InlineScriptDelivery.TryDecode(task));
        Assert.Equal(InlineScriptDelivery.CommandLine, task.CommandLine);
        Assert.Null(task.ResourceFiles);
        Assert.Equal($"inline: {script.Length} bytes, sha256 {prepared.ScriptSha256}, {prepared.EnvironmentSettings[0].Value!.Length} characters encoded", prepared.ToString());
    }

    [Fact]
    public void The_limit_scripts_sit_on_either_side_of_64_KiB_of_encoded_text()
    {
        Assert.Equal(65536, InlineDelivery.MaxEncodedLength);
        Assert.True(InlineDelivery.Fits(LimitScripts.Fits, out var fits));
        Assert.False(InlineDelivery.Fits(LimitScripts.TooLarge, out var tooLarge));
        Assert.InRange(fits, InlineDelivery.MaxEncodedLength - 4, InlineDelivery.MaxEncodedLength);
        Assert.InRange(tooLarge, InlineDelivery.MaxEncodedLength + 1, InlineDelivery.MaxEncodedLength + 8);
        Assert.Equal(LimitScripts.Fits.Length + 1, LimitScripts.TooLarge.Length);
    }

    [Fact]
    public async Task Auto_without_storage_sends_the_largest_script_inline_and_refuses_one_character_more_naming_the_settings()
    {
        var delivery = ScriptDeliveryFactory.Create(new ClusterlessHpcOptions());

        var inline = await delivery.PrepareAsync(LimitScripts.Fits, Cancel);
        var error = await Assert.ThrowsAsync<InlineScriptTooLargeException>(() => delivery.PrepareAsync(LimitScripts.TooLarge, Cancel));

        Assert.Equal(ScriptDelivery.Inline, inline.Method);
        Assert.Null(((AutoDelivery)delivery).Blob);
        Assert.Equal(LimitScripts.TooLarge.Length, error.ScriptLength);
        Assert.True(error.EncodedLength > InlineDelivery.MaxEncodedLength);
        Assert.Contains($"The startup script is {error.ScriptLength} bytes, {error.EncodedLength} characters compressed and base64-encoded: above the inline limit of 65536 characters.", error.Message);
        foreach (var setting in new[] { "ClusterlessHpc:Storage:ConnectionString", "ClusterlessHpc:Storage:ServiceUri", "ClusterlessHpc:Storage:AccountKey", "ClusterlessHpc:Storage:IdentityResourceId" })
        {
            Assert.Contains(setting, error.Message);
        }
    }

    [Fact]
    public async Task Inline_chosen_explicitly_refuses_a_script_above_the_limit_and_says_to_use_blob()
    {
        var error = await Assert.ThrowsAsync<InlineScriptTooLargeException>(
            () => ScriptDeliveryFactory.Create(new ClusterlessHpcOptions { Delivery = ScriptDelivery.Inline }).PrepareAsync(LimitScripts.TooLarge, Cancel));

        Assert.Contains("Set ClusterlessHpc:Delivery to Auto or Blob", error.Message);
    }

    [Fact]
    public async Task The_largest_inline_script_starts_and_runs_through_the_inline_command_line()
    {
        var prepared = InlineDelivery.Prepare(LimitScripts.Fits);
        using var folder = new TemporaryFolder();
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ShellCommand(prepared.CommandLine));
        start.Environment["AZ_BATCH_TASK_WORKING_DIR"] = folder.Path;
        start.Environment["AZ_BATCH_NODE_SHARED_DIR"] = folder.Path;
        start.Environment["CHPC_MARKER"] = "at the limit";
        foreach (var setting in prepared.EnvironmentSettings) start.Environment[setting.Name!] = setting.Value;

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("at the limit\n", File.ReadAllText(Path.Combine(folder.Path, "marker")));
        Assert.Equal(LimitScripts.Fits, File.ReadAllText(Path.Combine(folder.Path, InlineScriptDelivery.ScriptFileName)));
    }

    [Fact]
    public void Linux_will_not_start_a_process_with_one_environment_string_above_MAX_ARG_STRLEN()
    {
        // "NAME=value" plus its terminating NUL may be at most 131072 bytes: this is why inline stops well below it.
        const int maxArgStrlen = 131072;
        Assert.Equal(0, RunTrue(new string('a', maxArgStrlen - "V=".Length - 1)));

        var error = Assert.Throws<Win32Exception>(() => RunTrue(new string('a', maxArgStrlen - "V=".Length)));
        Assert.Equal(7, error.NativeErrorCode); // E2BIG
    }

    private static int RunTrue(string value)
    {
        var start = new ProcessStartInfo("/bin/true");
        start.Environment["V"] = value;
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The X of <c>/bin/bash -c 'X'</c> (X holds no single quote).</summary>
    internal static string ShellCommand(string commandLine)
    {
        const string prefix = "/bin/bash -c '";
        Assert.StartsWith(prefix, commandLine);
        Assert.EndsWith("'", commandLine);
        var inner = commandLine[prefix.Length..^1];
        Assert.DoesNotContain("'", inner);
        return inner;
    }
}

/// <summary>A folder deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("chpc-delivery-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
